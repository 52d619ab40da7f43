import { test as base, type Page } from '@playwright/test';
import { ExportPanel } from './pages/export-panel';
import { GuidePage } from './pages/guide-page';
import { StartPage } from './pages/start-page';
import { WizardPage } from './pages/wizard-page';

type PageProblems = {
  /** Console errors, uncaught exceptions, failed and 4xx/5xx requests seen so far. */
  readonly list: string[];
};

type Fixtures = {
  pageProblems: PageProblems;
  startPage: StartPage;
  wizardPage: WizardPage;
  guidePage: GuidePage;
  exportPanel: ExportPanel;
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
  wizardPage: async ({ page }, use) => {
    await use(new WizardPage(page));
  },
  guidePage: async ({ page }, use) => {
    await use(new GuidePage(page));
  },
  exportPanel: async ({ page }, use) => {
    await use(new ExportPanel(page));
  },
});

export { expect } from '@playwright/test';
