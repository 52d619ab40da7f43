/**
 * `npm run test:services`: runs the guide's Node.js and Python services against a throwaway
 * PostgreSQL, PgBouncer and Redis, and checks each property the README lists under
 * "Services harness". One line per service and property, then `N passed, N failed`; exit 1 on
 * any failure. A JSON report goes to services-results/services.json.
 *
 *   SERVICES_TEMPLATE=path.md   another template (default: the shipped one)
 *   SERVICES_ALL=1              every distinct service, not the CI covering set
 *   SERVICES_FILTER='python graphql, nodejs rest #2'   only services whose names match
 *   SERVICES_LIST=1             list the services it would run, and stop
 *   SERVICES_REPORT=path.json   where the JSON report goes
 *   SERVICES_KEEP=1             keep the temporary folder (projects, logs, PostgreSQL data)
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadTemplateFile, SHIPPED_TEMPLATE } from '../../src/cli/load-template-file';
import { encodeShareQuery } from '../../src/engine/index';
import { enumerateServices } from './enumerate';
import { installCleanup, isStopping, onExit, stop, stopAll } from './processes';
import { pgbouncerVersion } from './pgbouncer';
import { startPostgres } from './postgres';
import { startRedis } from './redis';
import { formatResult, summaryLine, type CheckResult } from './results';
import { runService } from './run-service';
import { COVERED_BACKENDS, coveringSet, everyService, matchesFilter } from './select';
import { environmentProblems, nodeVersion, pythonVersion } from './environment';

const env = process.env;
const started = performance.now();
installCleanup();

const missing = environmentProblems();
if (missing.length > 0) {
  for (const line of missing) console.error(`services: ${line}`);
  console.error('services: run `bash scripts/ensure-services.sh` (as root on Debian) first.');
  process.exit(2);
}

const templateFile = resolve(env.SERVICES_TEMPLATE ?? SHIPPED_TEMPLATE);
const loaded = await loadTemplateFile(templateFile);
if ('errors' in loaded) {
  for (const line of loaded.errors) console.error(line);
  process.exit(2);
}
const { template } = loaded;
const all = env.SERVICES_ALL === '1';
// The covering set is made of Node.js and Python configurations: CI renders only those (a third
// of the time); SERVICES_ALL=1 renders all of them, other backends' extra servers included.
const enumeration = enumerateServices(
  template,
  all ? undefined : (choices) => COVERED_BACKENDS.includes(choices.backend_technology ?? ''),
);
const selection = all ? everyService(enumeration) : coveringSet(enumeration);
const chosen = selection.services.filter((plan) => matchesFilter(plan.name, env.SERVICES_FILTER));
const others = enumeration.services.filter((plan) => plan.runtime === 'other');
const enumeratedMs = Math.round(performance.now() - started);

console.log(
  `services: ${enumeration.configurations} configurations of ${template.meta.name} ${template.meta.version}, ` +
    `${enumeration.services.length - others.length} distinct Node.js/Python services, ` +
    `${others.length} others; running ${chosen.length} (${all ? 'SERVICES_ALL=1' : 'covering set'}` +
    `${env.SERVICES_FILTER ? `, SERVICES_FILTER=${env.SERVICES_FILTER}` : ''}), enumerated in ${enumeratedMs} ms`,
);
if (others.length > 0) {
  const tools = [...new Set(others.map((plan) => plan.tool))].join(', ');
  console.log(
    `services: not run here: ${others.length} services started with ${tools} (their module registries are out of reach)`,
  );
}
if (chosen.length === 0 && env.SERVICES_FILTER) {
  console.error(`services: no service's name matches SERVICES_FILTER=${env.SERVICES_FILTER}`);
  process.exit(1);
}
if (env.SERVICES_LIST === '1') {
  for (const plan of chosen) {
    console.log(
      `${plan.name}  ${plan.script}: ${plan.run.exec}  (${plan.configurations} configurations)`,
    );
  }
  process.exit(0);
}

const results: CheckResult[] = [];
const record = (result: CheckResult): void => {
  if (isStopping()) return;
  results.push(result);
  console.log(formatResult(result));
};
for (const group of selection.uncovered) {
  if (!matchesFilter(group, env.SERVICES_FILTER)) continue;
  record({
    service: group,
    check: 'has-a-service',
    status: 'fail',
    ms: 0,
    detail: 'no configuration of it gives a scripts/run-local.sh the harness can start',
  });
}

const dir = mkdtempSync(join(tmpdir(), 'api-perf-services-'));
// PostgreSQL and PgBouncer run as `postgres` when root: they must reach their folders.
chmodSync(dir, 0o755);
if (env.SERVICES_KEEP !== '1') onExit(() => rmSync(dir, { recursive: true, force: true }));
const reportFile = resolve(env.SERVICES_REPORT ?? 'services-results/services.json');
const logDir = join(dirname(reportFile), 'logs');
rmSync(logDir, { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });

const timings: { service: string; ms: number; shimsUsed: string[] }[] = [];
let versions = {};
if (chosen.length > 0) {
  const postgres = await startPostgres(join(dir, 'postgres'));
  const redis = await startRedis(join(dir, 'redis'));
  versions = {
    postgresql: (await postgres.sql('SHOW server_version')).trim().split(' ')[0],
    pgbouncer: await pgbouncerVersion(),
    redis: redis.version,
    node: await nodeVersion(),
    python: await pythonVersion(),
  };
  console.log(
    `services: on ${Object.entries(versions)
      .map(([name, version]) => `${name} ${String(version)}`)
      .join(', ')} (PostgreSQL and PgBouncer from Debian, ${postgres.port}; Redis ${redis.port})`,
  );
  try {
    for (const [index, plan] of chosen.entries()) {
      const serviceStarted = performance.now();
      const { shimsUsed } = await runService(
        plan,
        { postgres, redis },
        join(dir, `service-${index + 1}`),
        logDir,
        record,
      );
      timings.push({
        service: plan.name,
        ms: Math.round(performance.now() - serviceStarted),
        shimsUsed,
      });
    }
  } finally {
    await redis.down();
    await stop(postgres.process, 'SIGINT', 10_000);
    await stopAll();
  }
}

const totalMs = Math.round(performance.now() - started);
mkdirSync(dirname(reportFile), { recursive: true });
writeFileSync(
  reportFile,
  `${JSON.stringify(
    {
      template: { file: templateFile, name: template.meta.name, version: template.meta.version },
      mode: all ? 'all' : 'covering set',
      filter: env.SERVICES_FILTER ?? null,
      configurations: enumeration.configurations,
      versions,
      durationMs: totalMs,
      enumerationMs: enumeratedMs,
      summary: summaryLine(results),
      services: chosen.map((plan) => ({
        name: plan.name,
        key: plan.key,
        runtime: plan.runtime,
        script: plan.script,
        exec: plan.run.exec,
        files: plan.files.files,
        configurations: plan.configurations,
        groups: [...plan.groups],
        shareQuery: encodeShareQuery(template, plan.choices),
        ms: timings.find((timing) => timing.service === plan.name)?.ms,
        shimsUsed: timings.find((timing) => timing.service === plan.name)?.shimsUsed,
      })),
      notRun: others.map((plan) => ({ name: plan.name, script: plan.script, exec: plan.run.exec })),
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(
  `services: ${chosen.length} services in ${(totalMs / 1000).toFixed(1)} s; report ${reportFile}, logs ${logDir}`,
);
console.log(summaryLine(results));
process.exit(results.some((result) => result.status === 'fail') ? 1 : 0);
