/**
 * The planning defaults the six answers stand for. Each is a starting point, stated in the
 * guide's worksheet so a team can replace it with what section 6's load test measures.
 */

/** Requests per second at the top of each load band (extreme: a common peak above 100k). */
export const PEAK_RPS: Record<string, number> = {
  low: 1_000,
  medium: 10_000,
  high: 100_000,
  extreme: 150_000,
};

/** The p95 each target asks for; throughput-focused plans for a 1 s p95 under a 2 s p99 ceiling. */
export const P95_MS: Record<string, number> = {
  'sub-100ms': 100,
  'sub-500ms': 500,
  'sub-1s': 1_000,
  'throughput-focused': 1_000,
};

/** Mean time a request spends in the service, by data profile, before the target caps it. */
export const SERVICE_MS: Record<string, number> = {
  'simple-crud': 10,
  'complex-queries': 30,
  'real-time': 5,
  analytics: 60,
};

/**
 * Mean time a request that reaches the database holds a connection, once section 4's indexes
 * (and, for analytics, its pre-aggregated rollups) are in place.
 */
export const DB_HOLD_MS: Record<string, number> = {
  'simple-crud': 2,
  'complex-queries': 5,
  'real-time': 1,
  analytics: 10,
};

/** Share of reads the two cache tiers answer, by data profile. */
export const HIT_RATIO: Record<string, number> = {
  'simple-crud': 0.8,
  'complex-queries': 0.6,
  'real-time': 0.3,
  analytics: 0.9,
};

/** Requests per second one core serves for simple reads, by backend, before the data profile. */
export const RPS_PER_CORE: Record<string, number> = {
  nodejs: 2_000,
  python: 800,
  java: 3_000,
  go: 5_000,
  rust: 6_000,
  dotnet: 4_000,
};

/** How much more CPU a request of each data profile costs than a simple read. */
export const CPU_FACTOR: Record<string, number> = {
  'simple-crud': 1,
  'complex-queries': 2.5,
  'real-time': 1.25,
  analytics: 5,
};

/** The dedicated database host each load band plans for. */
export const DB_HOST: Record<string, { vcpu: number; ramGb: number }> = {
  low: { vcpu: 2, ramGb: 8 },
  medium: { vcpu: 4, ramGb: 16 },
  high: { vcpu: 8, ramGb: 32 },
  extreme: { vcpu: 16, ramGb: 64 },
};

/** L1 (in-process) cache lifetime in seconds, by data profile; L2 keeps entries ten times longer. */
export const L1_TTL_S: Record<string, number> = {
  'simple-crud': 30,
  'complex-queries': 60,
  'real-time': 1,
  analytics: 300,
};

/** Entries one process keeps in its L1 cache, by load band. */
export const L1_ENTRIES: Record<string, number> = {
  low: 1_000,
  medium: 5_000,
  high: 20_000,
  extreme: 50_000,
};

/** How long a batch waits for more keys: a latency target spends little, throughput more. */
export const BATCH_WINDOW_MS: Record<string, number> = {
  'sub-100ms': 1,
  'sub-500ms': 2,
  'sub-1s': 5,
  'throughput-focused': 10,
};

/** Utilisation an instance is planned for: the rest is headroom for bursts and a lost instance. */
export const TARGET_UTILISATION = 0.7;

/** Requests per second one single-threaded PgBouncer process carries comfortably. */
export const PGBOUNCER_RPS = 40_000;

/** How the worksheet names each answer in its formulas. */
export const DATA_WORDS: Record<string, string> = {
  'simple-crud': 'simple CRUD data',
  'complex-queries': 'complex queries',
  'real-time': 'real-time data',
  analytics: 'analytics',
};
export const BACKEND_WORDS: Record<string, string> = {
  nodejs: 'Node.js',
  python: 'Python',
  java: 'Java',
  go: 'Go',
  rust: 'Rust',
  dotnet: '.NET',
};
export const TARGET_WORDS: Record<string, string> = {
  'sub-100ms': 'sub-100 ms',
  'sub-500ms': 'sub-500 ms',
  'sub-1s': 'sub-1 s',
  'throughput-focused': 'throughput-focused',
};
