/**
 * With Redis stopped, the service degrades as the guide says instead of failing: health still
 * answers 200 (the cache is optional in every service of the guide: "Redis is optional: while it
 * is down, every lookup goes to PostgreSQL"), every route that answered before answers with the
 * same status within the request bound, and the process stays up. Redis is started again after.
 */
import { readFileSync } from 'node:fs';
import type { ServiceContext } from '../context';
import { describe, request } from '../http';
import { fail, pass, skip, type Outcome } from '../results';
import { sleep } from '../wait';
import { evidence } from './health';

export async function checkRedisDown(ctx: ServiceContext): Promise<Outcome> {
  if (ctx.port === undefined || !ctx.process) return skip('not answering');
  if (!ctx.env.usesRedis) return skip('the run script gives it no Redis');
  const pgbouncerMark = ctx.pgbouncer?.mark() ?? 0;
  const logMark = readFileSync(ctx.log, 'utf8').length;
  await ctx.redis.down();
  try {
    await sleep(500);
    const answers: string[] = [];
    const failures: string[] = [];
    // Health must stay ready (the cache is optional), every other route must answer as it did.
    const wanted = new Map<string, number>(ctx.readable.map((route) => [route.path, route.status]));
    if (ctx.health) wanted.set(ctx.health.path, 200);
    for (const [path, status] of wanted) {
      try {
        const reply = await request(ctx.port, path);
        const isHealth = path === ctx.health?.path;
        answers.push(
          isHealth
            ? `${path} ${describe(reply)} in ${reply.ms} ms`
            : `${path} ${reply.status} in ${reply.ms} ms`,
        );
        if (reply.status !== status)
          failures.push(`GET ${path} → ${describe(reply)}, ${status} with Redis up`);
      } catch (error) {
        failures.push(`GET ${path} → ${(error as Error).message}`);
      }
    }
    if (ctx.process.exit) {
      failures.push(`the process exited (${ctx.process.exit.code ?? ctx.process.exit.signal})`);
    }
    if (failures.length > 0) {
      const why = evidence(ctx, pgbouncerMark, logMark);
      return fail(`with Redis stopped: ${failures.join('; ')}${why ? `; ${why}` : ''}`);
    }
    return pass(`with Redis stopped: ${answers.join('; ')}`);
  } finally {
    await ctx.redis.up();
  }
}
