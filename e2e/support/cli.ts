import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MANIFEST_FILE } from '../../src/cli/output-manifest';

/** What the command line writes for a share query: file path (relative) → bytes, no manifest. */
export async function cliOutput(query: string): Promise<Map<string, Buffer>> {
  const out = join(await mkdtemp(join(tmpdir(), 'apw-e2e-')), 'out');
  await promisify(execFile)(process.execPath, [
    'bin/api-perf-wizard.js',
    'render',
    '--query',
    query,
    '--out',
    out,
  ]);
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (path === join(out, MANIFEST_FILE)) continue;
    files.set(path.slice(out.length + 1), await readFile(path));
  }
  return files;
}
