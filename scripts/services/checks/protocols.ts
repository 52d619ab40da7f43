/**
 * The protocol of an extra server: GraphQL answers `{ __typename }`, a WebSocket server echoes
 * or fans out one message, a gRPC server answers one unary call on the guide's .proto.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceContext } from '../context';
import { exec } from '../exec';
import { describe, request } from '../http';
import { fail, pass, skip, type Outcome } from '../results';
import { evidence } from './health';

const CLIENTS = fileURLToPath(new URL('../clients/', import.meta.url));

export type Protocol = 'graphql' | 'websocket' | 'grpc';

function code(ctx: ServiceContext): string {
  return ctx.plan.files.files.map((file) => ctx.plan.project.get(file) ?? '').join('\n');
}

/** Which protocols the service's code serves, read from its imports. */
export function protocolsOf(ctx: ServiceContext): Protocol[] {
  const packages = ctx.plan.files.packages;
  const text = code(ctx);
  const found: Protocol[] = [];
  if (
    ['graphql-yoga', '@apollo/server', 'graphql-http', 'mercurius'].some((name) =>
      packages.has(name),
    ) ||
    /\bstrawberry\b|\bariadne\b/.test(text)
  ) {
    found.push('graphql');
  }
  if (packages.has('ws') && /WebSocketServer/.test(text)) found.push('websocket');
  if (packages.has('@grpc/grpc-js') && /\.addService\s*\(/.test(text)) found.push('grpc');
  return found;
}

/** Where the GraphQL server answers: its `graphqlEndpoint`, else /graphql. */
export function graphqlEndpoint(ctx: ServiceContext): string {
  return /graphqlEndpoint\s*:\s*['"]([^'"]+)['"]/.exec(code(ctx))?.[1] ?? '/graphql';
}

/** A query of a field of the guide's schema that takes one `id: ID!`: a row read by id. */
export function lookupQuery(ctx: ServiceContext, id: string): string | undefined {
  const schema = ctx.plan.files.files.find((file) => /\.(graphql|gql)$/.test(file));
  const query = /\btype\s+Query\s*\{([^}]*)\}/.exec(ctx.plan.project.get(schema ?? '') ?? '')?.[1];
  const field = /^\s*(\w+)\s*\(\s*id\s*:\s*ID!\s*\)/m.exec(query ?? '')?.[1];
  return field ? `{ ${field}(id: "${id}") { __typename } }` : undefined;
}

async function post(
  ctx: ServiceContext,
  endpoint: string,
  query: string,
): Promise<string | undefined> {
  const reply = await request(ctx.port!, endpoint, {
    method: 'POST',
    body: JSON.stringify({ query }),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  });
  let body: { data?: Record<string, unknown> | null; errors?: unknown[] } = {};
  try {
    body = JSON.parse(reply.body) as typeof body;
  } catch {
    // not JSON: reported below
  }
  const ok = reply.status === 200 && body.data && !body.errors;
  return ok ? undefined : `POST ${endpoint} ${query} → ${describe(reply)}`;
}

/** `{ __typename }` answers with data, and so does a lookup by id when the schema has one. */
export async function checkGraphql(ctx: ServiceContext): Promise<Outcome> {
  if (ctx.port === undefined) return skip('not answering');
  const endpoint = graphqlEndpoint(ctx);
  const queries = [
    '{ __typename }',
    ...[lookupQuery(ctx, '1')].filter((query) => query !== undefined),
  ];
  const pgbouncerMark = ctx.pgbouncer?.mark() ?? 0;
  const logMark = readFileSync(ctx.log, 'utf8').length;
  const failures: string[] = [];
  for (const query of queries) {
    const failure = await post(ctx, endpoint, query);
    if (failure) failures.push(failure);
  }
  if (failures.length > 0) {
    const why = evidence(ctx, pgbouncerMark, logMark);
    return fail(`${failures.join('; ')}${why ? `; ${why}` : ''}`);
  }
  return pass(`POST ${endpoint} ${queries.join(' and ')}: 200 with data`);
}

export async function checkWebSocket(ctx: ServiceContext): Promise<Outcome> {
  if (ctx.port === undefined) return skip('not answering');
  const path =
    /new WebSocketServer\(\s*\{[^}]*\bpath\s*:\s*['"]([^'"]+)['"]/s.exec(code(ctx))?.[1] ?? '/';
  const url = `ws://127.0.0.1:${ctx.port}${path}?room=harness`;
  const message = JSON.stringify({
    type: 'message',
    room: 'harness',
    text: 'hello from the services harness',
  });
  const result = await exec(
    process.execPath,
    [join(CLIENTS, 'ws-echo.cjs'), url, message, '5000'],
    {
      timeoutMs: 10_000,
    },
  );
  const outcome = JSON.parse(result.stdout.trim() || '{"ok":false,"why":"no output"}') as {
    ok: boolean;
    why?: string;
    received?: string;
    ms?: number;
  };
  if (outcome.ok)
    return pass(`${url}: sent one message, got back ${outcome.received} in ${outcome.ms} ms`);
  return fail(`${url}: sent one message, ${outcome.why}`);
}

export async function checkGrpc(ctx: ServiceContext): Promise<Outcome> {
  if (ctx.port === undefined) return skip('not answering');
  const proto = ctx.plan.files.files.find((file) => file.endsWith('.proto'));
  if (!proto) return skip('the service loads no .proto file the guide gives');
  const result = await exec(
    process.execPath,
    [
      join(CLIENTS, 'grpc-call.cjs'),
      join(ctx.projectDir, proto),
      ctx.projectDir,
      `127.0.0.1:${ctx.port}`,
      '5000',
    ],
    { timeoutMs: 15_000 },
  );
  let outcome: {
    method?: string;
    request?: unknown;
    code?: number;
    status?: string;
    message?: string;
    ok?: boolean;
    why?: string;
  };
  try {
    outcome = JSON.parse(result.stdout.trim()) as typeof outcome;
  } catch {
    return fail(`the gRPC client failed: ${result.stderr.trim().slice(-300)}`);
  }
  if (outcome.why) return fail(outcome.why);
  // Any answer from the service's own code counts; transport and server errors do not.
  const broken = ['UNAVAILABLE', 'INTERNAL', 'UNKNOWN', 'DEADLINE_EXCEEDED', 'UNIMPLEMENTED'];
  const text = `${outcome.method} ${JSON.stringify(outcome.request)} → ${outcome.status}: ${outcome.message ?? ''}`;
  return broken.includes(outcome.status ?? '') ? fail(text) : pass(text);
}
