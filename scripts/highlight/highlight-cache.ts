import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_DIR = join(ROOT, 'node_modules/.cache/precomputed-highlights');

/** What the tokens depend on: the tokenizer's sources and the locked shiki version. */
const TOKENIZER_FILES = [
  'src/features/guide/highlight/tokenize.ts',
  'src/features/guide/highlight/scope-colours.ts',
  'src/features/guide/highlight/line-memo.ts',
  'src/features/guide/highlight/contrast.ts',
  'src/features/guide/highlight/highlight-payload.ts',
  'src/features/guide/highlight/shiki-grammars.ts',
  'package-lock.json',
];

async function digestOf(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(join(ROOT, file)).catch(() => Buffer.from('(missing)')));
  }
  return hash.digest('hex').slice(0, 16);
}

async function engineSources(dir = 'src/engine'): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return engineSources(path);
      return Promise.resolve(
        entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [],
      );
    }),
  );
  return nested.flat().sort();
}

/** Changes whenever the tokens of a given block could change. */
export function tokenizerVersion(): Promise<string> {
  return digestOf(TOKENIZER_FILES);
}

/** Changes whenever the set of blocks a template renders could change: template, labels, engine. */
export async function blocksVersion(templateFiles: readonly string[]): Promise<string> {
  const relative = templateFiles.map((file) => file.slice(ROOT.length));
  return digestOf([...relative, ...(await engineSources()), 'package-lock.json']);
}

/** A cached JSON value, or undefined when there is none (or it is unreadable). */
export async function readCache<T>(kind: string, version: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(join(CACHE_DIR, `${kind}-${version}.json`), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * Stores a value under its version and drops older versions of the same kind. Written to a
 * temporary file and renamed, so a build running at the same time never reads half a file.
 */
export async function writeCache(kind: string, version: string, value: unknown): Promise<void> {
  await mkdir(CACHE_DIR, { recursive: true });
  const name = `${kind}-${version}.json`;
  const temporary = join(CACHE_DIR, `.${name}.${process.pid}`);
  await writeFile(temporary, JSON.stringify(value));
  await rename(temporary, join(CACHE_DIR, name));
  for (const other of await readdir(CACHE_DIR)) {
    if (other.startsWith(`${kind}-`) && other !== name)
      await rm(join(CACHE_DIR, other), { force: true });
  }
}
