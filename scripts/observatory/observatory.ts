/**
 * npm run observatory: scores the production headers with the MDN HTTP Observatory's scanner.
 * Builds dist/ when it has no build with the headers file, serves it with `vite preview` on its
 * own port, scans it and prints the grade, the score and every test's result and modifier.
 * Exits non-zero on a negative modifier that plain http does not force.
 */
import { existsSync } from 'node:fs';
import { build, preview } from 'vite';
import { HTTP_FORCED, scanLocal } from './scan-local';

const PORT = 4260;
const OUT_DIR = 'dist';

if (!existsSync(`${OUT_DIR}/_headers`)) {
  await build({ configLoader: 'runner', build: { outDir: OUT_DIR }, logLevel: 'warn' });
}
const server = await preview({
  configLoader: 'runner',
  build: { outDir: OUT_DIR },
  preview: { port: PORT, strictPort: true, open: false },
  logLevel: 'warn',
});

try {
  const { grade, score, rows, scoreOverHttps } = await scanLocal(PORT);
  console.log(`HTTP Observatory, http://localhost:${PORT}: grade ${grade}, score ${score}\n`);
  console.table(
    rows.map(({ test, result, pass, modifier, best }) => ({
      test,
      result,
      pass,
      modifier,
      best,
      note: HTTP_FORCED[test] === result ? 'forced by plain http' : '',
    })),
  );
  const forced = rows.filter((row) => HTTP_FORCED[row.test] === row.result);
  console.log(
    `\nWithout the ${forced.length} results plain http forces, the score is ${scoreOverHttps} (A+ from 100).`,
  );
  // Below the best is fine where the best needs what the app has no use for (cookies, SRI on
  // same-origin scripts); a negative modifier is not, except where plain http forces it.
  const negative = rows.filter((row) => row.modifier < 0 && HTTP_FORCED[row.test] !== row.result);
  if (negative.length > 0) {
    console.error(`Negative modifiers: ${negative.map((row) => row.test).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await server.close();
}
