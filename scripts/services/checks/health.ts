/** The readiness endpoint answers 200 (through PgBouncer when the script's URL goes through it). */
import { readFileSync } from 'node:fs';
import { logTail, type ServiceContext } from '../context';
import { describe, request, type Reply } from '../http';
import { fail, pass, skip, type Outcome } from '../results';
import { sleep } from '../wait';

/** How long a service may take after it listens before its health answers 200. */
const SETTLE_MS = 10_000;

export function healthCheckName(ctx: ServiceContext): string {
  return ctx.pgbouncer ? 'health-through-pgbouncer' : 'health';
}

/** What went wrong around a failed request: PgBouncer's and the service's own complaints. */
export function evidence(ctx: ServiceContext, pgbouncerMark: number, logMark: number): string {
  const parts: string[] = [];
  const pgbouncer = ctx.pgbouncer?.problemsSince(pgbouncerMark) ?? [];
  if (pgbouncer.length > 0)
    parts.push(`PgBouncer: ${[...new Set(pgbouncer)].slice(-2).join('; ')}`);
  const service = logTail(readFileSync(ctx.log, 'utf8').slice(logMark), 2);
  if (service) parts.push(`service log: ${service}`);
  return parts.join('; ');
}

export async function checkHealth(ctx: ServiceContext): Promise<Outcome> {
  if (!ctx.health || ctx.port === undefined) return skip('the code defines no health route');
  const pgbouncerMark = ctx.pgbouncer?.mark() ?? 0;
  const logMark = readFileSync(ctx.log, 'utf8').length;
  const deadline = Date.now() + SETTLE_MS;
  let last: Reply | undefined;
  let error: Error | undefined;
  while (Date.now() < deadline) {
    try {
      last = await request(ctx.port, ctx.health.path);
      error = undefined;
      if (last.status === 200) {
        return pass(`GET ${ctx.health.path} ${describe(last)}`);
      }
    } catch (caught) {
      error = caught as Error;
    }
    await sleep(250);
  }
  const what = last ? describe(last) : (error?.message ?? 'no answer');
  const why = evidence(ctx, pgbouncerMark, logMark);
  return fail(`GET ${ctx.health.path} → ${what} for ${SETTLE_MS / 1000} s${why ? `; ${why}` : ''}`);
}
