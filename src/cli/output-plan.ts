import { join } from 'node:path';
import { attempt, kindOf, lstatOrNone, type OutputFs } from './output-fs';
import { MANIFEST_FILE, MAX_MANIFEST_BYTES, parseManifest, sha256 } from './output-manifest';
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
  /** The new output has snippets and the folder has no `snippets/` yet. */
  createSnippets: boolean;
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
    createSnippets: false,
    leftovers: [],
    ...(problem === undefined ? {} : { manifestProblem: problem }),
  };
  let snippetsBlocked = false;
  if (needed.some((path) => path.startsWith('snippets/'))) {
    const stats = await lstatOrNone(io, join(dir, 'snippets'));
    plan.createSnippets = stats === undefined;
    snippetsBlocked = stats !== undefined && !stats.isDirectory();
    if (stats && snippetsBlocked) {
      plan.blocked.push({ path: 'snippets', kind: kindOf(stats), needs: 'a folder' });
    }
  }
  for (const path of needed) {
    // Behind a snippets file or link there is nothing to look at, or someone else's folder.
    if (snippetsBlocked && path.startsWith('snippets/')) continue;
    const stats = await lstatOrNone(io, join(dir, path));
    if (stats === undefined) continue;
    if (!stats.isFile()) plan.blocked.push({ path, kind: kindOf(stats), needs: 'a file' });
    else if (own.has(path) || (path === MANIFEST_FILE && manifest)) plan.replaceOwn.push(path);
    else plan.replaceUser.push(path);
  }
  const { found, leftovers } = await foreignEntries(io, dir, manifest, own);
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
  const listed = read.files;
  // Through a snippets link, files would be someone else's, wherever it points.
  const snippets = await lstatOrNone(io, join(dir, 'snippets'));
  for (const [relative, hash] of listed) {
    if (relative.startsWith('snippets/') && !snippets?.isDirectory()) continue;
    const file = join(dir, relative);
    const fileStats = await lstatOrNone(io, file);
    if (!fileStats?.isFile()) continue;
    if (sha256(await attempt('read', file, () => io.readFile(file))) === hash) own.add(relative);
  }
  return { manifest: true, own };
}

/**
 * Top-level entries and those in snippets/ that are not the command's own, folders as `x/…`;
 * apart, the temporary folders of other runs.
 */
async function foreignEntries(
  io: OutputFs,
  dir: string,
  manifest: boolean,
  own: ReadonlySet<string>,
): Promise<{ found: string[]; leftovers: Leftover[] }> {
  const found: string[] = [];
  const leftovers: Leftover[] = [];
  for (const entry of await attempt('read', dir, () => io.readdir(dir))) {
    if (entry.name === MANIFEST_FILE && manifest) continue;
    if (entry.isDirectory() && isStageName(entry.name)) {
      leftovers.push(await readLeftover(io, dir, entry.name));
      continue;
    }
    if (entry.isDirectory() && entry.name === 'snippets') {
      const snippets = join(dir, 'snippets');
      for (const inner of await attempt('read', snippets, () => io.readdir(snippets))) {
        const path = `snippets/${inner.name}`;
        if (inner.isDirectory()) found.push(`${path}/…`);
        else if (!own.has(path)) found.push(path);
      }
    } else if (entry.isDirectory()) found.push(`${entry.name}/…`);
    else if (!own.has(entry.name)) found.push(entry.name);
  }
  leftovers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { found, leftovers };
}
