import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { WizardPage } from './pages/wizard-page';
import {
  focusProblem,
  longestMotion,
  scrollsSideways,
  undersizedTargets,
} from './support/a11y-checks';

const COMPLETE =
  'api_architecture=grpc&backend_technology=go&expected_load=high&data_complexity=real-time&performance_targets=sub-100ms&infrastructure=containerized';
const BLOCK = 'httpmetrics.go';

async function expectTargetsOfAtLeast24px(page: Page, screen: string) {
  expect(await undersizedTargets(page), `targets under 24 px on ${screen}`).toEqual([]);
}

test('every target on every screen is at least 24 px, or spaced, or a link in a sentence', async ({
  page,
  wizardPage,
  guidePage,
  exportPanel,
  pageProblems,
}) => {
  test.setTimeout(90_000);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 740 },
  ]) {
    await page.setViewportSize(viewport);
    const at = `${viewport.width} px`;
    await wizardPage.open();
    await expect(wizardPage.startButton).toBeVisible();
    await expectTargetsOfAtLeast24px(page, `the start screen at ${at}`);
    await wizardPage.open('api_architecture=grpc&backend_technology=go');
    await expect(wizardPage.heading).toBeFocused();
    if (viewport.width < 400) await wizardPage.progress.getByRole('button').first().click();
    await expectTargetsOfAtLeast24px(page, `a step at ${at}`);
    await wizardPage.open(COMPLETE.replace('&infrastructure=containerized', ''));
    await wizardPage.answerWithMouse('Containers');
    await expect(wizardPage.showGuideButton).toBeVisible();
    await expectTargetsOfAtLeast24px(page, `the review at ${at}`);
    await wizardPage.showGuideButton.click();
    await expect(guidePage.codeBlock(BLOCK)).toBeVisible();
    await exportPanel.share.click();
    await expect(exportPanel.shareLink).toBeVisible();
    if (viewport.width < 400) await guidePage.toc.getByText('On this page').click();
    await expect(guidePage.tocLink('Conclusion')).toBeVisible();
    await expectTargetsOfAtLeast24px(page, `the guide with the share link at ${at}`);
  }
  expect(pageProblems.list).toEqual([]);
});

test.describe('at 200% zoom (640×400 CSS px at twice the pixel density)', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  /** Presses Tab until `target` has focus, checking after each press that focus is visible. */
  async function tabTo(wizardPage: WizardPage, target: ReturnType<Page['locator']>, limit = 40) {
    for (let i = 0; i < limit; i += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await wizardPage.page.keyboard.press('Tab');
      expect(await focusProblem(wizardPage.page), `after Tab ${i + 1}`).toBeNull();
    }
    await expect(target).toBeFocused();
  }

  /** Screenshots of what the 640×400 viewport shows, light and dark, for a person to look at. */
  async function zoomShots(page: Page, name: string, fullPage = false) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({
        path: `${process.env.E2E_OUT ?? 'test-results'}/screens/zoom-200-${name}-${colorScheme}.png`,
        fullPage,
      });
    }
    await page.emulateMedia({ colorScheme: null });
  }

  async function expectFits(page: Page, screen: string) {
    expect(await scrollsSideways(page), `${screen} scrolls sideways`).toBe(false);
    // No control sticks out of the page or is cut by its own box.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('button, a[href], select, input, summary')]
        .filter((element) => {
          const rect = element.getBoundingClientRect();
          if (rect.width <= 1 || rect.height <= 1) return false;
          const outside =
            rect.left < -0.5 || rect.right > document.documentElement.clientWidth + 0.5;
          const cut =
            element.tagName !== 'INPUT' &&
            element.tagName !== 'SELECT' &&
            (element.scrollWidth > element.clientWidth + 1 ||
              element.scrollHeight > element.clientHeight + 1);
          return outside || cut;
        })
        .map((element) => `${element.tagName.toLowerCase()} “${element.textContent?.trim()}”`),
    );
    expect(clipped, `clipped controls on ${screen}`).toEqual([]);
  }

  test('the whole flow works by keyboard with nothing sideways and focus always in sight', async ({
    page,
    wizardPage,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    test.setTimeout(120_000);
    await wizardPage.open();
    await expectFits(page, 'the start screen');
    await tabTo(wizardPage, wizardPage.startButton);
    await page.keyboard.press('Enter');
    for (const position of [2, 3, 2, 2, 0, 1]) {
      await expect(wizardPage.heading).toBeFocused();
      await expectFits(page, `step ${await wizardPage.heading.textContent()}`);
      await page.keyboard.press('Tab');
      expect(await focusProblem(page)).toBeNull();
      if (position === 0) await page.keyboard.press('Space');
      for (let i = 0; i < position; i += 1) {
        await page.keyboard.press('ArrowDown');
        expect(await focusProblem(page), `after ArrowDown ${i + 1}`).toBeNull();
      }
      if (position === 3) await zoomShots(page, 'step', true);
      await tabTo(wizardPage, wizardPage.nextButton);
      await page.keyboard.press('Enter');
    }
    await expect(wizardPage.heading).toHaveText('Review your answers');
    await expectFits(page, 'the review');
    await tabTo(wizardPage, wizardPage.showGuideButton);
    await page.keyboard.press('Enter');

    await expect(guidePage.codeBlock(BLOCK)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(COMPLETE));
    await expectFits(page, 'the guide');
    await zoomShots(page, 'guide-top');
    // Share, change a choice, download a snippet: every stop on the way is in sight.
    await tabTo(wizardPage, exportPanel.share);
    await page.keyboard.press('Enter');
    await expect(exportPanel.shareLink).toBeVisible();
    await expectFits(page, 'the guide with the share link');
    await zoomShots(page, 'guide-share');
    await page.keyboard.press('Escape');
    await expect(exportPanel.share).toBeFocused();
    await tabTo(wizardPage, guidePage.choice('Backend'));
    await guidePage.choose('Backend', 'Python');
    await expect(page).toHaveURL(/backend_technology=python/);
    const block = 'metrics.py';
    await expect(guidePage.codeBlock(block)).toBeVisible();
    await expectFits(page, 'the guide after a change');
    await tabTo(wizardPage, exportPanel.downloadButton(block), 80);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe(block);
    await expect(exportPanel.status(`Downloaded ${block}`)).toHaveCount(1);
    expect(await focusProblem(page)).toBeNull();
    await zoomShots(page, 'guide-code');
    expect(pageProblems.list).toEqual([]);
  });
});

