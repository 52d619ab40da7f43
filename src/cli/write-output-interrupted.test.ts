import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, manifestText } from './output-manifest';
import { InterruptedError, STOP_SIGNALS, type StopSignal } from './signal-guard';
import { snapshot } from './testing/disk-snapshot';
import { asFiles, contents, FIRST, SECOND, wrappedFs } from './testing/output-fixtures';
import { writeOutput } from './write-output';

const made: string[] = [];
const freshDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'apw-interrupted-'));
  made.push(dir);
  return dir;
};
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** An earlier output, a file of the user's in the way and one beside it: written with --force. */
async function scene(): Promise<string> {
  const out = join(await freshDir(), 'out');
  await writeOutput(out, FIRST);
  await writeFile(join(out, 'config.json'), '{"mine":true}\n');
  await writeFile(join(out, 'notes.txt'), 'mine\n');
  return out;
}

const WRITTEN = {
  ...asFiles(SECOND),
  'notes.txt': 'mine\n',
  [MANIFEST_FILE]: manifestText(SECOND),
};

const listeners = () => STOP_SIGNALS.map((signal) => process.listenerCount(signal));

/**
 * Writes `files` to `out` on the real file system, but holds call number `holdAt` open: while
 * it waits, `signal` reaches the process (as `kill` would deliver it to the handlers); then the
 * call goes on. A second signal comes during the next call (the first undo, if any), when
 * `guarded` records whether the handlers were still there to take it.
 */
async function interruptedWrite(
  out: string,
  files: typeof SECOND,
  holdAt: number,
  signal: StopSignal = 'SIGINT',
): Promise<{ error?: unknown; calls: string[]; guarded?: boolean }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let reached = () => {};
  const holding = new Promise<void>((resolve) => (reached = resolve));
  const unguarded = process.listenerCount('SIGTERM');
  let guarded: boolean | undefined;
  const { io, calls } = wrappedFs(async (call) => {
    if (call === holdAt) {
      reached();
      await held;
    }
    // Ignored: the first signal is the one that counts, and the rollback runs to its end.
    if (call === holdAt + 1) {
      guarded = process.listenerCount('SIGTERM') > unguarded;
      process.emit('SIGTERM');
    }
  });
  const writing = writeOutput(out, files, { force: true, fs: io }).then(
    () => ({ calls, guarded }),
    (error: unknown) => ({ error, calls, guarded }),
  );
  await Promise.race([holding, writing]);
  process.emit(signal);
  release();
  return writing;
}

/** The calls a write makes; where its changes start (first mkdir), its moves start and end. */
async function dryRun(out: string, files: typeof SECOND) {
  const { io, calls } = wrappedFs(() => undefined);
  await writeOutput(out, files, { force: true, fs: io });
  const firstChange = calls.findIndex((call) => call.startsWith('mkdir')) + 1;
  const firstMove = calls.findIndex((call) => call.startsWith('rename')) + 1;
  const lastMove = calls.findLastIndex((call) => call.startsWith('rename')) + 1;
  return { count: calls.length, firstChange, firstMove, lastMove };
}

