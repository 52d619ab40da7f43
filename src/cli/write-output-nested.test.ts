import { mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputError, type OutputFs } from './output-fs';
import { MANIFEST_FILE, manifestText } from './output-manifest';
import { InterruptedError } from './signal-guard';
import { snapshot } from './testing/disk-snapshot';
import {
  asFiles,
  contents,
  FIRST,
  PROJECT_FIRST,
  PROJECT_SECOND,
  wrappedFs,
} from './testing/output-fixtures';
import { writeOutput } from './write-output';

const made: string[] = [];
const freshDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apw-nested-'));
  made.push(dir);
  return dir;
};
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

const umask = process.umask();
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** Every folder under `dir` (relative, sorted). */
async function foldersIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const SECOND_WRITTEN = {
  ...asFiles(PROJECT_SECOND),
  [MANIFEST_FILE]: manifestText(PROJECT_SECOND),
};

/** An earlier project output, the user's file in the way and one in a folder it used: --force. */
async function scene(): Promise<string> {
  const out = join(await freshDir(), 'out');
  await writeOutput(out, PROJECT_FIRST);
  await writeFile(join(out, 'config.json'), '{"mine":true}\n');
  await writeFile(join(out, 'src', 'http', 'notes.txt'), 'mine\n');
  return out;
}

const WRITTEN_OVER_SCENE = {
  ...SECOND_WRITTEN,
  'src/http/notes.txt': 'mine\n',
};

/** The real file system, but call number `failAt` (from 1) throws EIO instead; records calls. */
function failingFs(failAt: number): { io: OutputFs; calls: string[] } {
  return wrappedFs((call, name, path) => {
    if (call !== failAt) return;
    const error = new Error(`EIO: i/o error, ${name} '${path}'`);
    throw Object.assign(error, { code: 'EIO', errno: -5, syscall: name, path });
  });
}

