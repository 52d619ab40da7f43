import { test as base, type Page } from '@playwright/test';
import { ExportPanel } from './pages/export-panel';
import { GuidePage } from './pages/guide-page';
import { StartPage } from './pages/start-page';
import { WizardPage } from './pages/wizard-page';

type PageProblems = {
  /**
   * Console errors, uncaught exceptions, failed and 4xx/5xx requests, Content-Security-Policy
   * violations (the page's and its workers') seen so far.
   */
  readonly list: string[];
};

type Fixtures = {
  pageProblems: PageProblems;
  startPage: StartPage;
  wizardPage: WizardPage;
  guidePage: GuidePage;
  exportPanel: ExportPanel;
};

/** What the page reports of a `securitypolicyviolation` event. */
type CspViolation = { directive: string; blocked: string; source: string; sample: string };

const CSP_BINDING = '__reportCspViolation';

// Runs in every document before its own scripts (an init script is not subject to the page's CSP).
function listenForCspViolations(binding: string) {
  document.addEventListener('securitypolicyviolation', (event) => {
    const report = (window as unknown as Record<string, (v: CspViolation) => void>)[binding];
    report?.({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}`,
      sample: event.sample,
    });
  });
}

// Workers cannot be given an init script, and Playwright passes on none of Chromium's "Refused
// to …" log entries from them. So every worker script is served with a listener put before its
// code that turns violations into console errors, which reach the page's console listener (worker
// consoles are the page's too). A module worker's static imports still run before it. Worker
// scripts are known by their name (Vite's `<name>.worker-<hash>.js` for `<name>.worker.ts`): the
// browser's request for one looks like any other script's.
const WORKER_SCRIPT = /\.worker-[\w-]+\.js$/;
const WORKER_LISTENER = `self.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation in worker: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample));`;

/** A worker script with the violation listener put before its code. */
export function withCspListener(workerScript: string): string {
  return WORKER_LISTENER + workerScript;
}

async function watchForCspViolations(page: Page, list: string[]): Promise<void> {
  await page.exposeBinding(CSP_BINDING, (_source, v: CspViolation) => {
    list.push(
      `CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source} ${v.sample}`,
    );
  });
  await page.addInitScript(listenForCspViolations, CSP_BINDING);
  await page.route(
    (url) => WORKER_SCRIPT.test(url.pathname),
    async (route) => {
      const response = await route.fetch();
      return route.fulfill({ response, body: withCspListener(await response.text()) });
    },
  );
  page.on('worker', (worker) => {
    const { pathname } = new URL(worker.url());
    if (!WORKER_SCRIPT.test(pathname)) {
      list.push(
        `worker ${pathname} is not watched for CSP violations: name its source *.worker.ts`,
      );
    }
  });
}

async function watchForProblems(page: Page): Promise<PageProblems> {
  const list: string[] = [];
  await watchForCspViolations(page, list);
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
      await use(await watchForProblems(page));
      // A worker script still being fetched when the test ends is no failure of the test
      // (Playwright: "route.fetch: Test ended" from the CSP-listener route otherwise).
      await page.unrouteAll({ behavior: 'ignoreErrors' });
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
