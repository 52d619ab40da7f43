/**
 * One service from layout to shutdown: the project written out, its setup done the harness's
 * way (setup-steps.ts), the guide's run script started with the harness's servers, then every
 * check in turn (checks/).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { checkRoutes } from './checks/get-routes';
import { checkHealth, healthCheckName } from './checks/health';
import { checkLoad } from './checks/load';
import { checkLoopback } from './checks/loopback';
import {
  checkGraphql,
  checkGrpc,
  checkWebSocket,
  graphqlEndpoint,
  protocolsOf,
} from './checks/protocols';
import { checkRedisDown } from './checks/redis-down';
import { checkSigterm } from './checks/sigterm';
import { checkStarts, checkStaysUp } from './checks/starts';
import type { ServiceContext } from './context';
import type { ServicePlan } from './enumerate';
import { gracePeriod } from './grace-period';
import { serviceNodeBin } from './node-deps';
import type { Postgres } from './postgres';
import { freePort } from './ports';
import { stop } from './processes';
import { SHIM_DIR } from './python-env';
import type { Redis } from './redis';
import { fail, skip, type CheckResult, type Outcome } from './results';
import { findRoutes, healthRoute } from './routes';
import { harnessScript } from './run-script';
import { portExports, serviceEnv, type Ports } from './service-env';
import {
  applyScriptSql,
  setUpDatabases,
  setUpDependencies,
  withoutPreparedStatements,
  writeProject,
  type Done,
} from './setup-steps';

export interface Servers {
  postgres: Postgres;
  redis: Redis;
}

/** A clean environment: nothing of the harness's own leaks into the service. */
function processEnv(ctx: ServiceContext, shimLog: string): NodeJS.ProcessEnv {
  const home = join(ctx.dir, 'home');
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: `${serviceNodeBin()}:${dirname(process.execPath)}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    // npx must never reach for the registry: every package comes from the harness's lockfile.
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    PYTHONPATH: SHIM_DIR,
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
    SERVICES_SHIM_LOG: shimLog,
    ...ctx.env.overrides,
  };
  // python/sitecustomize.py: asyncpg through a PgBouncer without prepared-statement support.
  if (withoutPreparedStatements(ctx)) env.SERVICES_SHIM_ASYNCPG_NO_CACHE = '1';
  return env;
}

async function contextOf(plan: ServicePlan, servers: Servers, dir: string, logDir: string) {
  const ports: Ports = {
    postgres: servers.postgres.port,
    pgbouncer: 0,
    redis: servers.redis.port,
    free: new Map(
      await Promise.all(
        portExports(plan.run).map(async (name) => [name, await freePort()] as const),
      ),
    ),
  };
  const routes = findRoutes(plan.project, plan.files.files);
  const health = healthRoute(routes);
  const log = join(logDir, `${plan.name.replace(/[^\w#.-]+/g, '-').replace(/#/g, '')}.log`);
  writeFileSync(log, '');
  const ctx: ServiceContext = {
    plan,
    dir,
    projectDir: join(dir, 'project'),
    log,
    env: serviceEnv(plan.run, ports),
    postgres: servers.postgres,
    redis: servers.redis,
    grace: gracePeriod(plan.project),
    routes,
    ...(health ? { health } : {}),
    readable: [],
  };
  mkdirSync(ctx.projectDir, { recursive: true });
  return { ctx, ports };
}

export async function runService(
  plan: ServicePlan,
  servers: Servers,
  dir: string,
  logDir: string,
  report: (result: CheckResult) => void,
): Promise<{ shimsUsed: string[] }> {
  const { ctx, ports } = await contextOf(plan, servers, dir, logDir);
  const shimLog = join(dir, 'shims.log');
  const used = (): { shimsUsed: string[] } => ({
    shimsUsed: existsSync(shimLog)
      ? [...new Set(readFileSync(shimLog, 'utf8').split('\n').filter(Boolean))]
      : [],
  });
  const check = async (name: string, body: () => Promise<Outcome> | Outcome): Promise<Outcome> => {
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = await body();
    } catch (error) {
      outcome = fail((error as Error).message);
    }
    const ms = Math.round(performance.now() - started);
    report({
      service: plan.name,
      check: name,
      status: outcome.status,
      ms,
      detail: outcome.detail ?? '',
    });
    return outcome;
  };
  let drained = false;
  try {
    writeProject(ctx);
    if (plan.run.problems.length > 0) {
      await check('run-script', () => fail(`${plan.script}: ${plan.run.problems.join('; ')}`));
      if (!plan.run.exec) return used();
    }
    const done: Done = new Map();
    const deps = await check('dependencies', () => setUpDependencies(ctx, done));
    if ((deps.status === 'fail' && plan.runtime === 'node') || deps.status === 'skip')
      return used();
    if (ctx.env.logins.length > 0) {
      const databases = await check('databases', () => setUpDatabases(ctx, ports));
      if (databases.status === 'fail') return used();
    }
    if (plan.run.setup.some((setup) => setup.kind === 'psql')) {
      const sql = await check('sql', () => applyScriptSql(ctx, done));
      if (sql.status === 'fail') return used();
    }
    const scriptFile = join(
      ctx.projectDir,
      posix.dirname(plan.script),
      `.services-harness-${posix.basename(plan.script)}`,
    );
    writeFileSync(scriptFile, harnessScript(plan.project.get(plan.script)!, plan.run, done));
    const started = await check('starts', () =>
      checkStarts(ctx, scriptFile, processEnv(ctx, shimLog)),
    );
    if (started.status === 'fail') return used();

    const health = ctx.health
      ? await check(healthCheckName(ctx), () => checkHealth(ctx))
      : undefined;
    // Load and Redis-down on a service whose health already fails would only repeat that failure.
    const unhealthy =
      health?.status === 'fail' ? skip(`${healthCheckName(ctx)} failed`) : undefined;
    await check('loopback-only', () => checkLoopback(ctx));
    await check('get-routes', () => checkRoutes(ctx));
    const protocols = protocolsOf(ctx);
    if (protocols.includes('graphql')) await check('graphql-queries', () => checkGraphql(ctx));
    if (protocols.includes('websocket'))
      await check('websocket-message', () => checkWebSocket(ctx));
    if (protocols.includes('grpc')) await check('grpc-call', () => checkGrpc(ctx));
    const graphql = protocols.includes('graphql') ? graphqlEndpoint(ctx) : undefined;
    await check('load-5s', () => unhealthy ?? checkLoad(ctx, graphql));
    if (ctx.env.usesRedis) await check('redis-down', () => unhealthy ?? checkRedisDown(ctx));
    await check('stays-up', () => checkStaysUp(ctx));
    await check('sigterm-drain', () => checkSigterm(ctx));
    drained = true;
    return used();
  } finally {
    // After sigterm-drain this only reaps what the service may have left behind.
    if (ctx.process) await stop(ctx.process, drained ? 'SIGKILL' : 'SIGTERM', 2_000);
    if (ctx.pgbouncer) await stop(ctx.pgbouncer.process, 'SIGTERM', 3_000);
    if (!servers.redis.running()) await servers.redis.up();
  }
}
