import { execFile } from 'node:child_process';
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
