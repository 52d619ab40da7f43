/** What went wrong, in words, and what a person can do about it, per `errno` code. */
const REASONS: Readonly<Record<string, readonly [reason: string, advice: string]>> = {
  ENOENT: ['no such file or folder', 'check the path'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'check the path'],
  EISDIR: ['it is a folder, where a file is needed', 'move it away or choose another path'],
  EACCES: ['permission denied', 'choose a folder you can write to, or fix its permissions'],
  EPERM: [
    'operation not permitted',
    'check its permissions and attributes (lsattr, chattr -i), or choose another folder',
  ],
  EROFS: ['the file system is read-only', 'choose a folder on a writable disk'],
  ENOSPC: ['no space left on the disk', 'free some space or choose another disk'],
  EDQUOT: ['disk quota exceeded', 'free some space within your quota or choose another disk'],
  EEXIST: ['it already exists', 'remove it or choose another path'],
  ENOTEMPTY: ['the folder is not empty', 'choose an empty or new folder'],
  ENAMETOOLONG: ['the path or a name in it is too long', 'choose a shorter path'],
  ELOOP: ['too many symbolic links (a loop?)', 'fix the symbolic links or choose another path'],
  EMFILE: ['too many open files', 'close some programs or raise the limit (ulimit -n)'],
  ENFILE: ['too many open files on this system', 'close some programs and try again'],
  EBUSY: ['it is in use', 'close the program that uses it and try again'],
  ETXTBSY: ['it is in use', 'close the program that uses it and try again'],
  EXDEV: [
    'it is on another disk (a mount point inside the folder?)',
    'choose a folder on a single disk',
  ],
  EIO: ['input/output error', 'check the disk or network share and try again'],
};

/**
 * One line for an operating-system error: what failed, on which path, why, and what to do,
 * e.g. `cannot write to /x/out: permission denied (EACCES); choose a folder you can write to…`.
 * `action` is a verb phrase ("write to", "read", "create the folder"). Never a stack.
 */
export function describeFsError(error: unknown, action: string, path: string): string {
  const code = errorCode(error);
  const known = code === undefined ? undefined : REASONS[code];
  if (known) return `cannot ${action} ${path}: ${known[0]} (${code}); ${known[1]}`;
  const detail = firstLine(error instanceof Error ? error.message : String(error));
  return `cannot ${action} ${path}: ${code ? `${detail} (${code})` : detail}; check the path and try again`;
}

/** The `errno` code of a Node.js system error (`ENOENT`), if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' && /^E[A-Z0-9]+$/.test(error.code) ? error.code : undefined;
}

function firstLine(text: string): string {
  // Node's messages repeat the code and the path ("EFOO: what, open '/x'"): keep what it says.
  const line = (text.split('\n')[0] ?? '').replace(/^E[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/, '');
  return line.trim() === '' ? 'unknown error' : line.trim();
}
