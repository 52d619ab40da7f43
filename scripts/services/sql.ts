/**
 * Applies a guide's SQL file the way its run script says (psql against a URL), with Debian's
 * psql. A missing extension (pg_cron is not packaged for Debian's PostgreSQL here) and the
 * statements that need it are reported as skipped; any other error fails.
 */
import { exec } from './exec';
import { PSQL } from './postgres';

export interface SqlOutcome {
  file: string;
  skipped: string[];
  errors: string[];
}

const ERROR_LINE = /^psql:([^:]+):(\d+):\s*ERROR:\s*(.*)$/;
const MISSING_EXTENSION = [
  /extension "([\w-]+)" is not available/,
  /could not open extension control file "[^"]*\/([\w-]+)\.control"/,
  /permission denied to create extension "([\w-]+)"/,
];

function mentions(message: string, extension: string): boolean {
  const names = [extension, extension.replace(/^pg_/, '')];
  return names.some((name) => new RegExp(`\\b${name}\\b`).test(message));
}

export async function applySql(projectDir: string, file: string, url: string): Promise<SqlOutcome> {
  const result = await exec(PSQL, ['-X', '-q', '-v', 'ON_ERROR_STOP=0', '-d', url, '-f', file], {
    cwd: projectDir,
    timeoutMs: 60_000,
  });
  const outcome: SqlOutcome = { file, skipped: [], errors: [] };
  if (result.timedOut) {
    outcome.errors.push(`${file}: psql did not finish within 60 s`);
    return outcome;
  }
  const extensions: string[] = [];
  for (const line of result.stderr.split('\n')) {
    const match = ERROR_LINE.exec(line.trim());
    if (!match) continue;
    const [, , at, message] = match as unknown as [string, string, string, string];
    const missing = MISSING_EXTENSION.map((pattern) => pattern.exec(message)?.[1]).find(Boolean);
    if (missing) {
      extensions.push(missing);
      outcome.skipped.push(`${file}:${at} ${message}`);
    } else if (extensions.some((extension) => mentions(message, extension))) {
      outcome.skipped.push(`${file}:${at} ${message}`);
    } else {
      outcome.errors.push(`${file}:${at}: ${message}`);
    }
  }
  if (result.code !== 0 && outcome.errors.length === 0 && outcome.skipped.length === 0) {
    outcome.errors.push(`${file}: psql exited ${result.code}: ${result.stderr.trim().slice(-300)}`);
  }
  return outcome;
}
