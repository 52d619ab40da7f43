import { describe, expect, it } from 'vitest';
import { apiPerformanceSizing, sizeApi } from './api-performance';
import { exactInputsSchema } from './sizing';

const OPTIONS = {
  api_architecture: ['rest', 'graphql', 'grpc', 'websocket', 'microservices'],
  backend_technology: ['nodejs', 'python', 'java', 'go', 'rust', 'dotnet'],
  expected_load: ['low', 'medium', 'high', 'extreme'],
  data_complexity: ['simple-crud', 'complex-queries', 'real-time', 'analytics'],
  performance_targets: ['sub-100ms', 'sub-500ms', 'sub-1s', 'throughput-focused'],
  infrastructure: ['cloud-native', 'containerized', 'serverless', 'traditional'],
} as const;

function* configurations(): Generator<Record<string, string>> {
  const names = Object.keys(OPTIONS) as (keyof typeof OPTIONS)[];
  const walk = function* (
    index: number,
    chosen: Record<string, string>,
  ): Generator<Record<string, string>> {
    if (index === names.length) {
      yield { ...chosen };
      return;
    }
    for (const value of OPTIONS[names[index]!]) {
      yield* walk(index + 1, { ...chosen, [names[index]!]: value });
    }
  };
  yield* walk(0, {});
}

const all = [...configurations()].map((choices) => ({ choices, v: sizeApi(choices).values }));
const n = (value: unknown): number => value as number;

/** The configurations that break a rule, named, so a failure says which ones. */
const breaking = (rule: (v: Record<string, unknown>, c: Record<string, string>) => boolean) =>
  all
    .filter(({ v, choices }) => !rule(v, choices))
    .map(({ choices }) => Object.values(choices).join('/'));

