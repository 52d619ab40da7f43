import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GuideFile } from '../engine/index';

/**
 * Writes the guide's files under `dir`. An earlier output there is replaced; any other
 * non-empty directory is refused, so nothing of the user's is overwritten.
 */
export async function writeOutput(dir: string, files: readonly GuideFile[]): Promise<void> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException): string[] => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length > 0 && !existing.includes('guide.md')) {
    throw new Error(
      `${dir} is not empty and holds no earlier guide (no guide.md); choose an empty or new directory`,
    );
  }
  await Promise.all(
    ['guide.md', 'config.json', 'snippets'].map((name) =>
      rm(join(dir, name), { recursive: true, force: true }),
    ),
  );
  await mkdir(join(dir, 'snippets'), { recursive: true });
  for (const file of files) await writeFile(join(dir, file.path), file.content, 'utf8');
}