describe('writeOutput, nested paths', () => {
  it('creates a new tree: every folder, every file, scripts executable', async () => {
    const out = join(await freshDir(), 'new', 'out');
    expect(await writeOutput(out, PROJECT_FIRST)).toEqual({
      replaced: [],
      removed: [],
      forced: [],
    });
    expect(await contents(out)).toEqual({
      ...asFiles(PROJECT_FIRST),
      [MANIFEST_FILE]: manifestText(PROJECT_FIRST),
    });
    expect(await foldersIn(out)).toEqual([
      'db',
      'db/sql',
      'deploy',
      'deploy/etc',
      'deploy/etc/nginx',
      'deploy/etc/nginx/conf.d',
      'scripts',
      'src',
      'src/http',
    ]);
    expect(await modeOf(join(out, 'scripts/run-local.sh'))).toBe(0o755 & ~umask);
    expect(await modeOf(join(out, 'src/app.js'))).toBe(0o666 & ~umask);
  });

  it('replaces an earlier project output, and removes the folders only it used', async () => {
    const out = join(await freshDir(), 'out');
    await writeOutput(out, PROJECT_FIRST);
    expect(await writeOutput(out, PROJECT_SECOND)).toEqual({
      replaced: ['README.md', 'guide.md', 'config.json', 'db/sql/x.sql', 'scripts/run-local.sh'],
      removed: ['deploy/etc/nginx/conf.d/api.conf', 'src/app.js', 'src/http/etag.ts'],
      forced: [],
    });
    expect(await contents(out)).toEqual(SECOND_WRITTEN);
    expect(await foldersIn(out)).toEqual(['app', 'db', 'db/sql', 'scripts']);
    expect(await modeOf(join(out, 'scripts/run-local.sh'))).toBe(0o755 & ~umask);
  });

  it('moves between the flat and the project layout', async () => {
    const out = join(await freshDir(), 'out');
    await writeOutput(out, FIRST);
    await writeOutput(out, PROJECT_FIRST);
    expect(await contents(out)).toEqual({
      ...asFiles(PROJECT_FIRST),
      [MANIFEST_FILE]: manifestText(PROJECT_FIRST),
    });
    expect(await foldersIn(out)).not.toContain('snippets');
    await writeOutput(out, FIRST);
    expect(await contents(out)).toEqual({
      ...asFiles(FIRST),
      [MANIFEST_FILE]: manifestText(FIRST),
    });
    expect(await foldersIn(out)).toEqual(['snippets']);
  });

  it('keeps the user’s files beside the output, in its folders too, and asks before writing there', async () => {
    const out = join(await freshDir(), 'out');
    await writeOutput(out, PROJECT_FIRST);
    await writeFile(join(out, 'src', 'http', 'notes.txt'), 'mine\n');
    await mkdir(join(out, 'src', 'vendor'));
    await writeFile(join(out, 'src', 'vendor', 'lib.js'), 'mine\n');
    await writeFile(join(out, 'src', 'app.js'), 'export const app = "mine";\n');
    await mkdir(join(out, 'node_modules'));
    const before = await snapshot(out);
    await expect(writeOutput(out, PROJECT_SECOND)).rejects.toThrow(
      `${out} holds files this command did not write (node_modules/…, src/app.js, src/http/notes.txt and src/vendor/…); it would replace none of them. Choose an empty or new folder, or add --force to write there anyway (nothing of yours is touched).`,
    );
    expect(await snapshot(out)).toEqual(before);

    expect(await writeOutput(out, PROJECT_SECOND, { force: true })).toEqual({
      replaced: ['README.md', 'guide.md', 'config.json', 'db/sql/x.sql', 'scripts/run-local.sh'],
      removed: ['deploy/etc/nginx/conf.d/api.conf', 'src/http/etag.ts'],
      forced: [],
    });
    expect(await contents(out)).toEqual({
      ...SECOND_WRITTEN,
      'src/app.js': 'export const app = "mine";\n',
      'src/http/notes.txt': 'mine\n',
      'src/vendor/lib.js': 'mine\n',
    });
    const after = await snapshot(out);
    for (const path of ['src/app.js', 'src/http/notes.txt', 'src/vendor/lib.js', 'node_modules']) {
      expect(after[path], path).toEqual(before[path]);
    }
    expect(await foldersIn(out)).toEqual([
      'app',
      'db',
      'db/sql',
      'node_modules',
      'scripts',
      'src',
      'src/http',
      'src/vendor',
    ]);
  });

  it('refuses a file or a link where it needs a folder, even with --force, and takes no file behind a link for its own', async () => {
    const root = await freshDir();
    const out = join(root, 'out');
    await writeOutput(out, PROJECT_FIRST);
    // The same bytes as its own, but through a link: someone else's, wherever it points.
    await rm(join(out, 'db'), { recursive: true });
    await mkdir(join(root, 'elsewhere', 'sql'), { recursive: true });
    await writeFile(join(root, 'elsewhere', 'sql', 'x.sql'), 'select 1;\n');
    await symlink(join(root, 'elsewhere'), join(out, 'db'));
    await rm(join(out, 'scripts'), { recursive: true });
    await writeFile(join(out, 'scripts'), 'mine\n');
    const before = await snapshot(root);
    await expect(writeOutput(out, PROJECT_SECOND, { force: true })).rejects.toThrow(
      `cannot write the guide to ${out}: db is a symbolic link where it needs a folder and scripts is a file where it needs a folder; move them away or choose another folder (--force replaces only files)`,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('refuses a path that is not safe before it touches anything', async () => {
    const root = await freshDir();
    for (const path of ['../x.txt', '/etc/x', 'a//b', '.api-perf-wizard.json', 'src/../../x']) {
      await expect(writeOutput(join(root, 'out'), [{ path, content: 'x' }]), path).rejects.toThrow(
        `${JSON.stringify(path)} is not a safe path`,
      );
    }
    expect(await readdir(root)).toEqual([]);
  });

  it('leaves everything as it was when any call fails, replacing an earlier project', async () => {
    const dry = failingFs(0);
    await writeOutput(await scene(), PROJECT_SECOND, { force: true, fs: dry.io });
    const lastMove = dry.calls.findLastIndex((call) => call.startsWith('rename')) + 1;
    expect(dry.calls.filter((call) => call.startsWith('mkdir')).length).toBeGreaterThan(6);
    for (let failAt = 1; failAt <= dry.calls.length; failAt += 1) {
      const out = await scene();
      const before = await snapshot(out);
      const { io, calls } = failingFs(failAt);
      const writing = writeOutput(out, PROJECT_SECOND, { force: true, fs: io });
      if (failAt <= lastMove) {
        await expect(writing, calls.at(-1)).rejects.toThrow(OutputError);
        expect(await snapshot(out), calls.at(-1)).toEqual(before);
      } else {
        // Past the last move only the moved-aside files and emptied folders are left to remove.
        const { warning } = await writing.catch(() => ({ warning: 'threw' }));
        expect(warning ?? '', calls.at(-1)).not.toBe('threw');
        const files = Object.entries(await contents(out)).filter(
          ([path]) => !path.startsWith('.api-perf-wizard-'),
        );
        expect(Object.fromEntries(files), calls.at(-1)).toEqual(WRITTEN_OVER_SCENE);
      }
    }
  });

  it('leaves no folder behind when any call of a new tree fails', async () => {
    const dry = failingFs(0);
    await writeOutput(join(await freshDir(), 'a', 'out'), PROJECT_FIRST, { fs: dry.io });
    for (let failAt = 1; failAt <= dry.calls.length; failAt += 1) {
      const root = await freshDir();
      const { io, calls } = failingFs(failAt);
      await expect(writeOutput(join(root, 'a', 'out'), PROJECT_FIRST, { fs: io })).rejects.toThrow(
        /EIO/,
      );
      expect(await readdir(root), calls.at(-1)).toEqual([]);
    }
  });

  it('puts everything back on SIGINT during any change of a nested write', async () => {
    const dry = wrappedFs(() => undefined);
    await writeOutput(await scene(), PROJECT_SECOND, { force: true, fs: dry.io });
    const firstChange = dry.calls.findIndex((call) => call.startsWith('mkdir')) + 1;
    const lastMove = dry.calls.findLastIndex((call) => call.startsWith('rename')) + 1;
    for (let holdAt = firstChange; holdAt <= dry.calls.length; holdAt += 1) {
      const out = await scene();
      const before = await snapshot(out);
      const { io, calls } = wrappedFs((call) => {
        if (call === holdAt) process.emit('SIGINT');
      });
      const error: unknown = await writeOutput(out, PROJECT_SECOND, { force: true, fs: io }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      const during = calls[holdAt - 1];
      expect(error, during).toBeInstanceOf(InterruptedError);
      if (holdAt <= lastMove) {
        expect((error as Error).message, during).toBe(`interrupted (SIGINT); ${out} is as it was`);
        expect(await snapshot(out), during).toEqual(before);
      } else {
        expect(await contents(out), during).toEqual(WRITTEN_OVER_SCENE);
      }
    }
  });
});