describe('the sizing model, over every configuration', () => {
  it(
    'covers all 7,680 configurations with the same names, every number finite and not negative',
    { timeout: 60_000 },
    () => {
      expect(all).toHaveLength(7680);
      const names = [...apiPerformanceSizing.names].filter((name) => name !== 'worksheet').sort();
      for (const { v } of all) {
        expect(Object.keys(v).sort()).toEqual(names);
        for (const value of Object.values(v)) {
          if (typeof value === 'number') expect(Number.isFinite(value) && value >= 0).toBe(true);
        }
      }
    },
  );

  it('timeouts shrink inwards: caller > proxy > request > statement > pool wait', () => {
    expect(
      breaking(
        (v) =>
          n(v.client_timeout_ms) > n(v.upstream_timeout_ms) &&
          n(v.upstream_timeout_ms) > n(v.request_timeout_ms) &&
          n(v.request_timeout_ms) > n(v.statement_timeout_ms) &&
          n(v.statement_timeout_ms) > n(v.pool_acquire_timeout_ms) &&
          n(v.request_timeout_ms) > n(v.redis_timeout_ms) &&
          2 * n(v.hop_timeout_ms) <= n(v.request_timeout_ms) &&
          n(v.request_timeout_ms) >= n(v.p99_ms),
      ),
    ).toEqual([]);
  });

  it('on Lambda: API Gateway > function timeout > request deadline, within API Gateway’s 29 s', () => {
    expect(
      breaking(
        (v, c) =>
          c.infrastructure !== 'serverless' ||
          (n(v.api_gateway_timeout_ms) > n(v.lambda_timeout_s) * 1000 &&
            n(v.lambda_timeout_s) * 1000 > n(v.request_timeout_ms) &&
            n(v.api_gateway_timeout_ms) <= 29_000),
      ),
    ).toEqual([]);
  });

  it('reserved concurrency covers the demand at the top of the band with headroom; provisioned fits in it', () => {
    expect(
      breaking(
        (v) =>
          n(v.lambda_reserved_concurrency) >= 1.2 * n(v.lambda_concurrency_peak) &&
          n(v.lambda_provisioned_concurrency) <= n(v.lambda_reserved_concurrency) &&
          n(v.lambda_provisioned_concurrency) >= 1 &&
          // The demand is Little's law at the peak with the invocation overhead.
          n(v.lambda_concurrency_peak) >= (n(v.peak_rps) * n(v.mean_ms)) / 1000,
      ),
    ).toEqual([]);
  });

  it('the autoscaler’s ceiling carries the peak: max instances × target in flight ≥ 1.2 × Little’s law', () => {
    expect(
      breaking(
        (v, c) =>
          c.infrastructure === 'serverless' ||
          (n(v.max_instances) * n(v.inflight_target) >= 1.2 * n(v.concurrency_peak) &&
            n(v.max_instances) * n(v.rps_per_instance) >= 1.2 * n(v.peak_rps) &&
            n(v.min_instances) <= n(v.max_instances) &&
            // A pod can reach the autoscaling target; a fixed fleet carries the peak one short.
            (c.infrastructure === 'cloud-native'
              ? n(v.inflight_limit) >= n(v.inflight_target)
              : n(v.inflight_limit) * Math.max(1, n(v.max_instances) - 1) >=
                n(v.concurrency_peak))),
      ),
    ).toEqual([]);
  });

  it('the in-flight limit fits the pool: its queue for connections drains within the pool wait', () => {
    expect(
      breaking(
        (v, c) =>
          c.infrastructure === 'serverless' ||
          n(v.inflight_limit_per_process) <=
            n(v.db_pool_max) * (1 + n(v.pool_acquire_timeout_ms) / n(v.db_hold_ms)),
      ),
    ).toEqual([]);
  });

  it('pools sum within PgBouncer and max_connections, with room for admin sessions', () => {
    expect(
      breaking((v, c) => {
        const reserve = 15 + n(v.reporting_pool);
        if (c.infrastructure === 'serverless') {
          return (
            n(v.db_pool_max) === 1 &&
            (n(v.rds_proxy_max_connections_percent) * n(v.max_connections)) / 100 + reserve <=
              n(v.max_connections)
          );
        }
        if (v.pgbouncer) {
          return (
            n(v.pgbouncer_instances) * n(v.pgbouncer_max_db_connections) + reserve <=
              n(v.max_connections) &&
            n(v.pgbouncer_instances) * n(v.pgbouncer_max_client_conn) >= n(v.db_clients) &&
            n(v.pgbouncer_nofile) >=
              n(v.pgbouncer_max_client_conn) + n(v.pgbouncer_max_db_connections)
          );
        }
        return n(v.db_clients) + reserve <= n(v.max_connections);
      }),
    ).toEqual([]);
  });

  it('the work_mem rule holds: work_mem × connections × 2 within a quarter of RAM, reporting within its share', () => {
    expect(
      breaking((v) => {
        const ram = n(v.db_ram_gb) * 1024;
        return (
          n(v.work_mem_worst_mb) <= ram / 4 &&
          n(v.reporting_work_mem_mb) * n(v.reporting_pool) * 2 * 3 <= ram * 0.15 &&
          n(v.shared_buffers_mb) + n(v.work_mem_worst_mb) <= ram * 0.5
        );
      }),
    ).toEqual([]);
  });

  it('no statement timeout is below 150 ms (the services harness holds a request 110 ms under a lock)', () => {
    expect(Math.min(...all.map(({ v }) => n(v.statement_timeout_ms)))).toBe(150);
  });

  it('the target is reachable: the planning mean leaves the p95 three times its size', () => {
    expect(breaking((v) => n(v.p95_ms) >= 3 * n(v.mean_ms))).toEqual([]);
  });

  it('every worksheet row is a value with a formula', () => {
    for (const { choices } of all.slice(0, 300)) {
      const { values, worksheet } = sizeApi(choices);
      for (const row of worksheet) {
        expect(values[row.key], row.key).toBeDefined();
        expect(row.formula.length, row.key).toBeGreaterThan(3);
      }
    }
  });
});

describe('exact inputs replace the defaults the answers give', () => {
  const choices = {
    api_architecture: 'rest',
    backend_technology: 'go',
    expected_load: 'medium',
    data_complexity: 'simple-crud',
    performance_targets: 'sub-500ms',
    infrastructure: 'cloud-native',
  };

  it('a known peak rate and p95 drive the instances and the timeouts, and the worksheet says so', () => {
    const base = sizeApi(choices);
    const exact = sizeApi(choices, { peakRps: 40_000, p95Ms: 200 });
    expect(exact.values.peak_rps).toBe(40_000);
    expect(n(exact.values.max_instances)).toBeGreaterThan(n(base.values.max_instances));
    expect(exact.values.request_timeout_ms).toBe(600);
    expect(exact.worksheet.find((row) => row.key === 'peak_rps')?.formula).toBe('your figure');
  });

  it('a bigger database host gives more server connections', () => {
    const exact = sizeApi(choices, { dbVcpu: 32, dbRamGb: 128 });
    expect(exact.values.db_active_connections).toBe(96);
    expect(n(exact.values.max_connections)).toBeGreaterThan(
      n(sizeApi(choices).values.max_connections),
    );
  });

  it('refuses exact inputs that are not sensible numbers, saying which', () => {
    const result = exactInputsSchema.safeParse({ peakRps: -5, dbVcpu: 1.5, extra: 1 });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.') || issue.code);
    expect(paths).toEqual(expect.arrayContaining(['peakRps', 'dbVcpu', 'unrecognized_keys']));
  });
});
