import * as D from './api-defaults';
import type { ExactInputs, Sizing, SizingModel, WorksheetRow } from './sizing';

type Unit = 'rps' | 'ms' | 's' | 'MB' | 'GB' | '' | '%' | 'vCPU';

/** Rounds up to a multiple of `step`. */
const ceilTo = (value: number, step: number): number => Math.ceil(value / step) * step;
/** The largest power of two not above `value` (at least 1). */
const floorPow2 = (value: number): number => 2 ** Math.max(0, Math.floor(Math.log2(value)));
const n = (value: unknown): number => value as number;
const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

const shown = (value: number | string | boolean, unit: Unit): string => {
  if (typeof value !== 'number') return String(value);
  const text = value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return unit === '' ? text : unit === '%' ? `${text} %` : `${text} ${unit}`;
};

/**
 * Sizes an API from the six answers of the API performance template (and exact figures where
 * the user has them): one source for every pool, timeout, concurrency, TTL and load-test number
 * in the guide. Pure; the invariants it keeps are unit tests over every configuration.
 */
export function sizeApi(
  choices: Readonly<Record<string, string>>,
  exact: ExactInputs = {},
): Sizing {
  const load = choices.expected_load ?? 'medium';
  const data = choices.data_complexity ?? 'simple-crud';
  const target = choices.performance_targets ?? 'sub-500ms';
  const infra = choices.infrastructure ?? 'containerized';
  const backend = choices.backend_technology ?? 'nodejs';
  const values: Record<string, number | string | boolean> = {};
  const worksheet: WorksheetRow[] = [];
  const set = <T extends number | string | boolean>(key: string, value: T): T => {
    values[key] = value;
    return value;
  };
  const row = <T extends number | string | boolean>(
    key: string,
    label: string,
    value: T,
    unit: Unit,
    formula: string,
  ): T => {
    if (!hidden.has(key)) worksheet.push({ key, label, shown: shown(value, unit), formula });
    return set(key, value);
  };

  const serverless = infra === 'serverless';
  const singleThreaded = backend === 'nodejs' || backend === 'python';
  const pooled =
    infra === 'cloud-native' ||
    ((infra === 'containerized' || infra === 'traditional') && load !== 'low');
  // Rows that do not apply to this configuration: their values exist, the worksheet omits them.
  const hidden = new Set<string>([
    ...(serverless
      ? ['rps_per_instance', 'inflight_target', 'max_instances', 'min_instances', 'inflight_limit']
      : [
          'lambda_concurrency_peak',
          'lambda_reserved_concurrency',
          'lambda_provisioned_concurrency',
        ]),
    ...(serverless
      ? ['db_clients', 'upstream_timeout_ms']
      : ['lambda_timeout_s', 'api_gateway_timeout_ms', 'rds_proxy_max_connections_percent']),
    ...(pooled
      ? []
      : ['pgbouncer_instances', 'pgbouncer_default_pool_size', 'pgbouncer_max_client_conn']),
    ...(choices.api_architecture === 'microservices' ? [] : ['hop_timeout_ms']),
    ...(infra === 'cloud-native' ? [] : ['inflight_target', 'min_instances']),
  ]);
  const instance = serverless
    ? 'Lambda environment'
    : infra === 'cloud-native'
      ? 'pod'
      : infra === 'traditional'
        ? 'server'
        : 'container';

  // Demand and target.
  const peak = row(
    'peak_rps',
    'Peak request rate',
    exact.peakRps ?? D.PEAK_RPS[load]!,
    'rps',
    exact.peakRps ? 'your figure' : `top of the ${load} load band`,
  );
  const p95 = row(
    'p95_ms',
    'p95 target',
    exact.p95Ms ?? D.P95_MS[target]!,
    'ms',
    exact.p95Ms
      ? 'your figure'
      : target === 'throughput-focused'
        ? 'throughput first: a 1 s p95 under a 2 s p99 ceiling'
        : `the ${D.TARGET_WORDS[target]} target`,
  );
  const p99 = row('p99_ms', 'p99 ceiling', 2 * p95, 'ms', '2 × p95');
  const mean = row(
    'mean_ms',
    'Mean time in the service (planning)',
    Math.min(D.SERVICE_MS[data]!, Math.floor(p95 / 3)),
    'ms',
    `${D.SERVICE_MS[data]} ms for ${D.DATA_WORDS[data]}, at most p95 / 3`,
  );
  const inFlightPeak = row(
    'concurrency_peak',
    "Requests in flight at peak (Little's law)",
    Math.ceil((peak * mean) / 1000),
    '',
    'peak rate × mean time',
  );

  // Timeout chain: each hop gives up before the one outside it.
  const request = row(
    'request_timeout_ms',
    'Request deadline in the service',
    Math.round(1.5 * p99),
    'ms',
    '1.5 × p99',
  );
  const statement = row(
    'statement_timeout_ms',
    'Database statement timeout',
    Math.round(request / 2),
    'ms',
    'request deadline / 2',
  );
  const acquire = row(
    'pool_acquire_timeout_ms',
    'Wait for a pooled connection',
    Math.max(100, Math.round(statement / 3)),
    'ms',
    'statement timeout / 3, at least 100 ms: time to open a connection when the pool must',
  );
  row(
    'redis_timeout_ms',
    'Redis command timeout',
    clamp(Math.round(p95 / 4), 20, 250),
    'ms',
    'p95 / 4, between 20 and 250 ms',
  );
  const upstream = row(
    'upstream_timeout_ms',
    'Proxy or load balancer timeout',
    ceilTo(request + 500, 1000),
    'ms',
    'request deadline + 0.5 s, rounded up to a second',
  );
  set('upstream_timeout_s', upstream / 1000);
  const client = row(
    'client_timeout_ms',
    "Caller's deadline (and the load test's)",
    upstream + 1000,
    'ms',
    'proxy timeout + 1 s',
  );
  set('client_timeout_s', client / 1000);
  set('statement_timeout_s', statement / 1000);
  set('request_timeout_s', request / 1000);
  row(
    'hop_timeout_ms',
    'Timeout of one call between services',
    Math.floor(request * 0.4),
    'ms',
    '0.4 × request deadline: two calls in a row still fit',
  );

  // Instances.
  const vcpu = row(
    'instance_vcpu',
    `vCPU per ${instance}`,
    exact.instanceVcpu ?? (serverless ? 1 : infra === 'traditional' ? 8 : singleThreaded ? 1 : 2),
    'vCPU',
    exact.instanceVcpu
      ? 'your figure'
      : serverless
        ? 'one request per Lambda environment'
        : infra === 'traditional'
          ? 'a common VM size'
          : singleThreaded
            ? 'one single-threaded process per container'
            : 'a container with two cores',
  );
  const processes = set('processes_per_instance', singleThreaded && !serverless ? vcpu : 1);
  const perCore = row(
    'rps_per_core',
    'Requests per second one core serves (planning)',
    Math.round(D.RPS_PER_CORE[backend]! / D.CPU_FACTOR[data]!),
    'rps',
    `${D.RPS_PER_CORE[backend]!.toLocaleString('en-US')} for simple reads on ${D.BACKEND_WORDS[backend]}, / ${D.CPU_FACTOR[data]} for ${D.DATA_WORDS[data]}; replace with the step test's figure`,
  );
  const perInstance = row(
    'rps_per_instance',
    `Requests per second per ${instance} at 70 % CPU`,
    Math.max(1, Math.floor(perCore * vcpu * D.TARGET_UTILISATION)),
    'rps',
    'per core × vCPU × 0.7',
  );
  const perInstanceInFlight = row(
    'inflight_target',
    `Requests in flight per ${instance} at 70 % CPU (autoscaling target)`,
    Math.max(1, Math.ceil((perInstance * mean) / 1000)),
    '',
    'per-instance rate × mean time',
  );
  const byRate = Math.max(2, Math.ceil((1.25 * peak) / perInstance));
  row(
    'min_instances',
    `${instance[0]!.toUpperCase()}${instance.slice(1)}s at the quietest hour`,
    Math.max(2, Math.ceil((0.2 * peak) / perInstance)),
    '',
    '20 % of peak / per-instance rate, at least 2',
  );
  // Pools, and the in-flight limit they can serve.
  const reachDb = 1 - D.HIT_RATIO[data]!;
  const hold = D.DB_HOLD_MS[data]!;
  const dbShare = (reachDb * hold) / mean;
  set('db_hold_ms', hold);
  set('cache_hit_ratio', D.HIT_RATIO[data]!);
  // A request over the pool waits; with every in-flight request waiting at once, the queue must
  // drain within the pool wait: in flight ≤ pool × (1 + pool wait / hold time).
  const drain = 1 + acquire / hold;
  // An autoscaled pod must be able to reach the autoscaling target; a fixed fleet only needs
  // its share of the peak with one instance lost.
  const fleetShare = Math.ceil(inFlightPeak / Math.max(1, byRate - 1));
  const basis =
    infra === 'cloud-native' ? perInstanceInFlight : Math.min(perInstanceInFlight, fleetShare);
  const wanted = Math.ceil(Math.max(8, 3 * basis) / processes);
  const poolPerProcess = serverless
    ? 1
    : clamp(Math.max(Math.ceil(wanted * dbShare * 2), Math.ceil(wanted / drain)), 4, 50);
  const limitPerProcess = serverless ? 1 : Math.min(wanted, Math.floor(poolPerProcess * drain));
  const inflightLimit = row(
    'inflight_limit',
    `In-flight limit per ${instance} (beyond it: 503 at once)`,
    limitPerProcess * processes,
    '',
    infra === 'cloud-native'
      ? '3 × autoscaling target, at least 8, at most what the pool drains within the pool wait'
      : `3 × the in-flight share of one ${instance} at peak with one ${instance} lost (at most its in-flight at 70 % CPU), at least 8, at most what the pool drains within the pool wait`,
  );
  set('inflight_limit_per_process', limitPerProcess);
  // A fixed fleet whose pools cap the in-flight limit needs enough instances to carry the
  // peak's requests in flight with one instance lost.
  const byLimit =
    infra === 'cloud-native' || serverless ? 0 : 1 + Math.ceil(inFlightPeak / inflightLimit);
  const maxInstances = row(
    'max_instances',
    `${instance[0]!.toUpperCase()}${instance.slice(1)}s at peak, with 25 % to spare`,
    Math.max(byRate, byLimit),
    '',
    byLimit > byRate
      ? `1 + requests in flight at peak / in-flight limit: the pools, not the CPU, set the count`
      : 'peak rate × 1.25 / per-instance rate, at least 2',
  );
  row(
    'db_pool_max',
    `Database pool per ${serverless ? 'Lambda environment' : singleThreaded ? 'process' : 'instance'}`,
    poolPerProcess,
    '',
    serverless
      ? 'one request at a time per environment'
      : `2 × in-flight limit${processes > 1 ? ' per process' : ''} × share of time holding a connection (${Math.round(reachDb * 100)} % miss the cache × ${hold} ms / ${mean} ms), and at least in-flight limit / (1 + pool wait / ${hold} ms); between 4 and 50`,
  );
  set(
    'db_pool_min',
    serverless
      ? 0
      : target === 'sub-100ms'
        ? poolPerProcess // a full pool from the start: no connection is opened on a request's time
        : Math.min(poolPerProcess, Math.max(1, Math.ceil(poolPerProcess / 4))),
  );
  set('redis_pool_max', serverless ? 1 : clamp(Math.ceil(inflightLimit / processes / 4), 4, 64));
  const clients = row(
    'db_clients',
    `Connections all ${instance}s may open`,
    serverless ? 0 : maxInstances * processes * poolPerProcess,
    '',
    serverless ? 'through RDS Proxy' : 'max instances × processes × pool',
  );

  // Database host and PostgreSQL.
  const dbVcpu = row(
    'db_vcpu',
    'Database host vCPU',
    exact.dbVcpu ?? D.DB_HOST[load]!.vcpu,
    'vCPU',
    exact.dbVcpu ? 'your figure' : `planned for ${load} load`,
  );
  const dbRam = row(
    'db_ram_gb',
    'Database host RAM',
    exact.dbRamGb ?? D.DB_HOST[load]!.ramGb,
    'GB',
    exact.dbRamGb ? 'your figure' : `planned for ${load} load`,
  );
  set('pgbouncer', pooled);
  const active = row(
    'db_active_connections',
    'Server connections doing work at once',
    dbVcpu * 3,
    '',
    '3 × database vCPU: more active connections than that lowers throughput',
  );
  const pgbInstances = row(
    'pgbouncer_instances',
    'PgBouncer processes',
    pooled ? Math.max(infra === 'cloud-native' ? 2 : 1, Math.ceil(peak / D.PGBOUNCER_RPS)) : 0,
    '',
    pooled
      ? `peak rate / ${D.PGBOUNCER_RPS.toLocaleString('en-US')} per single-threaded process${infra === 'cloud-native' ? ', at least 2' : ''}`
      : 'not needed: the pools fit max_connections directly',
  );
  const defaultPool = row(
    'pgbouncer_default_pool_size',
    'PgBouncer server connections per process',
    pooled ? Math.max(5, Math.floor(active / pgbInstances)) : 0,
    '',
    pooled ? 'active connections / PgBouncer processes' : 'no PgBouncer',
  );
  const reservePool = set(
    'pgbouncer_reserve_pool_size',
    pooled ? Math.max(2, Math.ceil(defaultPool / 10)) : 0,
  );
  const maxDb = set('pgbouncer_max_db_connections', defaultPool + reservePool);
  const maxClient = row(
    'pgbouncer_max_client_conn',
    'PgBouncer client connections per process',
    pooled ? ceilTo((clients / pgbInstances) * 1.2, 100) : 0,
    '',
    pooled ? 'connections all instances may open / PgBouncer processes × 1.2' : 'no PgBouncer',
  );
  set('pgbouncer_nofile', pooled ? ceilTo(maxClient + 2 * maxDb + 100, 1024) : 0);
  const reporting = set(
    'reporting_pool',
    data === 'analytics' ? Math.max(2, Math.floor(dbVcpu / 2)) : 0,
  );
  const proxyConnections = serverless ? active : 0;
  const serverConnections = pooled ? pgbInstances * maxDb : serverless ? proxyConnections : clients;
  const maxConnections = row(
    'max_connections',
    'PostgreSQL max_connections',
    Math.max(40, ceilTo(serverConnections + reporting + 15, 10)),
    '',
    `${pooled ? 'PgBouncer processes × (pool + reserve)' : serverless ? "RDS Proxy's connections" : 'connections all instances may open'}${reporting ? ' + reporting pool' : ''} + 15 for admin, migrations and monitoring`,
  );
  const ramMb = dbRam * 1024;
  const activeForMemory = pooled ? pgbInstances * maxDb : serverless ? proxyConnections : clients;
  const workMem = row(
    'work_mem_mb',
    'work_mem',
    clamp(floorPow2((ramMb * 0.25) / (activeForMemory * 2)), 1, 64),
    'MB',
    '25 % of RAM / (connections that can run queries × 2 sort or hash nodes), a power of two, at most 64 MB',
  );
  set(
    'reporting_work_mem_mb',
    reporting ? clamp(floorPow2((ramMb * 0.15) / (reporting * 2 * 3)), 4, 256) : 0,
  );
  set('shared_buffers_mb', Math.floor(ramMb * 0.25));
  set('effective_cache_size_mb', Math.floor(ramMb * 0.75));
  set('maintenance_work_mem_mb', clamp(floorPow2(ramMb * 0.05), 64, 2048));
  set('work_mem_budget_mb', Math.floor(ramMb * 0.25));
  set('work_mem_worst_mb', workMem * activeForMemory * 2);
  const dbDemand = row(
    'db_busy_peak',
    'Database connections busy at peak',
    Math.ceil((peak * reachDb * hold) / 1000),
    '',
    `peak rate × ${Math.round(reachDb * 100)} % cache misses × ${hold} ms`,
  );
  row(
    'db_read_replicas',
    'Read replicas needed for that',
    Math.max(0, Math.ceil(dbDemand / active) - 1),
    '',
    'busy connections / active connections per host, minus the primary',
  );

  // Caches and batching.
  const l1 = row(
    'l1_ttl_s',
    'In-process cache (L1) lifetime',
    D.L1_TTL_S[data]!,
    's',
    `for ${D.DATA_WORDS[data]}`,
  );
  row(
    'l2_ttl_s',
    'Redis cache (L2) lifetime',
    Math.min(3600, 10 * l1),
    's',
    '10 × L1, at most an hour',
  );
  set('l1_max_entries', D.L1_ENTRIES[load]!);
  row(
    'batch_window_ms',
    'Batching window',
    D.BATCH_WINDOW_MS[target]!,
    'ms',
    target === 'throughput-focused'
      ? 'throughput first: larger batches'
      : 'a small share of the p95',
  );
  set('batch_max', target === 'throughput-focused' ? 500 : 100);

  // Serverless: computed for every configuration (one set of names), shown when it applies.

  const duration = mean + 10;
  const demand = row(
    'lambda_concurrency_peak',
    'Lambda environments busy at peak',
    Math.ceil((peak * duration) / 1000),
    '',
    'peak rate × (mean time + 10 ms of invocation overhead)',
  );
  const reserved = row(
    'lambda_reserved_concurrency',
    'Reserved concurrency',
    ceilTo(demand * 1.5, 10),
    '',
    'busy at peak × 1.5',
  );
  row(
    'lambda_provisioned_concurrency',
    'Provisioned concurrency',
    Math.min(reserved, ceilTo(demand * 0.4, 5)),
    '',
    'busy at 40 % of peak (a typical hour)',
  );
  set('lambda_quota_increase', reserved > 900);
  const lambdaTimeout = row(
    'lambda_timeout_s',
    'Lambda timeout',
    Math.max(2, Math.ceil((request + 500) / 1000)),
    's',
    'request deadline + 0.5 s, at least 2 s',
  );
  row(
    'api_gateway_timeout_ms',
    'API Gateway integration timeout',
    Math.min(29_000, lambdaTimeout * 1000 + 1000),
    'ms',
    'Lambda timeout + 1 s',
  );
  row(
    'rds_proxy_max_connections_percent',
    'RDS Proxy share of max_connections',
    Math.floor((100 * active) / maxConnections),
    '%',
    'active connections / max_connections',
  );

  // Load test.
  set('loadtest_baseline_rps', Math.max(1, Math.round(peak * 0.1)));
  set('loadtest_soak_percent', 80);
  set('loadtest_spike_percent', 150);
  set('loadtest_soak_minutes', target === 'throughput-focused' ? 60 : 30);
  // VUs a rate needs: each VU holds one request for its response time (Little's law again).
  set('loadtest_vus_per_rps', Math.max(0.001, (3 * mean) / 1000));
  set('loadtest_max_vus_per_rps', p99 / 1000);
  set('grpc_max_message_bytes', data === 'analytics' ? 16 * 1024 * 1024 : 4 * 1024 * 1024);
  set('ws_max_connections', vcpu * 5000);
  set('report_timeout_s', 120);
  set('redis_pool_min', Math.max(1, Math.ceil(n(values.redis_pool_max) / 4)));
  set('dependency_inflight_limit', Math.max(1, Math.floor(inflightLimit / 2)));
  set('trace_sample_ratio', Math.min(1, Math.round((1000 / peak) * 1000) / 1000));
  set(
    'listen_backlog',
    peak > 100_000 ? 65535 : peak > 10_000 ? 16384 : peak > 1_000 ? 8192 : 4096,
  );
  set(
    'lambda_memory_mb',
    backend === 'java' ? 2048 : target === 'sub-100ms' ? 1769 : backend === 'dotnet' ? 1536 : 1024,
  );
  set('peak_is_exact', exact.peakRps !== undefined);
  set('p95_is_exact', exact.p95Ms !== undefined);
  set('cache_hit_percent', Math.round(D.HIT_RATIO[data]! * 100));
  set('log_min_duration_ms', Math.floor(p95 / 2));
  set('idle_in_transaction_ms', 2 * request);
  set('rds_proxy_max_idle_percent', Math.floor(n(values.rds_proxy_max_connections_percent) / 2));
  set('statement_timeout_whole_s', Math.max(1, Math.ceil(statement / 1000)));
  set('rds_proxy_borrow_timeout_s', Math.max(1, Math.ceil(acquire / 1000)));
  set('pool_acquire_timeout_whole_s', Math.max(1, Math.ceil(acquire / 1000)));
  set('pgbouncer_query_wait_timeout_s', Math.max(1, Math.floor(request / 1000)));
  set('pgbouncer_min_pool_size', Math.ceil(defaultPool / 2));
  set(
    'fallback_instances',
    Math.max(n(values.min_instances), Math.ceil(n(values.max_instances) / 3)),
  );
  set('ws_scale_threshold', Math.floor(n(values.ws_max_connections) * 0.7));
  // Every number also as text with thousands separators, for prose: `{{@sizing.peak_rps_text}}`.
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'number') values[`${key}_text`] = value.toLocaleString('en-US');
  }
  return { values, worksheet };
}

/** The sizing model of the API performance template. */
export const apiPerformanceSizing: SizingModel = {
  // Every configuration gives the same names; a template's `{{@sizing.*}}` is checked against them.
  names: new Set(['worksheet', ...Object.keys(sizeApi({}).values)]),
  size: sizeApi,
};
