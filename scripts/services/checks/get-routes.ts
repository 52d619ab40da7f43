/** Every body-less (GET) route the code defines answers below 500. */
import type { ServiceContext } from '../context';
import { describe, request } from '../http';
import { fail, pass, skip, type Outcome } from '../results';

export async function checkRoutes(ctx: ServiceContext): Promise<Outcome> {
  if (ctx.port === undefined) return skip('not answering');
  if (ctx.routes.length === 0) return skip('no GET route found in the code');
  const answers: string[] = [];
  const failures: string[] = [];
  for (const route of ctx.routes) {
    try {
      const reply = await request(ctx.port, route.path);
      answers.push(`${route.path} ${reply.status}`);
      if (reply.status >= 500) failures.push(`GET ${route.path} → ${describe(reply)}`);
      else ctx.readable.push({ ...route, status: reply.status });
    } catch (error) {
      failures.push(`GET ${route.path} → ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) return fail(failures.join('; '));
  return pass(answers.join(', '));
}
