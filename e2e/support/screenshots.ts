import type { Page } from '@playwright/test';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * Saves full-page screenshots of the current screen in light and dark, at desktop and phone
 * width, into test-results/screens/<name>-<theme>-<width>.png, for a person to look at.
 */
export async function screenshotThemes(page: Page, name: string) {
  const original = page.viewportSize() ?? DESKTOP;
  // Offscreen code is skipped by content-visibility, and a full-page capture does not scroll:
  // lay everything out for the picture (a constructed sheet, which the CSP allows).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { content-visibility: visible !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const [width, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await page.screenshot({
        path: `${process.env.E2E_OUT ?? 'test-results'}/screens/${name}-${theme}-${width}.png`,
        fullPage: true,
      });
    }
  }
  await page.setViewportSize(original);
  await page.emulateMedia({ colorScheme: null });
}
