/** A short load on loopback (autocannon, 10 connections, 5 s) gives no errors and only 2xx. */
import { join } from 'node:path';
import type { ServiceContext } from '../context';
import { exec } from '../exec';
import { describe, request } from '../http';
import { HARNESS_NODE } from '../node-deps';
import { fail, pass, skip, type Outcome } from '../results';

const AUTOCANNON = join(HARNESS_NODE, 'node_modules', 'autocannon', 'autocannon.js');
const SECONDS = 5;
const CONNECTIONS = 10;
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}

/** What the load is made of: the health route, a read route, or a GraphQL `{ __typename }`. */
interface Target {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** Autocannon counts failures without bodies: a burst of the same requests shows one. */
async function sampleFailure(port: number, target: Target): Promise<string> {
  const headers: Record<string, string> = target.body ? { 'content-type': 'application/json' } : {};
  const replies = await Promise.allSettled(
    Array.from({ length: CONNECTIONS * 2 }, () =>
      request(port, target.path, {
        method: target.method,
        headers,
        ...(target.body ? { body: target.body } : {}),
      }),
    ),
  );
  for (const reply of replies) {
    if (reply.status === 'rejected') return `; e.g. ${(reply.reason as Error).message}`;
    if (reply.value.status >= 300) return `; e.g. ${describe(reply.value)}`;
  }
  return '';
}

function targetOf(ctx: ServiceContext, graphql: string | undefined): Target | undefined {
  const route = ctx.health ?? ctx.readable.find((candidate) => !candidate.parameterised);
  if (route) return { method: 'GET', path: route.path };
  if (graphql) return { method: 'POST', path: graphql, body: TYPENAME };
  return undefined;
}

export async function checkLoad(ctx: ServiceContext, graphql?: string): Promise<Outcome> {
  if (ctx.port === undefined) return skip('not answering');
  const target = targetOf(ctx, graphql);
  if (!target) return skip('no health, read or GraphQL route to load');
  const url = `http://127.0.0.1:${ctx.port}${target.path}`;
  const request_ = target.body
    ? ['-m', 'POST', '-H', 'content-type=application/json', '-b', target.body]
    : [];
  const result = await exec(
    process.execPath,
    [
      AUTOCANNON,
      '--json',
      '-c',
      String(CONNECTIONS),
      '-d',
      String(SECONDS),
      '-t',
      '5',
      ...request_,
      url,
    ],
    { timeoutMs: (SECONDS + 20) * 1000, env: { ...process.env, NO_COLOR: '1' } },
  );
  if (result.timedOut) return fail(`autocannon did not finish within ${SECONDS + 20} s`);
  let stats: AutocannonResult;
  try {
    stats = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as AutocannonResult;
  } catch {
    return fail(`autocannon failed: ${result.stderr.trim().slice(-300)}`);
  }
  const codes = Object.entries(stats.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ');
  const what = target.body ? `POST ${target.path} ${target.body}` : `GET ${target.path}`;
  const summary =
    `${what}, ${CONNECTIONS} connections for ${SECONDS} s: ${stats.requests.total} requests ` +
    `(${Math.round(stats.requests.average)}/s), p50 ${stats.latency.p50} ms, p99 ${stats.latency.p99} ms`;
  if (stats.requests.total === 0) return fail(`${summary}; no request completed`);
  if (stats.errors > 0 || stats.timeouts > 0 || stats.non2xx > 0) {
    const sample = await sampleFailure(ctx.port, target);
    return fail(
      `${summary}; ${stats.errors} errors, ${stats.timeouts} timeouts, ${stats.non2xx} non-2xx (${codes})${sample}`,
    );
  }
  return pass(summary);
}
