import { execFile } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MANIFEST_FILE } from '../../src/cli/output-manifest';

/** A file the command line wrote: its bytes and its permission bits, as read back from disk. */
export type CliFile = { bytes: Buffer; mode: number };

/**
 * What the command line writes for a share query (`extra` adds options, e.g. `--layout
 * project`): file path (relative) → bytes and mode, read back from disk, no manifest.
 */
export async function cliFiles(query: string, ...extra: string[]): Promise<Map<string, CliFile>> {
  const out = join(await mkdtemp(join(tmpdir(), 'apw-e2e-')), 'out');
  await promisify(execFile)(process.execPath, [
    'bin/api-perf-wizard.js',
    'render',
    '--query',
    query,
    '--out',
    out,
    ...extra,
  ]);
  const files = new Map<string, CliFile>();
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (path === join(out, MANIFEST_FILE)) continue;
    const { mode } = await lstat(path);
    files.set(path.slice(out.length + 1), { bytes: await readFile(path), mode: mode & 0o777 });
  }
  return files;
}

/** What the command line writes for a share query: file path (relative) → bytes, no manifest. */
export async function cliOutput(query: string): Promise<Map<string, Buffer>> {
  const files = await cliFiles(query);
  return new Map([...files].map(([path, file]) => [path, file.bytes]));
}
