/**
 * The environment a service is started with: the run script's own exports, each overridden
 * (through the `${NAME:-default}` form) only where the harness's throwaway servers differ:
 * PostgreSQL URLs point at the temporary PostgreSQL (port 5432 in the guide) or PgBouncer (6432),
 * Redis URLs at the temporary Redis, PORT and other *_PORT at free ports, HOST at 127.0.0.1.
 */
import type { DatabaseLogin } from './postgres';
import type { RunScript } from './run-script';

export interface Ports {
  postgres: number;
  /** Known once PgBouncer runs; a placeholder before (see `throughPgBouncer`). */
  pgbouncer: number;
  redis: number;
  /** A free port for each `*PORT` export, by name. */
  free: ReadonlyMap<string, number>;
}

export interface ServiceEnv {
  overrides: Record<string, string>;
  /** Some PostgreSQL URL of the script goes through PgBouncer (port 6432). */
  throughPgBouncer: boolean;
  logins: DatabaseLogin[];
  usesRedis: boolean;
  /** The port the service answers HTTP on (its PORT), when the script sets one. */
  port?: number;
  /** The script exports HOST. */
  host: boolean;
}

const PGBOUNCER_PORT = '6432';

function rewriteUrl(value: string, ports: Ports, env: ServiceEnv): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol === 'postgres:' || url.protocol === 'postgresql:') {
    const viaPgBouncer = url.port === PGBOUNCER_PORT;
    if (viaPgBouncer) env.throughPgBouncer = true;
    const login = {
      user: decodeURIComponent(url.username) || 'postgres',
      password: decodeURIComponent(url.password),
      database: decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username),
    };
    if (
      !env.logins.some((known) => known.user === login.user && known.database === login.database)
    ) {
      env.logins.push(login);
    }
    url.hostname = '127.0.0.1';
    url.port = String(viaPgBouncer ? ports.pgbouncer : ports.postgres);
    return url.toString();
  }
  if (url.protocol === 'redis:' || url.protocol === 'rediss:') {
    env.usesRedis = true;
    url.protocol = 'redis:';
    url.hostname = '127.0.0.1';
    url.port = String(ports.redis);
    return url.toString();
  }
  return undefined;
}

/** The names of exports that get a free port of their own. */
export function portExports(script: RunScript): string[] {
  return script.exports
    .map((entry) => entry.name)
    .filter((name) => /(^|_)PORT$/.test(name) && name !== 'PGPORT');
}

export function serviceEnv(script: RunScript, ports: Ports): ServiceEnv {
  const env: ServiceEnv = {
    overrides: {},
    throughPgBouncer: false,
    logins: [],
    usesRedis: false,
    host: false,
  };
  for (const { name, value } of script.exports) {
    const free = ports.free.get(name);
    if (free !== undefined) {
      env.overrides[name] = String(free);
      if (name === 'PORT') env.port = free;
      continue;
    }
    if (name === 'HOST') {
      env.host = true;
      env.overrides[name] = '127.0.0.1';
      continue;
    }
    if (name === 'PGHOST') {
      env.overrides[name] = '127.0.0.1';
      continue;
    }
    if (name === 'PGPORT') {
      if (value === PGBOUNCER_PORT) env.throughPgBouncer = true;
      env.overrides[name] = String(value === PGBOUNCER_PORT ? ports.pgbouncer : ports.postgres);
      continue;
    }
    const rewritten = rewriteUrl(value, ports, env);
    if (rewritten !== undefined) env.overrides[name] = rewritten;
  }
  return env;
}
