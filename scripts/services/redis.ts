/** Debian's redis-server without persistence on 127.0.0.1; stopped and started again on demand. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from './exec';
import { freePort } from './ports';
import { start, stop, type Started } from './processes';
import { portOpen, waitFor } from './wait';

export const REDIS_SERVER = '/usr/bin/redis-server';

export interface Redis {
  port: number;
  running(): boolean;
  /** Stops it (SIGTERM, bounded): the "Redis is down" case. */
  down(): Promise<void>;
  /** Starts it again on the same port. */
  up(): Promise<void>;
  version: string;
}

export async function startRedis(dir: string): Promise<Redis> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const versionOut = await exec(REDIS_SERVER, ['--version'], { timeoutMs: 5_000 });
  const version = /v=(\S+)/.exec(versionOut.stdout)?.[1] ?? 'unknown';
  let current: Started | undefined;
  const up = async (): Promise<void> => {
    if (current && !current.exit) return;
    current = start(
      'redis',
      REDIS_SERVER,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--daemonize',
        'no',
      ],
      join(dir, 'redis.log'),
      { cwd: dir },
    );
    const ready = await waitFor(
      async () => (current?.exit ? false : (await portOpen(port)) || undefined),
      10_000,
      50,
    );
    if (!ready) throw new Error(`redis-server did not start on port ${port} within 10 s`);
  };
  await up();
  return {
    port,
    version,
    running: () => Boolean(current && !current.exit),
    up,
    async down() {
      if (current) await stop(current, 'SIGTERM', 5_000);
    },
  };
}
