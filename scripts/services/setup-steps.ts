/**
 * What the harness does before starting a service, each step a check line of its own: the
 * dependencies the harness's way, the databases the script's URLs name (with PgBouncer in front
 * when a URL goes through it), and the SQL files the script applies. `done` collects, by script
 * line, what the harness did instead of each setup line.
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { ServiceContext } from './context';
import { linkNodeModules, nodeDependencyProblems } from './node-deps';
import { startPgBouncer } from './pgbouncer';
import { freshDatabase } from './postgres';
import { pythonDependencies } from './python-deps';
import { fail, pass, type Outcome } from './results';
import { serviceEnv, type Ports } from './service-env';
import { applySql } from './sql';

export type Done = Map<number, string>;

/** Writes the project's files into its folder, `*.sh` executable. */
export function writeProject(ctx: ServiceContext): void {
  for (const [path, content] of ctx.plan.project) {
    const file = join(ctx.projectDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    if (path.endsWith('.sh')) chmodSync(file, 0o755);
  }
}

export async function setUpDependencies(ctx: ServiceContext, done: Done): Promise<Outcome> {
  const { plan } = ctx;
  if (plan.runtime !== 'node') return pythonDependencies(ctx, done);
  const problems = nodeDependencyProblems(plan.project, plan.files);
  linkNodeModules(ctx.projectDir);
  for (const setup of plan.run.setup) {
    if (setup.kind === 'npm-ci') {
      done.set(
        setup.line,
        'node_modules linked from scripts/services/node (npm ci of its lockfile)',
      );
    }
  }
  return problems.length > 0
    ? fail(problems.join('; '))
    : pass('every package at the version package.json pins');
}

/** True when the harness had to drop the guide's max_prepared_statements (PgBouncer < 1.21). */
export function withoutPreparedStatements(ctx: ServiceContext): boolean {
  return Boolean(
    ctx.pgbouncer?.dropped.some((setting) => setting.startsWith('max_prepared_statements')),
  );
}

/** A fresh database for every login the URLs name; then PgBouncer, when a URL goes through it. */
export async function setUpDatabases(ctx: ServiceContext, ports: Ports): Promise<Outcome> {
  const { plan } = ctx;
  for (const login of ctx.env.logins) await freshDatabase(ctx.postgres, login);
  ctx.database = ctx.env.logins[0]?.database;
  const logins = ctx.env.logins.map((login) => `${login.user}@${login.database}`).join(', ');
  if (!ctx.env.throughPgBouncer) return pass(`${logins}, direct`);
  // The production pgbouncer.ini (its pool sizes, TLS to the server), not the local one that
  // compose.dev.yaml mounts: the two share their driver-facing settings (a unit test checks).
  const inis = [...plan.project.keys()].filter((path) => posix.basename(path) === 'pgbouncer.ini');
  const ini = inis.find((path) => !path.startsWith('deploy/local/')) ?? inis[0];
  if (!ini) {
    return fail(
      'the run script connects through PgBouncer (port 6432), but the guide gives no pgbouncer.ini',
    );
  }
  ctx.pgbouncer = await startPgBouncer(
    plan.project.get(ini)!,
    ctx.postgres,
    ctx.env.logins,
    join(ctx.dir, 'pgbouncer'),
  );
  ports.pgbouncer = ctx.pgbouncer.port;
  ctx.env = serviceEnv(plan.run, ports);
  const { version, dropped } = ctx.pgbouncer;
  const asyncpg =
    plan.runtime === 'python' && withoutPreparedStatements(ctx)
      ? ', so asyncpg runs with statement_cache_size=0 (shim asyncpg-no-statement-cache)'
      : '';
  const without =
    dropped.length > 0
      ? `; tested on Debian's PgBouncer ${version} without ${dropped.join(', ')} (unknown to it)${asyncpg}`
      : '';
  return pass(
    `${logins} through PgBouncer ${version} with the guide's ${ini} (rewritten: listen, auth file, log, pid, socket, [databases] host/port)${without}`,
  );
}

export async function applyScriptSql(ctx: ServiceContext, done: Done): Promise<Outcome> {
  const sql = ctx.plan.run.setup.filter((setup) => setup.kind === 'psql');
  const skipped: string[] = [];
  for (const setup of sql) {
    const url = ctx.env.overrides[setup.urlVariable ?? ''];
    if (!url)
      return fail(
        `line ${setup.line}: ${setup.urlVariable} is not a PostgreSQL URL the script exports`,
      );
    if (!existsSync(join(ctx.projectDir, setup.file!))) {
      return fail(`line ${setup.line}: the guide gives no ${setup.file}`);
    }
    const outcome = await applySql(ctx.projectDir, setup.file!, url);
    if (outcome.errors.length > 0) return fail(outcome.errors.slice(0, 3).join('; '));
    skipped.push(...outcome.skipped);
    const note = outcome.skipped.length ? ' (missing extensions skipped)' : '';
    done.set(setup.line, `applied by the harness with Debian's psql${note}`);
  }
  const files = sql.map((setup) => setup.file).join(', ');
  return pass(`${files}${skipped.length ? `; skipped: ${skipped.join('; ')}` : ''}`);
}
