/**
 * Makes requests slow on purpose: a psql session holds ACCESS EXCLUSIVE locks on tables, so
 * any query that reads them waits until the session commits. Used to have a request in flight
 * when the service gets SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PSQL, psqlArgs, type Postgres } from './postgres';
import { start, stop, type Started } from './processes';
import { waitFor } from './wait';

export interface TableLock {
  release(): Promise<void>;
}

let sessions = 0;

/** Locks the tables; resolves once PostgreSQL has granted the locks. */
export async function lockTables(
  postgres: Postgres,
  database: string,
  tables: readonly string[],
  dir: string,
): Promise<TableLock> {
  sessions += 1;
  const log = join(dir, `table-lock-${sessions}.log`);
  const session: Started = start('table lock', PSQL, psqlArgs(postgres, database), log, {
    stdin: true,
  });
  session.child.stdin?.on('error', () => undefined);
  session.child.stdin?.write(
    `BEGIN;\nLOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE;\n\\echo harness-locked\n`,
  );
  const locked = await waitFor(
    () => (readFileSync(log, 'utf8').includes('harness-locked') ? true : undefined),
    10_000,
    20,
  );
  if (!locked) {
    await stop(session);
    throw new Error(
      `could not lock ${tables.join(', ')} within 10 s: ${readFileSync(log, 'utf8').trim()}`,
    );
  }
  return {
    async release() {
      session.child.stdin?.end('COMMIT;\n\\q\n');
      await Promise.race([session.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await stop(session);
    },
  };
}
