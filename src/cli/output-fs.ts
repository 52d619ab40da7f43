import type { Dirent, Stats } from 'node:fs';
import * as fs from 'node:fs/promises';
import { describeFsError, errorCode } from './fs-errors';

/**
 * The file-system calls the output writer makes, one promise each. The real ones by default;
 * a test hands in a wrapper that makes one of them fail.
 */
export interface OutputFs {
  lstat: (path: string) => Promise<Stats>;
  stat: (path: string) => Promise<Stats>;
  readdir: (path: string) => Promise<Dirent[]>;
  readFile: (path: string) => Promise<Buffer>;
  /** Creates a new file (`mode` before the umask, 0o666 unless given); fails with EEXIST rather than overwrite one. */
  writeFile: (path: string, content: string, mode?: number) => Promise<void>;
  mkdir: (path: string) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  unlink: (path: string) => Promise<void>;
  rmdir: (path: string) => Promise<void>;
}

/** Node's own `fs/promises`, as the writer uses it. */
export const realFs: OutputFs = {
  lstat: (path) => fs.lstat(path),
  stat: (path) => fs.stat(path),
  readdir: (path) => fs.readdir(path, { withFileTypes: true }),
  readFile: (path) => fs.readFile(path),
  writeFile: (path, content, mode = 0o666) =>
    fs.writeFile(path, content, { encoding: 'utf8', flag: 'wx', mode }),
  mkdir: async (path) => {
    await fs.mkdir(path);
  },
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  rmdir: (path) => fs.rmdir(path),
};

/** A failure the command reports as one line and exit code 2; nothing was changed. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** Runs one call; an operating-system error becomes an OutputError naming `action` and `shown`. */
export async function attempt<T>(action: string, shown: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new OutputError(describeFsError(error, action, shown), { cause: error });
  }
}

/** True for the errors that mean "nothing is there": ENOENT, or a file where a folder was. */
export function isAbsent(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** lstat, or undefined when nothing is at `path`. */
export async function lstatOrNone(
  io: OutputFs,
  path: string,
  action = 'read',
): Promise<Stats | undefined> {
  try {
    return await io.lstat(path);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw new OutputError(describeFsError(error, action, path), { cause: error });
  }
}

/** How to name what a path holds in a message. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFile()) return 'a file';
  return 'a special file';
}

/**
 * What is at `path`, following a symbolic link: 'folder', 'missing', or for anything else
 * a phrase that says why no folder can go there ("a file, not a folder").
 */
export async function inspect(io: OutputFs, path: string, action: string): Promise<string> {
  let stats = await lstatOrNone(io, path, action);
  if (stats === undefined) return 'missing';
  if (stats.isSymbolicLink()) {
    try {
      stats = await io.stat(path);
    } catch (error) {
      if (isAbsent(error)) return 'a symbolic link to something that does not exist';
      throw new OutputError(describeFsError(error, action, path), { cause: error });
    }
  }
  return stats.isDirectory() ? 'folder' : `${kindOf(stats)}, not a folder`;
}
