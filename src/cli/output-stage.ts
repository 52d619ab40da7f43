import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { attempt, type OutputFs } from './output-fs';

/** A hidden name for the temporary folder a write builds its files in, unlikely to be taken. */
export const stageName = (): string => `.api-perf-wizard-tmp-${randomBytes(6).toString('hex')}`;

/** True for a name `stageName` gives. */
export const isStageName = (name: string): boolean =>
  /^\.api-perf-wizard-tmp-[0-9a-f]{6,32}$/.test(name);

/**
 * A temporary folder of another run, killed or still going: `moves` when it was writing into an
 * existing folder (new/ and old/ inside), `folder` when it was building a new folder beside it.
 */
export interface Leftover {
  name: string;
  holds: 'moves' | 'folder' | 'nothing';
}

/** What a temporary folder found in `dir` holds, by its entries. */
export async function readLeftover(io: OutputFs, dir: string, name: string): Promise<Leftover> {
  const path = join(dir, name);
  const names = (await attempt('read', path, () => io.readdir(path))).map((entry) => entry.name);
  if (names.length === 0) return { name, holds: 'nothing' };
  return { name, holds: names.includes('new') || names.includes('old') ? 'moves' : 'folder' };
}
