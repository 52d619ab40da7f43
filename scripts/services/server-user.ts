/** Who runs PostgreSQL and PgBouncer: both refuse root, so as root they run as `postgres`. */
import { chownSync, readFileSync } from 'node:fs';

export interface ServerUser {
  uid: number;
  gid: number;
  name: string;
}

/** `postgres` when the harness runs as root, otherwise nobody (the current user runs them). */
export function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(
      'running as root, but there is no postgres user to run PostgreSQL as (bash scripts/ensure-services.sh installs it)',
    );
  }
  return { uid: Number(uid), gid: Number(gid), name: 'postgres' };
}

/** Gives a file or folder to the server user, when there is one. */
export function handTo(user: ServerUser | undefined, path: string): void {
  if (user) chownSync(path, user.uid, user.gid);
}
