import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { realFs, type OutputFs } from '../output-fs';

/** An earlier output, and the next one: a.py changes, b.sql goes, c.go comes. */
export const FIRST = [
  { path: 'guide.md', content: '# First\n' },
  { path: 'config.json', content: '{"first":true}\n' },
  { path: 'snippets/a.py', content: 'print("a")\n' },
  { path: 'snippets/b.sql', content: 'select 1;\n' },
];
export const SECOND = [
  { path: 'guide.md', content: '# Second\n' },
  { path: 'config.json', content: '{"second":true}\n' },
  { path: 'snippets/a.py', content: 'print("a, again")\n' },
  { path: 'snippets/c.go', content: 'package c\n' },
];

/** Every file under `dir` (relative path → text). */
export async function contents(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    result[path.slice(dir.length + 1)] = await readFile(path, 'utf8');
  }
  return result;
}

export const asFiles = (files: readonly { path: string; content: string }[]) =>
  Object.fromEntries(files.map((file) => [file.path, file.content]));

/**
 * The real file system, but `before(n, name, path)` runs ahead of call number n (from 1) and is
 * awaited: it may throw instead, or hold the call. Records each call as "name path".
 */
export function wrappedFs(
  before: (call: number, name: string, path: string) => void | Promise<void>,
): { io: OutputFs; calls: string[] } {
  const calls: string[] = [];
  const io = Object.fromEntries(
    Object.entries(realFs).map(([name, call]) => [
      name,
      async (...args: [string, string]) => {
        calls.push(`${name} ${args[0]}`);
        await before(calls.length, name, args[0]);
        return (call as (...a: [string, string]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as OutputFs;
  return { io, calls };
}

/**
 * An earlier project output and the next one, in nested folders: src/ and deploy/ go, app/
 * comes, db/sql/x.sql and the run script change, an executable script stays executable.
 */
export const PROJECT_FIRST = [
  { path: 'README.md', content: '# First project\n' },
  { path: 'guide.md', content: '# First\n' },
  { path: 'config.json', content: '{"first":true}\n' },
  { path: 'src/app.js', content: 'export const app = 1;\n' },
  { path: 'src/http/etag.ts', content: 'export {};\n' },
  { path: 'db/sql/x.sql', content: 'select 1;\n' },
  { path: 'scripts/run-local.sh', content: 'exec node src/app.js\n', executable: true },
  { path: 'deploy/etc/nginx/conf.d/api.conf', content: 'server {}\n' },
];
export const PROJECT_SECOND = [
  { path: 'README.md', content: '# Second project\n' },
  { path: 'guide.md', content: '# Second\n' },
  { path: 'config.json', content: '{"second":true}\n' },
  { path: 'app/main.py', content: 'print("main")\n' },
  { path: 'db/sql/x.sql', content: 'select 2;\n' },
  { path: 'scripts/run-local.sh', content: 'exec python3 -m app.main\n', executable: true },
];