describe('writeOutput, interrupted', () => {
  it('puts everything back on SIGINT during any change, and once done says the guide is there', async () => {
    const initial = listeners();
    const { count, firstChange, lastMove } = await dryRun(await scene(), SECOND);
    expect(count).toBeGreaterThan(lastMove);
    for (let holdAt = firstChange; holdAt <= count; holdAt += 1) {
      const out = await scene();
      const before = await snapshot(out);
      const { error, calls, guarded } = await interruptedWrite(out, SECOND, holdAt);
      const during = calls[holdAt - 1];
      if (holdAt < count) expect(guarded, during).toBe(true);
      expect(error, during).toBeInstanceOf(InterruptedError);
      expect((error as InterruptedError).exitCode).toBe(130);
      if (holdAt <= lastMove) {
        expect((error as Error).message, during).toBe(`interrupted (SIGINT); ${out} is as it was`);
        expect(await snapshot(out), during).toEqual(before);
      } else {
        // Past the last move there is nothing to undo: it tidies up, then stops.
        expect((error as Error).message, during).toBe(
          `interrupted (SIGINT) once the guide was in place; ${out} holds the new guide`,
        );
        expect(await contents(out), during).toEqual(WRITTEN);
      }
      expect(listeners(), during).toEqual(initial);
    }
  });

  it('leaves no folder behind when a new output is interrupted', async () => {
    const initial = listeners();
    const dry = await dryRun(join(await freshDir(), 'a', 'out'), SECOND);
    for (let holdAt = dry.firstChange; holdAt <= dry.count; holdAt += 1) {
      const root = await freshDir();
      const out = join(root, 'a', 'out');
      const { error, calls } = await interruptedWrite(out, SECOND, holdAt);
      expect((error as Error).message, calls[holdAt - 1]).toBe(
        `interrupted (SIGINT); nothing was written (${out} was not created)`,
      );
      expect(await readdir(root)).toEqual([]);
      expect(listeners()).toEqual(initial);
    }
  });

  it('says where to look when putting things back fails too', async () => {
    const out = await scene();
    const { firstMove: moveAside } = await dryRun(await scene(), SECOND);
    const { io } = wrappedFs((call, _, path) => {
      if (call === moveAside) process.emit('SIGINT');
      // The undo of that move: the file moved aside stays in the temporary folder.
      if (call === moveAside + 1) throw Object.assign(new Error('EIO'), { code: 'EIO', path });
    });
    const error: unknown = await writeOutput(out, SECOND, { force: true, fs: io }).catch(
      (caught: unknown) => caught,
    );
    const [stage = ''] = (await readdir(out)).filter((name) => name.startsWith('.api-perf-'));
    expect(await readdir(join(out, stage, 'old'))).toEqual(['guide.md']);
    expect(error).toMatchObject({
      exitCode: 130,
      message: `interrupted (SIGINT); undoing what it had done failed (3 steps): look in ${join(out, stage)} for files that belong in its folder`,
    });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('stops on %s alike, for exit code %i', async (signal, code) => {
    const out = await scene();
    const before = await snapshot(out);
    const { lastMove } = await dryRun(await scene(), SECOND);
    const { error } = await interruptedWrite(out, SECOND, lastMove - 2, signal);
    expect(error).toMatchObject({ signal, exitCode: code });
    expect((error as Error).message).toBe(`interrupted (${signal}); ${out} is as it was`);
    expect(await snapshot(out)).toEqual(before);
  });
});

describe('writeOutput, after a run that was killed or is still running', () => {
  it('refuses a folder that holds its temporary folder, even with --force, and touches nothing', async () => {
    const out = await scene();
    const stage = join(out, '.api-perf-wizard-tmp-30a0ccb5a9db');
    await mkdir(join(stage, 'old'), { recursive: true });
    await mkdir(join(stage, 'new'));
    await writeFile(join(stage, 'old', 'guide.md'), '# the user’s, moved aside\n');
    const before = await snapshot(out);
    await expect(writeOutput(out, SECOND, { force: true })).rejects.toThrow(
      `${out} holds .api-perf-wizard-tmp-30a0ccb5a9db/, a temporary folder left by an api-perf-wizard that was interrupted (or is still running); its old/ holds the files that run had moved aside, its new/ what it was writing. Nothing was written. If no other api-perf-wizard is running, move what you need from old/ back into ${out}, then remove the folder and run this again (--force does not skip this; this command never removes or reuses such a folder).`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('tells apart the folder a run was creating beside its new folder', async () => {
    const root = await freshDir();
    await mkdir(join(root, '.api-perf-wizard-tmp-0123456789ab', 'snippets'), { recursive: true });
    await writeFile(join(root, '.api-perf-wizard-tmp-0123456789ab', 'guide.md'), '# half\n');
    await mkdir(join(root, '.api-perf-wizard-tmp-ba9876543210', 'new'), { recursive: true });
    await mkdir(join(root, '.api-perf-wizard-tmp-ffffffffffff'));
    await expect(writeOutput(root, SECOND)).rejects.toThrow(
      `${root} holds 3 temporary folders, each left by an api-perf-wizard that was interrupted (or is still running): .api-perf-wizard-tmp-0123456789ab/ (it holds the new folder that run was building, nothing it had moved aside); .api-perf-wizard-tmp-ba9876543210/ (its old/ holds the files that run had moved aside, its new/ what it was writing); .api-perf-wizard-tmp-ffffffffffff/ (it is empty). Nothing was written. If no other api-perf-wizard is running, move what you need from old/ back into ${root}, then remove them and run this again`,
    );
  });
});
