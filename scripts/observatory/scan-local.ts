import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { scan } from '@mdn/mdn-http-observatory';
import { getScoreModifier } from '@mdn/mdn-http-observatory/src/grader/grader.js';

/** One Observatory test: its result, its score modifier and the best modifier it could have. */
export type ObservatoryRow = {
  test: string;
  result: string;
  pass: boolean;
  modifier: number;
  best: number;
};

export type LocalScan = {
  grade: string;
  score: number;
  rows: ObservatoryRow[];
  /** The score with what plain http forces taken out: what the same headers get over https. */
  scoreOverHttps: number;
};

/**
 * The results plain http forces on a server without TLS (localhost): no https to redirect to, and
 * no https to send HSTS over (browsers ignore it over http). Each costs 20 points, which also
 * withholds the bonus points, so the grade of a local scan is at best C+ (60).
 */
export const HTTP_FORCED: Readonly<Record<string, string>> = {
  redirection: 'redirection-missing',
  'strict-transport-security': 'hsts-not-implemented-no-https',
};

// The package's postinstall downloads Chromium's HSTS preload list, which this machine cannot
// reach (package.json `allowScripts` skips it). localhost is on no preload list, so an empty
// list is exact for a local scan.
function ensurePreloadList() {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@mdn/mdn-http-observatory/package.json'));
  const file = join(root, 'conf', 'hsts-preload.json');
  if (!existsSync(file)) writeFileSync(file, '{}\n');
}

/** Scans http://localhost:<port> as the HTTP Observatory does a public site. */
export async function scanLocal(port: number): Promise<LocalScan> {
  ensurePreloadList();
  // The scanner takes a host name and builds http:// and https:// URLs from it; the port rides
  // along in the host name (its https request fails, as it would on any server without TLS).
  const result = await scan(`localhost:${port}`);
  const rows = Object.entries(result.tests).map(([test, output]) => ({
    test,
    result: output.result,
    pass: output.pass,
    modifier: output.scoreModifier,
    best: Math.max(...(output.constructor.possibleResults ?? []).map(getScoreModifier)),
  }));
  const scoreOverHttps = rows.reduce(
    (score, row) => score + (row.test in HTTP_FORCED ? 0 : row.modifier),
    100,
  );
  return { grade: result.scan.grade, score: result.scan.score, rows, scoreOverHttps };
}
