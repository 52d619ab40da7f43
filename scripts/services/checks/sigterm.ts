/**
 * SIGTERM while a request is in flight: the request completes, then the process exits 0
 * within the guide's grace period. The request is made slow by locking the tables it reads
 * (table-lock.ts), so it is still waiting on PostgreSQL when the signal arrives.
 */
import type { ServiceContext } from '../context';
import { describe, request, type Reply } from '../http';
import { publicTables } from '../postgres';
import { signalProcess, type Exit } from '../processes';
import { fail, pass, type Outcome } from '../results';
import { fillParameters } from '../routes';
import { lockTables, type TableLock } from '../table-lock';
import { sleep, within } from '../wait';
import { graphqlEndpoint, lookupQuery, protocolsOf } from './protocols';

/**
 * Long enough to see the request is waiting; together short of the guide's smallest statement
 * timeout (150 ms, half the request deadline of a sub-100 ms target), so PostgreSQL never
 * cancels the held request.
 */
const PENDING_MS = 70;
const HOLD_AFTER_SIGNAL_MS = 40;

let fresh = 900_000;

type Settled = { reply?: Reply; error?: Error };

function settle(promise: Promise<Reply>): { done: () => boolean; result: Promise<Settled> } {
  let finished = false;
  const result = promise.then(
    (reply) => ({ reply }),
    (error: Error) => ({ error }),
  );
  void result.then(() => {
    finished = true;
  });
  return { done: () => finished, result };
}

function exitText(exit: Exit): string {
  return exit.signal ? `was killed by ${exit.signal}` : `exited ${exit.code}`;
}

interface Candidate {
  label: (id: string) => string;
  send: (id: string, timeoutMs: number) => Promise<Reply>;
}

/** Requests that read a row by id: GET routes with a parameter, a GraphQL lookup by id. */
function candidates(ctx: ServiceContext, port: number): Candidate[] {
  const found: Candidate[] = ctx.readable
    .filter((route) => route.parameterised)
    .map((route) => ({
      label: (id) => `GET ${fillParameters(route.pattern, id)}`,
      send: (id, timeoutMs) => request(port, fillParameters(route.pattern, id), { timeoutMs }),
    }));
  if (protocolsOf(ctx).includes('graphql') && lookupQuery(ctx, '1')) {
    const endpoint = graphqlEndpoint(ctx);
    found.push({
      label: (id) => `POST ${endpoint} ${lookupQuery(ctx, id)}`,
      send: (id, timeoutMs) =>
        request(port, endpoint, {
          method: 'POST',
          body: JSON.stringify({ query: lookupQuery(ctx, id) }),
          headers: { 'content-type': 'application/json' },
          timeoutMs,
        }),
    });
  }
  return found;
}

/** A request that is still waiting after PENDING_MS with the tables locked, or none. */
async function slowRequest(
  ctx: ServiceContext,
  lock: TableLock | undefined,
  graceMs: number,
): Promise<{ label: string; pending: ReturnType<typeof settle> } | undefined> {
  if (!lock || ctx.port === undefined) return undefined;
  for (const candidate of candidates(ctx, ctx.port)) {
    fresh += 1;
    const id = String(fresh);
    const pending = settle(candidate.send(id, graceMs + 10_000));
    await sleep(PENDING_MS);
    if (!pending.done()) return { label: candidate.label(id), pending };
  }
  return undefined;
}

export async function checkSigterm(ctx: ServiceContext): Promise<Outcome> {
  const service = ctx.process;
  if (!service || service.exit) return fail('the process is not running');
  const graceMs = ctx.grace.seconds * 1000;
  const tables = ctx.database ? await publicTables(ctx.postgres, ctx.database) : [];
  let lock: TableLock | undefined;
  if (tables.length > 0 && ctx.database)
    lock = await lockTables(ctx.postgres, ctx.database, tables, ctx.dir);
  let slow: Awaited<ReturnType<typeof slowRequest>>;
  try {
    slow = await slowRequest(ctx, lock, graceMs);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const signalled = performance.now();
  signalProcess(service, 'SIGTERM');
  await sleep(HOLD_AFTER_SIGNAL_MS);
  await lock?.release();
  const grace = `grace ${ctx.grace.seconds} s, ${ctx.grace.source}`;
  let exit: Exit;
  try {
    exit = await within(service.exited, graceMs + 2_000, 'timeout');
  } catch {
    return fail(`still running ${ctx.grace.seconds + 2} s after SIGTERM (${grace})`);
  }
  const seconds = ((performance.now() - signalled) / 1000).toFixed(1);
  const exited = exit.code === 0 && Number(seconds) * 1000 <= graceMs;
  if (!slow) {
    const why =
      tables.length === 0 ? 'no table to lock' : 'no request by id waited on the locked tables';
    const text = `no request in flight (${why}); ${exitText(exit)} ${seconds} s after SIGTERM (${grace})`;
    return exited ? pass(text) : fail(text);
  }
  const { reply, error } = await within(
    slow.pending.result,
    10_000,
    'the in-flight request never settled',
  );
  const answered = `${slow.label} in flight → ${reply ? describe(reply) : error?.message}`;
  const text = `${answered}; ${exitText(exit)} ${seconds} s after SIGTERM (${grace})`;
  return exited && reply && reply.status < 500 ? pass(text) : fail(text);
}
