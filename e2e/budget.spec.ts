import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Byte budgets (issue 4): deterministic for a given build, so they are tested here, where a
 * change that breaks them fails CI. Every file the page actually loads is read back from the
 * build folder and gzipped at level 9.
 */
const DIST = process.env.E2E_DIST ?? 'dist';
const FIRST_SCREEN_JS = 100 * 1024;
const GUIDE_VIEW_TOTAL = 250 * 1024;
const QUERY =
  'api_architecture=grpc&backend_technology=go&expected_load=high&data_complexity=real-time&performance_targets=sub-100ms&infrastructure=containerized';

function recordLoads(page: Page): Set<string> {
  const paths = new Set<string>();
  const note = (url: string) => {
    const { host, pathname } = new URL(url);
    if (host.startsWith('localhost')) paths.add(pathname === '/' ? '/index.html' : pathname);
  };
  page.on('requestfinished', (request) => note(request.url()));
  page.context().on('requestfinished', (request) => note(request.url()));
  return paths;
}

async function gzipped(paths: Iterable<string>, filter: (path: string) => boolean = () => true) {
  const sizes: Record<string, number> = {};
  for (const path of paths) {
    if (!filter(path)) continue;
    const bytes = await readFile(join(DIST, path));
    sizes[path] = gzipSync(bytes, { level: 9 }).length;
  }
  return sizes;
}

const sum = (sizes: Record<string, number>) => Object.values(sizes).reduce((a, b) => a + b, 0);

test('the first screen loads at most 100 KB of JavaScript, gzipped', async ({ page }) => {
  const paths = recordLoads(page);
  await page.goto('/', { waitUntil: 'networkidle' });
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  const sizes = await gzipped(paths, (path) => path.endsWith('.js'));
  test
    .info()
    .annotations.push({ type: 'first screen JS gzip', description: JSON.stringify(sizes) });
  expect(sum(sizes), JSON.stringify(sizes, null, 2)).toBeLessThanOrEqual(FIRST_SCREEN_JS);
});

test('a full guide view loads at most 250 KB in total, gzipped', async ({ page, guidePage }) => {
  const paths = recordLoads(page);
  await page.goto(`/?${QUERY}`);
  const blocks = page.locator('pre');
  await expect(blocks.first()).toBeVisible();
  await expect(guidePage.uncoloured()).toHaveCount(0, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const sizes = await gzipped(paths);
  test.info().annotations.push({ type: 'guide view gzip', description: JSON.stringify(sizes) });
  // The guide worker's script (engine, markdown reader, template) counts too.
  expect(Object.keys(sizes).some((path) => /\/guide\.worker-[\w-]+\.js$/.test(path))).toBe(true);
  expect(Object.keys(sizes).some((path) => path.startsWith('/assets/hl/'))).toBe(true);
  expect(sum(sizes), JSON.stringify(sizes, null, 2)).toBeLessThanOrEqual(GUIDE_VIEW_TOTAL);
});
