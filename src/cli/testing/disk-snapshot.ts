import { execFile } from 'node:child_process';
import {
  chmod,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** One entry of a folder tree, as a test compares it: a moved or rewritten file differs. */
export interface SnapshotEntry {
  type: 'file' | 'folder' | 'link' | 'other';
  mode: number;
  /** A file restored by renaming it back keeps its inode; a copy would not. */
  inode?: number;
  bytes?: Buffer;
  link?: string;
}

/** Every path under `dir` (relative, sorted), with its type, permissions, inode and bytes. */
export async function snapshot(dir: string): Promise<Record<string, SnapshotEntry>> {
  const result: Record<string, SnapshotEntry> = {};
  const entries = await readdir(dir, { recursive: true });
  for (const path of entries.sort()) {
    const full = join(dir, path);
    const stats = await lstat(full);
    const mode = stats.mode & 0o7777;
    if (stats.isFile()) {
      result[path] = { type: 'file', mode, inode: stats.ino, bytes: await readFile(full) };
    } else if (stats.isDirectory()) result[path] = { type: 'folder', mode };
    else if (stats.isSymbolicLink())
      result[path] = { type: 'link', mode, link: await readlink(full) };
    else result[path] = { type: 'other', mode };
  }
  return result;
}

const run = promisify(execFile);

/**
 * Makes a folder refuse changes to its entries, and returns what undoes it; undefined when this
 * machine cannot. As root, permissions stop nothing, so it uses the immutable attribute
 * (chattr +i, where the file system has it); otherwise mode 0555.
 */
export async function lockFolder(dir: string): Promise<(() => Promise<void>) | undefined> {
  if (process.getuid?.() !== 0) {
    const { mode } = await lstat(dir);
    await chmod(dir, 0o555);
    return () => chmod(dir, mode & 0o7777);
  }
  if (!(await chattrWorks())) return undefined;
  await run('chattr', ['+i', dir]);
  return async () => {
    await run('chattr', ['-i', dir]);
  };
}

let chattrChecked: Promise<boolean> | undefined;

function chattrWorks(): Promise<boolean> {
  chattrChecked ??= (async () => {
    const probeDir = await mkdtemp(join(tmpdir(), 'apw-chattr-'));
    const probe = join(probeDir, 'probe');
    await writeFile(probe, '');
    try {
      await run('chattr', ['+i', probe]);
      // Works when the attribute really stops a change (some file systems ignore it).
      return await rm(probe).then(
        () => false,
        () => true,
      );
    } catch {
      return false;
    } finally {
      await run('chattr', ['-i', probe]).catch(() => undefined);
      await rm(probeDir, { recursive: true, force: true });
    }
  })();
  return chattrChecked;
}
