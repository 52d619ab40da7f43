/**
 * A throwaway PostgreSQL: Debian's binaries (never the other `postgres` on PATH), initdb in a
 * temporary folder, a free port on 127.0.0.1, stopped by its PID.
 */
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from './exec';
import { freePort } from './ports';
import { start, stop, type Started } from './processes';
import { handTo, serverUser, type ServerUser } from './server-user';
import { waitFor } from './wait';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const PSQL = `${PG_BIN}/psql`;

export interface Postgres {
  port: number;
  socketDir: string;
  process: Started;
  user: ServerUser | undefined;
  /** Runs SQL as the superuser over the socket; rejects with psql's message on an error. */
  sql(text: string, database?: string): Promise<string>;
}

/** A role with a password that owns a database, as a connection URL names them. */
export interface DatabaseLogin {
  user: string;
  password: string;
  database: string;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** psql as the superuser over the server's socket: quiet, unaligned, stopping at the first error. */
export function psqlArgs(server: Pick<Postgres, 'socketDir' | 'port'>, database: string): string[] {
  return [
    ...['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1'],
    ...['-h', server.socketDir, '-p', String(server.port), '-U', 'postgres', '-d', database],
  ];
}

export async function startPostgres(dir: string): Promise<Postgres> {
  const user = serverUser();
  const data = join(dir, 'pg-data');
  const socketDir = join(dir, 'pg-socket');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const folder of [data, socketDir]) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    handTo(user, folder);
  }
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  const init = await exec(
    `${PG_BIN}/initdb`,
    ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8'],
    { timeoutMs: 60_000, cwd: dir, env: { ...process.env, LC_ALL: 'C.UTF-8' }, ...ids },
  );
  if (init.code !== 0) {
    throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().slice(-500)}`);
  }
  // A self-signed certificate, so that a pgbouncer.ini with `server_tls_sslmode = require`
  // (managed databases require TLS) runs as the guide wrote it.
  const tls = await exec(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(data, 'server.key'),
      '-out',
      join(data, 'server.crt'),
    ],
    { timeoutMs: 30_000, cwd: dir, ...ids },
  );
  const ssl = tls.code === 0 ? ['-c', 'ssl=on'] : [];
  const port = await freePort();
  const log = join(dir, 'postgres.log');
  const server = start(
    'postgres',
    `${PG_BIN}/postgres`,
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      socketDir,
      '-c',
      'listen_addresses=127.0.0.1',
      // The guide's pg_stat_statements queries need it preloaded, as the guide says to do.
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      // PgBouncer's pools and a few direct pools at once.
      '-c',
      'max_connections=300',
      // Throwaway data: no need to survive a crash.
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      ...ssl,
    ],
    log,
    { cwd: dir, ...ids },
  );
  const sql = async (text: string, database = 'postgres'): Promise<string> => {
    const result = await exec(PSQL, psqlArgs({ socketDir, port }, database), {
      timeoutMs: 30_000,
      input: text,
    });
    if (result.code !== 0) {
      throw new Error(result.timedOut ? 'psql timed out after 30 s' : result.stderr.trim());
    }
    return result.stdout;
  };
  const ready = await waitFor(
    async () =>
      server.exit
        ? false
        : await sql('SELECT 1').then(
            () => true,
            () => undefined,
          ),
    30_000,
    200,
  );
  if (!ready) {
    await stop(server);
    const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' | ');
    throw new Error(`PostgreSQL did not start within 30 s: ${tail}`);
  }
  return { port, socketDir, process: server, user, sql };
}

/** A fresh, empty database owned by a role with that password (created or reset). */
export async function freshDatabase(postgres: Postgres, login: DatabaseLogin): Promise<void> {
  const role = quoteIdent(login.user);
  await postgres.sql(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${quoteLiteral(login.user)}) THEN
        CREATE ROLE ${role} LOGIN;
      END IF;
    END $$;
    ALTER ROLE ${role} LOGIN PASSWORD ${quoteLiteral(login.password)};
    DROP DATABASE IF EXISTS ${quoteIdent(login.database)} WITH (FORCE);
    CREATE DATABASE ${quoteIdent(login.database)} OWNER ${role};
  `);
}

/** The tables of a database's public schema. */
export async function publicTables(postgres: Postgres, database: string): Promise<string[]> {
  const out = await postgres.sql(
    "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    database,
  );
  return out.split('\n').filter(Boolean);
}
