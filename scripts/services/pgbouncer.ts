/**
 * Debian's PgBouncer run with the guide's own pgbouncer.ini (rewritten by pgbouncer-ini.ts),
 * on a free port, as the server user, stopped by its PID.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from './exec';
import { rewritePgbouncerIni } from './pgbouncer-ini';
import type { DatabaseLogin, Postgres } from './postgres';
import { freePort } from './ports';
import { start, stop, type Started } from './processes';
import { handTo } from './server-user';
import { portOpen, waitFor } from './wait';

export const PGBOUNCER = '/usr/sbin/pgbouncer';

export interface PgBouncer {
  port: number;
  process: Started;
  log: string;
  /** What the harness changed in the guide's file, and what it had to drop. */
  changes: string[];
  dropped: string[];
  version: string;
  /** Log lines written since `mark()` that report a problem (WARNING, ERROR, FATAL). */
  problemsSince(mark: number): string[];
  mark(): number;
}

let versionText: string | undefined;

export async function pgbouncerVersion(): Promise<string> {
  if (versionText === undefined) {
    const result = await exec(PGBOUNCER, ['--version'], { timeoutMs: 5_000 });
    versionText = /PgBouncer\s+(\S+)/.exec(result.stdout)?.[1] ?? 'unknown';
  }
  return versionText;
}

const UNKNOWN_PARAMETER = /unknown parameter: pgbouncer\/(\w+)/;

/** Starts PgBouncer with the guide's ini; unknown keys are dropped (and reported) one by one. */
export async function startPgBouncer(
  ini: string,
  postgres: Postgres,
  logins: readonly DatabaseLogin[],
  dir: string,
): Promise<PgBouncer> {
  mkdirSync(dir, { recursive: true });
  handTo(postgres.user, dir);
  const authFile = join(dir, 'userlist.txt');
  writeFileSync(authFile, logins.map((login) => `"${login.user}" "${login.password}"\n`).join(''), {
    mode: 0o600,
  });
  handTo(postgres.user, authFile);
  const version = await pgbouncerVersion();
  const drop = new Set<string>();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const port = await freePort();
    const log = join(dir, 'pgbouncer.log');
    const rewritten = rewritePgbouncerIni(ini, {
      listenPort: port,
      authFile,
      logFile: log,
      pidFile: join(dir, 'pgbouncer.pid'),
      socketDir: dir,
      postgresPort: postgres.port,
      drop,
    });
    const file = join(dir, 'pgbouncer.ini');
    writeFileSync(file, rewritten.text);
    handTo(postgres.user, file);
    writeFileSync(log, '');
    handTo(postgres.user, log);
    const stdout = join(dir, 'pgbouncer.stdout');
    const started = start('pgbouncer', PGBOUNCER, [file], stdout, {
      cwd: dir,
      ...(postgres.user ? { uid: postgres.user.uid, gid: postgres.user.gid } : {}),
    });
    const up = await waitFor(
      async () => (started.exit ? false : (await portOpen(port)) || undefined),
      10_000,
      50,
    );
    if (up) {
      return {
        port,
        process: started,
        log,
        changes: rewritten.changes,
        dropped: rewritten.dropped,
        version,
        mark: () => readFileSync(log, 'utf8').length,
        problemsSince: (mark) =>
          readFileSync(log, 'utf8')
            .slice(mark)
            .split('\n')
            .filter((line) => /\b(WARNING|ERROR|FATAL)\b/.test(line))
            .map((line) => line.replace(/^\S+ \S+ \S+ \[\d+\] /, '')),
      };
    }
    await stop(started);
    const output = `${readFileSync(log, 'utf8')}\n${readFileSync(stdout, 'utf8')}`;
    const unknown = UNKNOWN_PARAMETER.exec(output)?.[1];
    if (unknown && !drop.has(unknown.toLowerCase())) {
      drop.add(unknown.toLowerCase());
      continue;
    }
    const reason = output
      .split('\n')
      .filter((line) => /\b(ERROR|FATAL)\b/.test(line))
      .map((line) => line.replace(/^\S+ \S+ \S+ \[\d+\] /, ''))
      .join('; ');
    throw new Error(
      `PgBouncer ${version} did not start with the guide's pgbouncer.ini: ${reason || 'no error logged'}`,
    );
  }
  throw new Error('PgBouncer did not start after dropping 10 unknown settings');
}
