import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFileText, securityHeaders } from '../scripts/security-headers';
import { expect, test, withCspListener } from './fixtures';

const COMPLETE =
  'api_architecture=grpc&backend_technology=go&expected_load=high&data_complexity=real-time&performance_targets=sub-100ms&infrastructure=containerized';

/** The production headers, with the lower-case names Playwright reports. */
const expected = Object.fromEntries(
  Object.entries(securityHeaders).map(([name, value]) => [name.toLowerCase(), value]),
);

test('the document and its scripts carry every production security header', async ({
  page,
  pageProblems,
}) => {
  const response = await page.goto('/');
  expect(response?.headers()).toMatchObject(expected);

  const script = await page.locator('script[type=module][src]').first().getAttribute('src');
  expect(script).toMatch(/^\/assets\/.+\.js$/);
  const asset = await page.request.get(script!);
  expect(asset.headers()).toMatchObject(expected);
  expect(asset.headers()['content-type']).toMatch(/javascript/);
  expect(pageProblems.list).toEqual([]);
});

test('the build under test carries the same headers for static hosts in _headers', () => {
  const built = readFileSync(join(process.env.E2E_DIST ?? 'dist', '_headers'), 'utf8');
  expect(built).toBe(headersFileText(securityHeaders));
});

// The CSP refuses these at run time, but only on the paths a test happens to take; this looks at
// every script the build ships, workers and lazy chunks included.
test('no shipped script evaluates strings as code', () => {
  const assets = join(process.env.E2E_DIST ?? 'dist', 'assets');
  const evaluating = /\beval\(|\bnew Function\b|[=:(,]\s*Function\s*[;,)]|setTimeout\(\s*["'`]/;
  const offenders = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .filter((file) => evaluating.test(readFileSync(join(assets, file), 'utf8')));
  expect(offenders).toEqual([]);
});

test.describe('the violation listener', () => {
  // A page of this origin under the production headers that breaks the policy on purpose, so
  // the suite-wide listener (e2e/fixtures.ts) is proven to still hear violations.
  const PROBE = '/csp-probe.html';
  const PROBE_WORKER = '/csp-probe.worker-test.js';
  const probePage = [
    '<!doctype html><html lang="en"><head><title>probe</title></head><body>',
    '<p style="color: red">inline style attribute</p>',
    '<script>document.title = "inline script ran";</script>',
    '</body></html>',
  ].join('');

  test('hears an inline script and an inline style attribute', async ({ page, pageProblems }) => {
    await page.route(PROBE, (route) =>
      route.fulfill({ contentType: 'text/html', headers: { ...securityHeaders }, body: probePage }),
    );
    await page.goto(PROBE);
    await expect.poll(() => pageProblems.list.join('\n')).toContain('style-src-attr');
    expect(pageProblems.list.join('\n')).toContain('script-src-elem');
    await expect(page).toHaveTitle('probe');
  });

  test('hears a violation inside a worker', async ({ page, pageProblems }) => {
    await page.route(PROBE, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { ...securityHeaders },
        body: `<!doctype html><title>probe</title><script type="module" src="/csp-probe.js"></script>`,
      }),
    );
    await page.route('/csp-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        headers: { ...securityHeaders },
        body: `new Worker(${JSON.stringify(PROBE_WORKER)}, { type: 'module' });`,
      }),
    );
    await page.route(PROBE_WORKER, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        headers: { ...securityHeaders },
        // Served as the suite serves every worker script (a route registered here wins over it).
        body: withCspListener('try { new Function("return 1")(); } catch { /* refused: heard */ }'),
      }),
    );
    await page.goto(PROBE);
    await expect
      .poll(() => pageProblems.list.join('\n'))
      .toContain('CSP violation in worker: script-src');
  });

  test('is put before the code of the app’s own workers', async ({ page, guidePage }) => {
    const worker = page.waitForResponse(/\/assets\/guide\.worker-[\w-]+\.js$/);
    await guidePage.open(COMPLETE);
    expect(await (await worker).text()).toMatch(
      /^self\.addEventListener\('securitypolicyviolation'/,
    );
  });
});
