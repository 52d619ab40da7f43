/** One HTTP request to a service on loopback, on a fresh connection, bounded in time. */
import { request as httpRequest } from 'node:http';

export interface Reply {
  status: number;
  body: string;
  ms: number;
}

export interface RequestOptions {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Resolves with the reply; rejects on a connection error or after `timeoutMs` (5 s). */
export function request(port: number, path: string, options: RequestOptions = {}): Promise<Reply> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 5_000;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        agent: false,
        headers: { connection: 'close', ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (body.length < 100_000) body += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            ms: Math.round(performance.now() - started),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `503 {"status":"unavailable"…}` cut to one short line. */
export function describe(reply: Reply): string {
  const body = reply.body.replace(/\s+/g, ' ').trim();
  return `${reply.status}${body ? ` ${body.length > 160 ? `${body.slice(0, 160)}…` : body}` : ''}`;
}
