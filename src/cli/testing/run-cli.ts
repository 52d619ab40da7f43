import { execFile, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BIN = fileURLToPath(new URL('../../../bin/api-perf-wizard.js', import.meta.url));

/** What a run of the command line printed and returned. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line, as `npx api-perf-wizard` does, in a child process. */
export async function cli(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** How a started command line ended: `signal` when one ended it (then `code` is null). */
export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the real command line for a test that acts on it while it runs: `preload` is loaded
 * with `node --import` (testing/hold-rename.mjs), file descriptor 3 is a pipe it may talk on,
 * and `stdout` may be a file descriptor instead of a pipe.
 */
export function startCli(
  args: readonly string[],
  options: { preload?: string; stdout?: number } = {},
): { child: ChildProcess; ended: Promise<Ended> } {
  const node = options.preload ? ['--import', options.preload] : [];
  const stdio: StdioOptions = ['ignore', options.stdout ?? 'pipe', 'pipe', 'pipe'];
  const child = spawn(process.execPath, [...node, BIN, ...args], { stdio });
  const [stdout, stderr] = [[] as Buffer[], [] as Buffer[]];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const ended = new Promise<Ended>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      }),
    );
  });
  return { child, ended };
}

/** Temporary folders for one test file: `make()` one, `removeAll()` in afterAll. */
export function tempFolders(): { make: () => Promise<string>; removeAll: () => Promise<void> } {
  const made: string[] = [];
  return {
    make: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'apw-cli-'));
      made.push(dir);
      return dir;
    },
    removeAll: async () => {
      await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
