import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';

// The screens in their normal state (start, each step, review, guide, share panel) are checked in
// both themes by wizard.spec.ts, guide.spec.ts and export.spec.ts; this file adds every error
// state and the states without highlighting.

const COMPLETE =
  'api_architecture=grpc&backend_technology=go&expected_load=high&data_complexity=real-time&performance_targets=sub-100ms&infrastructure=containerized';

/** Tokens precomputed at build time, and the highlighter worker that is their fallback. */
const TOKENS = /\/assets\/hl\/[0-9a-f]{24}\.json$/;

async function expectNoViolationsInBothThemes(page: Page, label: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${label} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: null });
}

test('error states of the wizard pass axe in light and dark', async ({
  page,
  wizardPage,
  pageProblems,
}) => {
  test.setTimeout(120_000);
  // A link with problems (the banner above the first unanswered step) and Next without an
  // answer (the error under the question), at once: each axe run costs seconds.
  await wizardPage.open('api_architecture=soap&backend_technology=go&colour=blue');
  await expect(
    page.getByRole('alert', { name: 'Some settings in this link could not be used' }),
  ).toBeVisible();
  await wizardPage.nextButton.click();
  await expect(wizardPage.error.filter({ hasText: 'Choose one option' })).toBeVisible();
  await expect(
    page.getByRole('alert', { name: 'Some settings in this link could not be used' }),
  ).toBeVisible();
  await expectNoViolationsInBothThemes(page, 'a step with a link banner and its missing answer');
  expect(pageProblems.list).toEqual([]);
});

test('the guide with an import error and without any highlighting passes axe', async ({
  page,
  guidePage,
  exportPanel,
  pageProblems,
}) => {
  test.setTimeout(180_000);
  // No workers and no precomputed tokens: the code stays plain text.
  await page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await page.route(TOKENS, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await guidePage.open(COMPLETE);
  await expect(guidePage.code('httpmetrics.go')).toContainText('package main');
  await expect(page.locator('pre[data-highlighted]')).toHaveCount(0);

  await exportPanel.pickFile(exportPanel.importConfig, 'notes.json', '{"notes": true}');
  await expect(page.getByRole('alert', { name: 'notes.json was not imported' })).toBeVisible();
  await expectNoViolationsInBothThemes(page, 'the plain guide with an import error');
  // The only problems are the token files this test withholds.
  expect(pageProblems.list.filter((problem) => !/hl\/|status of 404/.test(problem))).toEqual([]);
});

test('the error page passes axe in light and dark', async ({ page, pageProblems }) => {
  await page.route('**/assets/guide-screen-*.js', (route) => route.abort());
  await page.goto(`/?${COMPLETE}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
  await expectNoViolationsInBothThemes(page, 'the error boundary');
  // The aborted chunk is the failure this test provokes.
  expect(
    pageProblems.list.filter(
      (problem) =>
        !/guide-screen|Unhandled error|Failed to fetch|dynamically imported|ERR_FAILED/.test(
          problem,
        ),
    ),
  ).toEqual([]);
});
