import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from './output-manifest';
import { snapshot } from './testing/disk-snapshot';
import { startCli, tempFolders } from './testing/run-cli';

const HOLD_RENAME = fileURLToPath(new URL('testing/hold-rename.mjs', import.meta.url));
const REJECT_LATER = fileURLToPath(new URL('testing/reject-later.mjs', import.meta.url));
const QUERY =
  'api_architecture=grpc&backend_technology=python&expected_load=extreme&data_complexity=complex-queries&performance_targets=sub-100ms&infrastructure=serverless';

const folders = tempFolders();
afterAll(folders.removeAll);

/** The user's project: their own guide.md and config.json, which --force replaces, and notes. */
async function userProject(): Promise<string> {
  const dir = join(await folders.make(), 'project');
  await mkdir(join(dir, 'snippets'), { recursive: true });
  await writeFile(join(dir, 'guide.md'), '# My own guide\n');
  await writeFile(join(dir, 'config.json'), '{ "mine": true }\n');
  await writeFile(join(dir, 'notes.txt'), 'do not lose\n');
  return dir;
}

/** `render --force` into `project`, held at its third move (testing/hold-rename.mjs). */
async function heldRender(project: string) {
  const run = startCli(['render', '--query', QUERY, '--out', project, '--force'], {
    preload: HOLD_RENAME,
  });
  await new Promise<void>((resolve, reject) => {
    run.child.stdio[3]?.once('data', () => resolve());
    run.ended.then(
      (ended) => reject(new Error(`ended before its third move: ${JSON.stringify(ended)}`)),
      reject,
    );
  });
  return run;
}

const CLI_TIMEOUT = { timeout: 60_000 };

describe('api-perf-wizard as a process', CLI_TIMEOUT, () => {
  it('puts the folder back as it was on Ctrl-C during the moves, says so, exits 130', async () => {
    const project = await userProject();
    const before = await snapshot(project);
    const { child, ended } = await heldRender(project);
    // guide.md and config.json are moved aside, the new guide.md is next: Ctrl-C.
    child.kill('SIGINT');
    expect(await ended).toEqual({
      code: 130,
      signal: null,
      stdout: '',
      stderr: `error: interrupted (SIGINT); ${project} is as it was\n`,
    });
    expect(await snapshot(project)).toEqual(before);
  });

  it('after kill -9 half way, refuses the folder and says what the run left where', async () => {
    const project = await userProject();
    const { child, ended } = await heldRender(project);
    child.kill('SIGKILL');
    expect((await ended).signal).toBe('SIGKILL');
    const [stage = ''] = (await readdir(project)).filter((name) => name.startsWith('.api-perf-'));
    expect((await readdir(join(project, stage, 'old'))).sort()).toEqual([
      'config.json',
      'guide.md',
    ]);
    const before = await snapshot(project);
    const again = startCli(['render', '--query', QUERY, '--out', project, '--force']);
    expect(await again.ended).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr: `error: ${project} holds ${stage}/, a temporary folder left by an api-perf-wizard that was interrupted (or is still running); its old/ holds the files that run had moved aside, its new/ what it was writing. Nothing was written. If no other api-perf-wizard is running, move what you need from old/ back into ${project}, then remove the folder and run this again (--force does not skip this; this command never removes or reuses such a folder).\n`,
    });
    expect(await snapshot(project)).toEqual(before);
  });

  it('stops writing quietly when the reader of stdout goes away, keeping the exit code', async () => {
    const out = join(await folders.make(), 'out');
    const { child, ended } = startCli(['render', '--query', QUERY, '--out', out, '--json']);
    // Long before the command prints: its writes to stdout fail with EPIPE.
    child.stdout?.destroy();
    expect(await ended).toMatchObject({ code: 0, signal: null, stderr: '' });
    expect(await readdir(out)).toContain(MANIFEST_FILE);
  });

  it.skipIf(!existsSync('/dev/full'))(
    'says in one line that stdout could not be written to a full disk, exits 2',
    async () => {
      const out = join(await folders.make(), 'out');
      const full = openSync('/dev/full', 'w');
      try {
        const { ended } = startCli(['render', '--query', QUERY, '--out', out], { stdout: full });
        expect(await ended).toEqual({
          code: 2,
          signal: null,
          stdout: '',
          stderr:
            'error: cannot write the output to stdout: no space left on the disk (ENOSPC); free some space or choose another disk\n',
        });
      } finally {
        closeSync(full);
      }
      // The files were written before: they stay.
      expect(JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8'))).toMatchObject({
        version: 1,
      });
    },
  );

  it('says a failure no command expected in one line, as a bug, exits 1', async () => {
    const { ended } = startCli(['params'], { preload: REJECT_LATER });
    const { code, stderr } = await ended;
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr:
        'error: internal error: a late failure; this is a bug, please report it with the command you ran\n',
    });
  });
});
