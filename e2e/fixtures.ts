import { test as base, type Page } from '@playwright/test';
import { StartPage } from './pages/start-page';

type PageProblems = {
  /** Console errors, uncaught exceptions, failed and 4xx/5xx requests seen so far. */
  readonly list: string[];
};

type Fixtures = {
  pageProblems: PageProblems;
  startPage: StartPage;
};

function watchForProblems(page: Page): PageProblems {
  const list: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') list.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => list.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    list.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) list.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { list };
}

export const test = base.extend<Fixtures>({
  // Automatic, so the listeners are attached before any page object opens a URL.
  pageProblems: [
    async ({ page }, use) => {
      await use(watchForProblems(page));
    },
    { auto: true },
  ],
  startPage: async ({ page }, use) => {
    await use(new StartPage(page));
  },
});

export { expect } from '@playwright/test';