test('with reduced motion nothing animates, and the contents jump without smooth scrolling', async ({
  page,
  wizardPage,
  guidePage,
  pageProblems,
}) => {
  test.setTimeout(90_000);
  // Without the preference the app does animate, so the check below has something to catch.
  await wizardPage.open('api_architecture=grpc');
  await expect(wizardPage.heading).toBeFocused();
  expect((await longestMotion(page)).seconds).toBeGreaterThan(0.05);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  const expectStill = async (screen: string) => {
    const motion = await longestMotion(page);
    expect(motion.seconds, `${screen}: ${motion.where}`).toBeLessThanOrEqual(0.01);
    const running = await page.evaluate(() =>
      document
        .getAnimations()
        .map((animation) => animation.effect?.getTiming().duration)
        .filter((duration) => typeof duration === 'number' && duration > 10),
    );
    expect(running, `${screen}: running animations`).toEqual([]);
  };
  await wizardPage.open();
  await expectStill('the start screen');
  await wizardPage.startButton.click();
  await page.getByRole('group').getByText('REST', { exact: true }).hover();
  await page.getByRole('group').getByText('REST', { exact: true }).click();
  await expectStill('a step after choosing');
  await page.setViewportSize({ width: 360, height: 740 });
  await wizardPage.progress.getByRole('button', { name: 'All steps' }).click();
  await expectStill('a step on a phone with the progress unfolded');
  await page.setViewportSize({ width: 1280, height: 800 });

  await guidePage.open(COMPLETE);
  await expect(guidePage.codeBlock(BLOCK)).toBeVisible();
  await expectStill('the guide');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe(
    'auto',
  );
  // The jump is done by the time the click returns: a smooth scroll would still be at the top.
  // The last section is short, so the jump ends where the page does: either the heading is at
  // the top, or the page is scrolled to its very end.
  const after = await guidePage.tocLink('Conclusion').evaluate((link) => {
    const id = decodeURIComponent((link as HTMLAnchorElement).hash.slice(1));
    (link as HTMLAnchorElement).click();
    const bottom = document.documentElement.scrollHeight - window.innerHeight;
    return {
      headingTop: document.getElementById(id)?.getBoundingClientRect().top ?? NaN,
      belowTheEnd: Math.abs(bottom - window.scrollY),
    };
  });
  expect(
    Math.min(Math.abs(after.headingTop), after.belowTheEnd),
    JSON.stringify(after),
  ).toBeLessThan(150);
  await expect(guidePage.section('Conclusion')).toBeInViewport();
  await expectStill('the guide after a jump');
  expect(pageProblems.list).toEqual([]);
});
