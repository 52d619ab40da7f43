/** What the checks of one service share: the running service and the servers around it. */
import type { ServicePlan } from './enumerate';
import type { GracePeriod } from './grace-period';
import type { PgBouncer } from './pgbouncer';
import type { Postgres } from './postgres';
import type { Started } from './processes';
import type { Redis } from './redis';
import type { Route } from './routes';
import type { ServiceEnv } from './service-env';

export interface ServiceContext {
  plan: ServicePlan;
  /** This service's own temporary folder, and the project laid out inside it. */
  dir: string;
  projectDir: string;
  log: string;
  env: ServiceEnv;
  postgres: Postgres;
  redis: Redis;
  pgbouncer?: PgBouncer;
  /** The database the service's DATABASE_URL names. */
  database?: string;
  grace: GracePeriod;
  routes: Route[];
  health?: Route;
  process?: Started;
  /** The port it answers on (its PORT, or the first port it listens on). */
  port?: number;
  /** GET routes that answered below 500 with Redis up, and how: what Redis-down reads again. */
  readable: (Route & { status: number })[];
}

/** The last lines of the service's log that look like errors (or simply the last lines). */
export function logTail(log: string, lines = 3): string {
  const text = log.trim();
  if (!text) return '';
  const all = text.split('\n');
  const errors = all.filter((line) => /error|exception|traceback|fatal|refused|failed/i.test(line));
  return (errors.length > 0 ? errors : all)
    .slice(-lines)
    .map((line) => (line.length > 240 ? `${line.slice(0, 240)}…` : line))
    .join(' | ');
}
