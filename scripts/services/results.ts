/** One line per service and property: PASS, FAIL (with why) or SKIP (with why not). */

export type Status = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  service: string;
  check: string;
  status: Status;
  ms: number;
  detail: string;
}

/** `PASS nodejs rest containerized #3  health-through-pgbouncer  (212 ms): …` */
export function formatResult(result: CheckResult): string {
  const word = result.status.toUpperCase();
  const detail = result.detail ? `: ${result.detail.replace(/\s*\n\s*/g, ' | ')}` : '';
  return `${word} ${result.service}  ${result.check}  (${result.ms} ms)${detail}`;
}

/** The closing line: `N passed, N failed` (and `, N skipped` when some were). */
export function summaryLine(results: readonly CheckResult[]): string {
  const count = (status: Status): number =>
    results.filter((result) => result.status === status).length;
  const skipped = count('skip');
  return `${count('pass')} passed, ${count('fail')} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** The outcome of a check body: pass with a note, or fail/skip with why. */
export type Outcome = { status: Status; detail?: string };

export const pass = (detail = ''): Outcome => ({ status: 'pass', detail });
export const fail = (detail: string): Outcome => ({ status: 'fail', detail });
export const skip = (detail: string): Outcome => ({ status: 'skip', detail });
