import { mkdir, mkdtemp, readdir, symlink, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputError, type OutputFs } from './output-fs';
import { MANIFEST_FILE, manifestText } from './output-manifest';
import { snapshot } from './testing/disk-snapshot';
import { asFiles, contents, FIRST, SECOND, wrappedFs } from './testing/output-fixtures';
import { writeOutput } from './write-output';

const made: string[] = [];
const freshDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apw-write-'));
  made.push(dir);
  return dir;
};
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The real file system, but call number `failAt` (from 1) throws EIO instead; records calls. */
function failingFs(failAt: number): { io: OutputFs; calls: string[] } {
  return wrappedFs((call, name, path) => {
    if (call !== failAt) return;
    const error = new Error(`EIO: i/o error, ${name} '${path}'`);
    throw Object.assign(error, { code: 'EIO', errno: -5, syscall: name, path });
  });
}

describe('writeOutput', () => {
  it('creates a new folder and the missing ones above it, with a manifest', async () => {
    const out = join(await freshDir(), 'a', 'b', 'out');
    expect(await writeOutput(out, FIRST)).toEqual({ replaced: [], removed: [], forced: [] });
    expect(await contents(out)).toEqual({
      ...asFiles(FIRST),
      [MANIFEST_FILE]: manifestText(FIRST),
    });
  });

  it('replaces its own earlier files and removes the stale ones, with no --force', async () => {
    const out = join(await freshDir(), 'out');
    await writeOutput(out, FIRST);
    expect(await writeOutput(out, SECOND)).toEqual({
      replaced: ['guide.md', 'config.json', 'snippets/a.py'],
      removed: ['snippets/b.sql'],
      forced: [],
    });
    expect(await contents(out)).toEqual({
      ...asFiles(SECOND),
      [MANIFEST_FILE]: manifestText(SECOND),
    });
  });

  it('keeps a file of an earlier output that the user edited, and will not replace it unasked', async () => {
    const out = join(await freshDir(), 'out');
    await writeOutput(out, FIRST);
    await writeFile(join(out, 'snippets/b.sql'), 'select 2; -- mine now\n');
    await writeFile(join(out, 'guide.md'), '# First, with my notes\n');
    const before = await snapshot(out);
    const refused = writeOutput(out, SECOND);
    await expect(refused).rejects.toThrow(OutputError);
    await expect(refused).rejects.toThrow(
      `${out} holds files this command did not write (guide.md and snippets/b.sql); it would replace guide.md. Choose an empty or new folder, or add --force to replace that file (nothing else of yours is touched).`,
    );
    expect(await snapshot(out)).toEqual(before);

    expect(await writeOutput(out, SECOND, { force: true })).toEqual({
      replaced: ['config.json', 'snippets/a.py'],
      removed: [],
      forced: ['guide.md'],
    });
    expect(await contents(out)).toEqual({
      ...asFiles(SECOND),
      'snippets/b.sql': 'select 2; -- mine now\n',
      [MANIFEST_FILE]: manifestText(SECOND),
    });
  });

  it('names a few of many files in its way, and how many more', async () => {
    const out = await freshDir();
    for (let n = 10; n < 30; n += 1) await writeFile(join(out, `file-${n}.txt`), 'mine');
    await mkdir(join(out, 'node_modules'));
    await writeFile(join(out, 'config.json'), '{}');
    await expect(writeOutput(out, SECOND)).rejects.toThrow(
      `${out} holds files this command did not write (config.json, file-10.txt, file-11.txt, file-12.txt, file-13.txt, file-14.txt and 16 more); it would replace config.json. Choose`,
    );
  });

  it('refuses a folder, a link or a special path in the way, even with --force', async () => {
    const root = await freshDir();
    const elsewhere = join(root, 'elsewhere');
    await mkdir(elsewhere);
    const out = join(root, 'out');
    await mkdir(join(out, 'guide.md'), { recursive: true });
    await symlink(elsewhere, join(out, 'snippets'));
    await symlink(join(elsewhere, 'config.json'), join(out, 'config.json'));
    const before = await snapshot(root);
    await expect(writeOutput(out, SECOND, { force: true })).rejects.toThrow(
      `cannot write the guide to ${out}: snippets is a symbolic link where it needs a folder, guide.md is a folder where it needs a file and config.json is a symbolic link where it needs a file; move them away or choose another folder (--force replaces only files)`,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it.each([
    [
      'lists a file outside the folder',
      // With the very bytes of a file outside the folder: not a shape the CLI writes.
      manifestText([{ path: 'guide.md', content: 'keep me' }]).replace(
        '"guide.md"',
        '"../secret.txt"',
      ),
      'it lists "../secret.txt", not a file this command writes',
    ],
    ['is cut short', '{"format": "api-perf-wizard output"', 'not JSON'],
    [
      'is another program’s',
      manifestText(FIRST).replace('api-perf-wizard output', 'something else'),
      'its format is not "api-perf-wizard output"',
    ],
  ])('takes a manifest that %s for the user’s file, and says why', async (_, text, why) => {
    const root = await freshDir();
    const out = join(root, 'out');
    await mkdir(join(out, 'snippets'), { recursive: true });
    await writeFile(join(root, 'secret.txt'), 'keep me');
    await writeFile(join(out, 'guide.md'), '# First\n');
    await writeFile(join(out, MANIFEST_FILE), text);
    const before = await snapshot(root);
    await expect(writeOutput(out, SECOND)).rejects.toThrow(
      `.api-perf-wizard.json is not a manifest this command wrote (${why}), so none of the files it lists are taken for its own. ${out} holds files this command did not write (guide.md and .api-perf-wizard.json); it would replace guide.md and .api-perf-wizard.json. Choose an empty or new folder, or add --force to replace those two files (nothing else of yours is touched).`,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('writes into the folder a symbolic link points to, and keeps the link', async () => {
    const root = await freshDir();
    await mkdir(join(root, 'real'));
    await symlink(join(root, 'real'), join(root, 'link'));
    await writeOutput(join(root, 'link'), FIRST);
    expect(Object.keys(await contents(join(root, 'real')))).toHaveLength(FIRST.length + 1);
    expect((await snapshot(root)).link?.type).toBe('link');
  });

  it.each([
    ['its snippets stale or replaced', FIRST],
    ['no snippets folder yet', FIRST.slice(0, 2)],
  ])(
    'leaves everything as it was when any call fails, replacing an output with %s',
    async (_, earlier) => {
      /** An earlier output, a file of the user's in the way, one beside it: written with --force. */
      async function scene(): Promise<string> {
        const out = join(await freshDir(), 'out');
        await writeOutput(out, earlier);
        await writeFile(join(out, 'config.json'), '{"mine":true}\n');
        await writeFile(join(out, 'notes.txt'), 'mine\n');
        return out;
      }
      const dry = failingFs(0);
      await writeOutput(await scene(), SECOND, { force: true, fs: dry.io });
      const written = {
        ...asFiles(SECOND),
        'notes.txt': 'mine\n',
        [MANIFEST_FILE]: manifestText(SECOND),
      };
      const lastMove = dry.calls.findLastIndex((call) => call.startsWith('rename')) + 1;
      expect(dry.calls.length).toBeGreaterThan(lastMove);

      for (let failAt = 1; failAt <= dry.calls.length; failAt += 1) {
        const out = await scene();
        const before = await snapshot(out);
        const { io, calls } = failingFs(failAt);
        const writing = writeOutput(out, SECOND, { force: true, fs: io });
        if (failAt <= lastMove) {
          await expect(writing, calls.at(-1)).rejects.toThrow(
            /^cannot .*: input\/output error \(EIO\); check the disk or network share and try again$/,
          );
          expect(await snapshot(out), calls.at(-1)).toEqual(before);
        } else {
          // Once all is in place only the moved-aside files remain to delete: it says where.
          const { warning } = await writing;
          expect(warning, calls.at(-1)).toMatch(/^the guide is written, but cannot remove .*EIO/);
          const leftover = (await readdir(out)).filter((name) =>
            name.startsWith('.api-perf-wizard-'),
          );
          expect(leftover).toHaveLength(1);
          expect(warning).toContain(join(out, leftover[0] ?? ''));
          const files = Object.entries(await contents(out)).filter(
            ([path]) => !path.startsWith('.api-perf-wizard-'),
          );
          expect(Object.fromEntries(files)).toEqual(written);
        }
      }
    },
  );

  it('leaves no folder behind when any call of a new output fails', async () => {
    const dry = failingFs(0);
    await writeOutput(join(await freshDir(), 'a', 'b', 'out'), SECOND, { fs: dry.io });
    for (let failAt = 1; failAt <= dry.calls.length; failAt += 1) {
      const root = await freshDir();
      const { io, calls } = failingFs(failAt);
      await expect(writeOutput(join(root, 'a', 'b', 'out'), SECOND, { fs: io })).rejects.toThrow(
        /EIO/,
      );
      expect(await readdir(root), calls.at(-1)).toEqual([]);
    }
  });
});
