import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { TEMPLATE_VERSION, VERSION_PATTERN } from './support/template-version';

const COMPLETE =
  'api_architecture=grpc&backend_technology=go&expected_load=high&data_complexity=real-time&performance_targets=sub-100ms&infrastructure=containerized';

function banner(page: Page) {
  return page.getByRole('alert', { name: 'Some settings in this link could not be used' });
}

test.describe('a link that cannot be applied as it is', () => {
  test('keeps every valid choice, lists exactly what was wrong, and opens at the first unanswered step', async ({
    page,
    pageProblems,
  }) => {
    await page.goto(
      '/?api_architecture=soap&backend_technology=go&colour=blue&backend_technology=rust',
    );
    const alert = banner(page);
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('listitem')).toHaveText([
      'api_architecture: “soap” is not an option; allowed: rest, graphql, grpc, websocket, microservices.',
      'backend_technology is given 2 times (“go”, “rust”); keep one.',
      '“colour” is not a setting of this guide.',
      'expected_load is missing: Expected API load.',
      'data_complexity is missing: Data complexity.',
      'performance_targets is missing: Performance targets.',
      'infrastructure is missing: Infrastructure type.',
    ]);
    await expect(alert).toContainText('None of its settings could be used; choose them below.');
    await expect(page).toHaveTitle('Step 1 of 6 — Architecture · API Performance Wizard');
    expect(pageProblems.list).toEqual([]);
  });

  test('counts a setting repeated with the same value once, and says nothing', async ({
    page,
    guidePage,
    pageProblems,
  }) => {
    await guidePage.open(
      `${COMPLETE}&backend_technology=go&v=${TEMPLATE_VERSION}&v=${TEMPLATE_VERSION}`,
    );
    await expect(guidePage.title).toContainText('gRPC API');
    await expect(page).toHaveURL(new RegExp(`/\\?${COMPLETE}&v=${VERSION_PATTERN}$`));
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(pageProblems.list).toEqual([]);
  });

  test('suggests the value that was probably meant', async ({ page }) => {
    await page.goto(`/?${COMPLETE.replace('backend_technology=go', 'backend_technology=Go')}`);
    await expect(banner(page).getByRole('listitem')).toHaveText([
      'backend_technology: “Go” is not an option (did you mean go?); allowed: nodejs, python, java, go, rust, dotnet.',
    ]);
    await expect(page).toHaveTitle('Step 2 of 6 — Backend · API Performance Wizard');
  });

  test('opens the guide when everything needed is there, and still says what was wrong', async ({
    page,
  }) => {
    await page.goto(`/?${COMPLETE}&utm_source=newsletter&v=0.9.0`);
    await expect(banner(page).getByRole('listitem')).toHaveText([
      `This link was made for version “0.9.0” of the guide, which is now at version ${TEMPLATE_VERSION}; some content may differ.`,
      '“utm_source” is not a setting of this guide.',
    ]);
    await expect(page).toHaveTitle(
      /^API Performance Optimization: gRPC API · API Performance Wizard$/,
    );
  });

  test('can be dismissed, and the valid choices stay', async ({ page }) => {
    await page.goto('/?api_architecture=grpc&backend_technology=cobol');
    await banner(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner(page)).toHaveCount(0);
    await expect(page).toHaveURL(/api_architecture=grpc/);
    await expect(page).toHaveTitle('Step 2 of 6 — Backend · API Performance Wizard');
    // Dismissed for good: a reload does not bring the message back.
    await page.reload();
    await expect(page).toHaveTitle('Step 2 of 6 — Backend · API Performance Wizard');
    await expect(banner(page)).toHaveCount(0);
  });

  test('renders hostile values as text and executes nothing', async ({ page, pageProblems }) => {
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await page.goto(
      `/?api_architecture=${encodeURIComponent(script)}&${encodeURIComponent('<b>key</b>')}=1&__proto__=x&constructor=y`,
    );
    const alert = banner(page);
    await expect(alert).toContainText(
      '“<script>alert(1)</script><img src=x onerror=alert(2)>” is not an option',
    );
    await expect(alert).toContainText('“<b>key</b>” is not a setting of this guide');
    await expect(alert).toContainText('“__proto__” is not a setting of this guide');
    await expect(page.locator('main script, main img[src="x"], main b')).toHaveCount(0);
    expect(dialogs).toBe(0);
    expect(requests.filter((url) => !url.startsWith('http://localhost'))).toEqual([]);
    expect(
      await page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, 'x')),
    ).toBe(false);
    expect(pageProblems.list).toEqual([]);
  });

  test('reads only the start of a very long link, and says so', async ({ page }) => {
    // 10 KB: past the decoder's 8 KB limit, within what the preview server accepts (16 KB headers).
    await page.goto(`/?api_architecture=rest&notes=${'a'.repeat(10_000)}`);
    const alert = banner(page);
    await expect(alert).toContainText('The link is');
    await expect(alert).toContainText('characters long, over the limit of 8192.');
    await expect(alert).toContainText('Every valid setting up to the limit was kept');
    await expect(page).toHaveTitle('Step 2 of 6 — Backend · API Performance Wizard');
  });

  test('reports broken percent-encoding', async ({ page }) => {
    await page.goto('/?api_architecture=%E0%A4%A&backend_technology=go');
    await expect(banner(page)).toContainText('is not correctly percent-encoded');
  });
});

test.describe('the address bar', () => {
  test('a fresh visit shows no message', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('keeps the link when the page hits an unexpected error', async ({ page, pageProblems }) => {
    // The guide's chunk (its screen and the compiled template) fails to load.
    await page.route('**/assets/guide-screen-*.js', (route) => route.abort());
    await page.goto(`/?${COMPLETE}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Something went wrong' }),
    ).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Your link' })).toHaveValue(
      new RegExp(`\\?${COMPLETE}(&v=[\\d.]+)?$`),
    );
    await expect(page.getByRole('link', { name: 'Start over' })).toHaveAttribute('href', '/');
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    // The aborted chunk is the failure this test provokes.
    expect(
      pageProblems.list.every((problem) =>
        /guide-screen|Unhandled error|Failed to fetch|dynamically imported|ERR_FAILED/.test(
          problem,
        ),
      ),
    ).toBe(true);
  });
});
