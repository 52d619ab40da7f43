import { dirname, join, resolve } from 'node:path';
import { isSafeRelativePath } from '../engine/index';
import { describeFsError } from './fs-errors';
import { inspect, OutputError, realFs, type OutputFs } from './output-fs';
import { MANIFEST_FILE, manifestText } from './output-manifest';
import { blockedMessage, leftoverMessage, refusalMessage } from './output-messages';
import { planOutput, type OutputPlan } from './output-plan';
import { foldersOf } from './output-paths';
import { stageName } from './output-stage';
import { Transaction } from './output-transaction';
import { InterruptedError, SignalGuard } from './signal-guard';

export interface WriteOutputOptions {
  /** Replace the user's files at the paths the output needs. */
  force?: boolean;
  fs?: OutputFs;
}

/** What a successful write did besides writing the new files. */
export interface WriteOutputResult {
  /** Files of an earlier output replaced by new ones. */
  replaced: string[];
  /** Files of an earlier output the new one no longer has, removed. */
  removed: string[];
  /** The user's files replaced because of --force. */
  forced: string[];
  /** Set when the temporary folder could not be removed after the output was in place. */
  warning?: string;
}

/** A file to write: a safe relative path (`isSafeRelativePath`), its text, whether to run it. */
export interface OutputFile {
  path: string;
  content: string;
  executable?: boolean;
}

/** The mode (before the umask) of a file written with `executable`, as `git` checks them out. */
const EXECUTABLE_MODE = 0o755;

/**
 * Writes the guide's files (at safe relative paths, in folders as deep as they need) and a
 * manifest of them into `out`, all or nothing: they are written to a temporary folder first
 * and moved into place; any failure puts everything back as it was.
 * Only files an earlier output's manifest lists, unchanged since, are replaced or removed;
 * anything else in the folder makes it refuse, unless `force`, which replaces the user's files
 * at the paths the output needs and nothing else. Throws OutputError with one line.
 * While it changes the disk, SIGINT, SIGTERM and SIGHUP wait for the call under way; then
 * everything is put back and it throws InterruptedError.
 */
export async function writeOutput(
  out: string,
  files: readonly OutputFile[],
  options: WriteOutputOptions = {},
): Promise<WriteOutputResult> {
  const io = options.fs ?? realFs;
  const target = resolve(out);
  for (const { path } of files) {
    // The layouts make only such paths (never hidden ones like the manifest or the temporary
    // folder); anything else is a bug, caught before the disk is touched.
    if (!isSafeRelativePath(path)) throw new Error(`${JSON.stringify(path)} is not a safe path`);
  }
  const all: OutputFile[] = [
    ...files.map(({ path, content, executable }) => ({
      path,
      content,
      ...(executable ? { executable } : {}),
    })),
    // Last, so that the folder is taken for an earlier output only once all of it is there.
    { path: MANIFEST_FILE, content: manifestText(files) },
  ];
  const found = await inspect(io, target, 'write to');
  if (found === 'folder') return replaceInto(io, target, all, options.force ?? false);
  if (found === 'missing') return createFolder(io, target, all);
  const link = found.startsWith('a symbolic link') ? 'remove the link or ' : '';
  throw new OutputError(
    `cannot write to ${target}: it is ${found}; ${link}choose a new or empty folder`,
  );
}

/** A new folder: built beside its place, then renamed into it in one step. */
async function createFolder(
  io: OutputFs,
  target: string,
  files: readonly OutputFile[],
): Promise<WriteOutputResult> {
  const parents = await missingParents(io, target);
  const stage = join(dirname(target), stageName());
  return withSignalsHeld(async (guard) => {
    const tx = new Transaction(io, guard);
    try {
      for (const parent of parents) await tx.mkdir(parent, 'create the folder', parent);
      await tx.mkdir(stage, 'write to', dirname(target));
      await stageFiles(tx, stage, files, target);
      await tx.move(stage, target, 'create the folder', target);
    } catch (error) {
      throw await tx.rollback(error, stage, `nothing was written (${target} was not created)`);
    }
    return { replaced: [], removed: [], forced: [] };
  });
}

/** Runs `write` with stop signals held off (signal-guard.ts), then hands them back. */
async function withSignalsHeld<T>(write: (guard: SignalGuard) => Promise<T>): Promise<T> {
  const guard = new SignalGuard();
  try {
    return await write(guard);
  } finally {
    guard.release();
  }
}

/** The folders above `target` that do not exist yet, outermost first. */
async function missingParents(io: OutputFs, target: string): Promise<string[]> {
  const missing: string[] = [];
  for (let dir = dirname(target); dirname(dir) !== dir; dir = dirname(dir)) {
    const found = await inspect(io, dir, 'create the folder');
    if (found === 'folder') break;
    if (found !== 'missing') {
      throw new OutputError(
        `cannot create the folder ${target}: ${dir} is ${found}; choose another path`,
      );
    }
    missing.unshift(dir);
  }
  return missing;
}

