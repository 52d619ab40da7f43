/** What the harness needs on the machine, as one line per missing piece. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGBOUNCER } from './pgbouncer';
import { PG_BIN } from './postgres';
import { PYTHON } from './python-env';
import { REDIS_SERVER } from './redis';
import { HARNESS_NODE, serviceNodeBin } from './node-deps';
import { exec } from './exec';

export function environmentProblems(): string[] {
  const needed: [string, string][] = [
    [`${PG_BIN}/postgres`, "Debian's PostgreSQL 15 (postgresql-15)"],
    [`${PG_BIN}/psql`, "Debian's psql (postgresql-client-15)"],
    [PGBOUNCER, "Debian's PgBouncer (pgbouncer)"],
    [REDIS_SERVER, "Debian's Redis (redis-server)"],
    [PYTHON, "Debian's Python 3 (python3)"],
    [
      join(HARNESS_NODE, 'node_modules', 'autocannon'),
      "the harness's npm packages (npm ci --prefix scripts/services/node)",
    ],
  ];
  return needed
    .filter(([path]) => !existsSync(path))
    .map(([path, what]) => `missing ${what}: ${path}`);
}

/** The Node.js the services run on. */
export async function nodeVersion(): Promise<string> {
  const result = await exec(join(serviceNodeBin(), 'node'), ['--version'], { timeoutMs: 5_000 });
  return result.stdout.trim();
}

/** Debian's Python the services run on. */
export async function pythonVersion(): Promise<string> {
  const result = await exec(PYTHON, ['--version'], { timeoutMs: 5_000 });
  return result.stdout.trim().replace(/^Python /, '');
}
