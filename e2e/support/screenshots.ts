import type { Page } from '@playwright/test';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Pictures stop here: a guide is ~28,000 px tall, and capturing all of it takes seconds. */
const MAX_HEIGHT = 6000;

/**
 * Saves full-page screenshots (up to 6,000 px tall) of the current screen in light and dark,
 * at desktop and phone width, into test-results/screens/<name>-<theme>-<width>.png, for a
 * person to look at.
 */
export async function screenshotThemes(page: Page, name: string) {
  const original = page.viewportSize() ?? DESKTOP;
  // Offscreen code is skipped by content-visibility, and a full-page capture does not scroll:
  // lay everything out for the picture (a constructed sheet, which the CSP allows), then undo.
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
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({
        path: `${process.env.E2E_OUT ?? 'test-results'}/screens/${name}-${theme}-${width}.png`,
        fullPage: true,
        clip: { x: 0, y: 0, width: size.width, height: Math.min(height, MAX_HEIGHT) },
      });
    }
  }
  await page.evaluate(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1);
  });
  await page.setViewportSize(original);
  await page.emulateMedia({ colorScheme: null });
}
