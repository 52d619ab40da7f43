import { join } from 'node:path';
import { attempt, kindOf, lstatOrNone, type OutputFs } from './output-fs';
import { MANIFEST_FILE, MAX_MANIFEST_BYTES, parseManifest, sha256 } from './output-manifest';
import { foldersOf, isInside } from './output-paths';
import { isStageName, readLeftover, type Leftover } from './output-stage';

/** A path the output needs that holds something no output may replace. */
export interface Blocked {
  path: string;
  /** "a folder", "a symbolic link", "a file"… */
  kind: string;
  needs: 'a file' | 'a folder';
}

/** What writing an output into an existing folder would do there. */
export interface OutputPlan {
  /** Everything in the folder this command did not write, or that was changed since. */
  foreign: string[];
  /** Files of an earlier output, unchanged since, that the new output replaces. */
  replaceOwn: string[];
  /** The user's files at paths the new output needs: replaced only with --force. */
  replaceUser: string[];
  /** Files of an earlier output, unchanged since, that the new output no longer has. */
  stale: string[];
  blocked: Blocked[];
  /** The folders the new output needs that are not there yet, each after its parent. */
  createFolders: string[];
  /** Temporary folders of runs that were killed or are still running: never touched. */
  leftovers: Leftover[];
  /** Why the folder's `.api-perf-wizard.json` is not taken for a manifest the command wrote. */
  manifestProblem?: string;
}

/**
 * Looks at `dir` (which exists) before writing the `needed` paths there. Only what an earlier
 * output's manifest lists, byte for byte unchanged, is taken as the command's own.
 */
export async function planOutput(
  io: OutputFs,
  dir: string,
  needed: readonly string[],
): Promise<OutputPlan> {
  const { manifest, own, problem } = await ownFiles(io, dir);
  const plan: OutputPlan = {
    foreign: [],
    replaceOwn: [],
    replaceUser: [],
    stale: [...own].filter((path) => !needed.includes(path)).sort(),
    blocked: [],
    createFolders: [],
    leftovers: [],
    ...(problem === undefined ? {} : { manifestProblem: problem }),
  };
  // Behind a file or link where a folder is needed there is nothing to look at, or someone
  // else's folder; below a missing folder there is nothing at all.
  const unusable: string[] = [];
  for (const folder of foldersOf(needed)) {
    if (isInside(folder, unusable)) continue;
    const stats = isInside(folder, plan.createFolders)
      ? undefined
      : await lstatOrNone(io, join(dir, folder));
    if (stats === undefined) plan.createFolders.push(folder);
    else if (!stats.isDirectory()) {
      plan.blocked.push({ path: folder, kind: kindOf(stats), needs: 'a folder' });
      unusable.push(folder);
    }
  }
  for (const path of needed) {
    if (isInside(path, unusable) || isInside(path, plan.createFolders)) continue;
    const stats = await lstatOrNone(io, join(dir, path));
    if (stats === undefined) continue;
    if (!stats.isFile()) plan.blocked.push({ path, kind: kindOf(stats), needs: 'a file' });
    else if (own.has(path) || (path === MANIFEST_FILE && manifest)) plan.replaceOwn.push(path);
    else plan.replaceUser.push(path);
  }
  const walked = new Set(foldersOf([...needed, ...own]));
  const { found, leftovers } = await foreignEntries(io, dir, manifest, own, walked);
  plan.leftovers = leftovers;
  // What the output would replace first, in output order; then the rest by name.
  const rank = (path: string) => (needed.includes(path) ? needed.indexOf(path) : needed.length);
  plan.foreign = found.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return plan;
}

/**
 * The files an earlier output's manifest lists that are still regular files with its bytes;
 * `problem` says why a manifest file that is there was not taken for one the command wrote.
 */
async function ownFiles(
  io: OutputFs,
  dir: string,
): Promise<{ manifest: boolean; own: Set<string>; problem?: string }> {
  const own = new Set<string>();
  const path = join(dir, MANIFEST_FILE);
  const stats = await lstatOrNone(io, path);
  // Not a file: refused as in the way (output-messages.ts, blockedMessage).
  if (!stats?.isFile()) return { manifest: false, own };
  if (stats.size > MAX_MANIFEST_BYTES) {
    return { manifest: false, own, problem: 'over 1 MB' };
  }
  const read = parseManifest((await attempt('read', path, () => io.readFile(path))).toString());
  if ('problem' in read) return { manifest: false, own, problem: read.problem };
  // Through a link, files would be someone else's, wherever it points: only real folders count.
  const realFolders = new Map<string, boolean>();
  const isRealFolder = async (folder: string) => {
    let real = realFolders.get(folder);
    if (real === undefined) {
      real = (await lstatOrNone(io, join(dir, folder)))?.isDirectory() ?? false;
      realFolders.set(folder, real);
    }
    return real;
  };
  for (const [relative, hash] of read.files) {
    let reachable = true;
    for (const folder of foldersOf([relative])) reachable &&= await isRealFolder(folder);
    if (!reachable) continue;
    const file = join(dir, relative);
    const fileStats = await lstatOrNone(io, file);
    if (!fileStats?.isFile()) continue;
    if (sha256(await attempt('read', file, () => io.readFile(file))) === hash) own.add(relative);
  }
  return { manifest: true, own };
}

/**
 * The entries that are not the command's own: files, and folders as `x/…`, looking inside the
 * folders in `walked` (those the output needs or its own files are in); apart, the temporary
 * folders of other runs at the top.
 */
async function foreignEntries(
  io: OutputFs,
  dir: string,
  manifest: boolean,
  own: ReadonlySet<string>,
  walked: ReadonlySet<string>,
): Promise<{ found: string[]; leftovers: Leftover[] }> {
  const found: string[] = [];
  const leftovers: Leftover[] = [];
  const visit = async (folder: string) => {
    const path = folder === '' ? dir : join(dir, folder);
    for (const entry of await attempt('read', path, () => io.readdir(path))) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (folder === '' && entry.name === MANIFEST_FILE && manifest) continue;
      if (folder === '' && entry.isDirectory() && isStageName(entry.name)) {
        leftovers.push(await readLeftover(io, dir, entry.name));
      } else if (entry.isDirectory() && walked.has(relative)) await visit(relative);
      else if (entry.isDirectory()) found.push(`${relative}/…`);
      else if (!own.has(relative)) found.push(relative);
    }
  };
  await visit('');
  leftovers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { found, leftovers };
}
