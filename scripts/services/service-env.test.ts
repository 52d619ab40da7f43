import { describe, expect, it } from 'vitest';
import { durationSeconds, gracePeriod } from './grace-period';
import { satisfies } from './python-env';
import { parseRunScript } from './run-script';
import { matchesFilter } from './select';
import { serviceEnv } from './service-env';

describe('serviceEnv', () => {
  it('points PostgreSQL URLs at PgBouncer (6432) or PostgreSQL (5432), Redis and ports at the harness’s', () => {
    const script = parseRunScript(
      'scripts/run-local.sh',
      [
        'export DATABASE_URL="${DATABASE_URL:-postgres://app:secret@127.0.0.1:6432/app}"',
        'export MIGRATION_DATABASE_URL="${MIGRATION_DATABASE_URL:-postgres://app:secret@127.0.0.1:5432/app}"',
        'export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"',
        'export PORT="${PORT:-8080}"',
        'export HOST="${HOST:-0.0.0.0}"',
        'export LOG_LEVEL="${LOG_LEVEL:-info}"',
        'exec node src/server.js',
      ].join('\n'),
    );
    const env = serviceEnv(script, {
      postgres: 5000,
      pgbouncer: 6000,
      redis: 7000,
      free: new Map([['PORT', 8000]]),
    });
    expect(env.overrides).toEqual({
      DATABASE_URL: 'postgres://app:secret@127.0.0.1:6000/app',
      MIGRATION_DATABASE_URL: 'postgres://app:secret@127.0.0.1:5000/app',
      REDIS_URL: 'redis://127.0.0.1:7000/0',
      PORT: '8000',
      HOST: '127.0.0.1',
    });
    expect(env).toMatchObject({ throughPgBouncer: true, usesRedis: true, port: 8000, host: true });
    expect(env.logins).toEqual([{ user: 'app', password: 'secret', database: 'app' }]);
  });
});

describe('gracePeriod', () => {
  it('takes the shortest stated grace period of the project', () => {
    const project = new Map([
      ['compose.yaml', 'services:\n  api:\n    stop_grace_period: 1m30s\n'],
      ['api-deployment.yaml', 'spec:\n  terminationGracePeriodSeconds: 45\n'],
    ]);
    expect(gracePeriod(project)).toEqual({
      seconds: 45,
      source: 'api-deployment.yaml terminationGracePeriodSeconds',
    });
    expect(gracePeriod(new Map()).seconds).toBe(30);
    expect(durationSeconds('1m30s')).toBe(90);
  });
});

describe('satisfies', () => {
  it('compares release numbers with PEP 440 operators', () => {
    expect(satisfies('0.92.0', '>=0.115')).toBe(false);
    expect(satisfies('0.115.6', '>=0.115,<0.116')).toBe(true);
    expect(satisfies('5.0.1', '~=5.0')).toBe(true);
    expect(satisfies('4.3.4', '==4.3.*')).toBe(true);
  });
});

describe('matchesFilter', () => {
  it('matches when every word of one comma-separated pattern is in the name', () => {
    expect(matchesFilter('python graphql containerized #1', 'nodejs rest, python graphql')).toBe(
      true,
    );
    expect(matchesFilter('python graphql containerized #1', 'python rest')).toBe(false);
    expect(matchesFilter('anything', undefined)).toBe(true);
  });
});