/** Writes the files, and the folders they lie in, into `stage`. */
async function stageFiles(
  tx: Transaction,
  stage: string,
  files: readonly OutputFile[],
  shownDir: string,
): Promise<void> {
  for (const folder of foldersOf(files.map((file) => file.path))) {
    await tx.mkdir(join(stage, folder), 'write to', shownDir);
  }
  for (const file of files) {
    const mode = file.executable ? EXECUTABLE_MODE : undefined;
    await tx.write(join(stage, file.path), file.content, join(shownDir, file.path), mode);
  }
}

/**
 * An existing folder (perhaps the user's project) is never replaced itself: the files are
 * built in a temporary folder inside it, then each file in their way is moved aside into
 * that folder and each new file moved in. Once all are in, the moved-aside files are deleted.
 */
async function replaceInto(
  io: OutputFs,
  dir: string,
  files: readonly OutputFile[],
  force: boolean,
): Promise<WriteOutputResult> {
  const needed = files.map((file) => file.path);
  const plan = await planOutput(io, dir, needed);
  // Another run's moves are half done there, or still going on: --force must not mix in.
  if (plan.leftovers.length > 0) throw new OutputError(leftoverMessage(dir, plan.leftovers));
  if (plan.blocked.length > 0) throw new OutputError(blockedMessage(dir, plan.blocked));
  if ((plan.foreign.length > 0 || plan.replaceUser.length > 0) && !force) {
    throw new OutputError(refusalMessage(dir, plan));
  }
  return withSignalsHeld((guard) => moveInto(io, dir, files, plan, guard));
}

/** Builds the files in a temporary folder inside `dir` and swaps them in (see replaceInto). */
async function moveInto(
  io: OutputFs,
  dir: string,
  files: readonly OutputFile[],
  plan: OutputPlan,
  guard: SignalGuard,
): Promise<WriteOutputResult> {
  const needed = files.map((file) => file.path);
  const inTheWay = needed.filter(
    (path) => plan.replaceOwn.includes(path) || plan.replaceUser.includes(path),
  );
  const aside = [...inTheWay, ...plan.stale];
  const stage = join(dir, stageName());
  const [fresh, old] = [join(stage, 'new'), join(stage, 'old')];
  const tx = new Transaction(io, guard);
  try {
    await tx.mkdir(stage, 'write to', dir);
    await tx.mkdir(fresh, 'write to', dir);
    await stageFiles(tx, fresh, files, dir);
    await tx.mkdir(old, 'write to', dir);
    for (const folder of foldersOf(aside)) await tx.mkdir(join(old, folder), 'write to', dir);
    for (const folder of plan.createFolders) {
      await tx.mkdir(join(dir, folder), 'create the folder', join(dir, folder));
    }
    for (const path of aside) {
      const action = plan.stale.includes(path) ? 'remove' : 'replace';
      await tx.move(join(dir, path), join(old, path), action, join(dir, path));
    }
    for (const { path } of files) {
      await tx.move(join(fresh, path), join(dir, path), 'write', join(dir, path));
    }
  } catch (error) {
    throw await tx.rollback(error, stage, `${dir} is as it was`);
  }
  const warning = await removeStage(io, stage, aside, needed);
  // Folders only the earlier output used are empty once its files are gone; if the user keeps
  // something there, they stay.
  const neededFolders = new Set(foldersOf(needed));
  for (const folder of foldersOf(plan.stale).reverse()) {
    if (!neededFolders.has(folder)) await io.rmdir(join(dir, folder)).catch(() => undefined);
  }
  // A signal after the last move is past undoing: it stops the command once all is tidy.
  if (guard.received !== undefined) {
    const done = warning ?? `${dir} holds the new guide`;
    throw new InterruptedError(
      guard.received,
      `interrupted (${guard.received}) once the guide was in place; ${done}`,
    );
  }
  const withoutManifest = (paths: string[]) => paths.filter((path) => path !== MANIFEST_FILE);
  return {
    replaced: withoutManifest(plan.replaceOwn),
    removed: plan.stale,
    forced: plan.replaceUser,
    ...(warning === undefined ? {} : { warning }),
  };
}

/** Deletes the moved-aside files and the temporary folder; a warning if something stays. */
async function removeStage(
  io: OutputFs,
  stage: string,
  aside: readonly string[],
  needed: readonly string[],
): Promise<string | undefined> {
  const inside = (part: string, paths: readonly string[]) => [
    ...foldersOf(paths)
      .reverse()
      .map((folder) => `${part}/${folder}`),
    part,
  ];
  const folders = [...inside('old', aside), ...inside('new', needed)];
  let path = stage;
  try {
    for (const file of aside) await io.unlink((path = join(stage, 'old', file)));
    for (const folder of folders) await io.rmdir((path = join(stage, folder)));
    await io.rmdir((path = stage));
    return undefined;
  } catch (error) {
    return `the guide is written, but ${describeFsError(error, 'remove', path)}; then remove ${stage}`;
  }
}
