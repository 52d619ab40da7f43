import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeFsError, errorCode } from './fs-errors';

const errno = (code: string) =>
  Object.assign(new Error(`${code}: something, open '/x/out/guide.md'`), { code, syscall: 'open' });

describe('describeFsError', () => {
  it.each([
    ['ENOENT', 'no such file or folder'],
    ['ENOTDIR', 'a part of the path is a file, not a folder'],
    ['EISDIR', 'it is a folder, where a file is needed'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'operation not permitted'],
    ['EROFS', 'the file system is read-only'],
    ['ENOSPC', 'no space left on the disk'],
    ['EDQUOT', 'disk quota exceeded'],
    ['EEXIST', 'it already exists'],
    ['ENAMETOOLONG', 'the path or a name in it is too long'],
    ['ELOOP', 'too many symbolic links'],
    ['EMFILE', 'too many open files'],
    ['ENFILE', 'too many open files'],
    ['EBUSY', 'it is in use'],
    ['EXDEV', 'it is on another disk'],
    ['EIO', 'input/output error'],
  ])('says what %s means and what to do, on one line', (code, reason) => {
    const line = describeFsError(errno(code), 'write to', '/x/out');
    expect(line.startsWith(`cannot write to /x/out: ${reason}`)).toBe(true);
    expect(line).toMatch(new RegExp(`\\(${code}\\); \\w.+$`));
    expect(line).not.toContain('\n');
  });

  it('reads the code of a real error from node:fs', async () => {
    const error: unknown = await readFile('/nonexistent/apw').catch((caught: unknown) => caught);
    expect(errorCode(error)).toBe('ENOENT');
    expect(describeFsError(error, 'read', '/nonexistent/apw')).toBe(
      'cannot read /nonexistent/apw: no such file or folder (ENOENT); check the path',
    );
  });

  it('falls back to the first line of the message, never a stack', () => {
    const odd = Object.assign(new Error("ESTRANGE: odd failure, rename '/a' -> '/b'\nmore"), {
      code: 'ESTRANGE',
    });
    expect(describeFsError(odd, 'replace', '/x/out/guide.md')).toBe(
      'cannot replace /x/out/guide.md: odd failure (ESTRANGE); check the path and try again',
    );
    const plain = new Error('boom\n    at somewhere (file.ts:1:1)');
    expect(describeFsError(plain, 'write to', '/x')).toBe(
      'cannot write to /x: boom; check the path and try again',
    );
    expect(describeFsError('weird', 'write to', '/x')).toBe(
      'cannot write to /x: weird; check the path and try again',
    );
    expect(describeFsError(new Error(''), 'write to', '/x')).toBe(
      'cannot write to /x: unknown error; check the path and try again',
    );
  });
});
