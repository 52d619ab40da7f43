import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { NAUGHTY_STRINGS } from './support/naughty-strings';
import { TEMPLATE_VERSION, VERSION_PATTERN } from './support/template-version';

// Hostile links: whatever a link holds, the banner names each bad setting precisely, every
// valid choice is kept, nothing runs, no request leaves the page's own origin, and reload,
// back and forward show the same thing.

const VALID: [string, string][] = [
  ['api_architecture', 'grpc'],
  ['backend_technology', 'go'],
  ['expected_load', 'high'],
  ['data_complexity', 'real-time'],
  ['performance_targets', 'sub-100ms'],
  ['infrastructure', 'containerized'],
];
const VERSION = `&v=${TEMPLATE_VERSION}`;
const TITLE = ' · API Performance Wizard';

/** The engine's quote: controls shown as U+FFFD, at most 60 code points then an ellipsis. */
function quoted(text: string): string {
  const chars = Array.from(text.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '\uFFFD'));
  return `“${chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : chars.join('')}”`;
}

/** The one message a hostile value of a (required) choice must give. */
function unknownValue(key: string, value: string): RegExp {
  const what = value === '' ? 'no value given' : `${quoted(value)} is not an option`;
  const escaped = `${key}: ${what}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^${escaped}(?: \\(did you mean [\\w.-]+\\?\\))?; allowed: [\\w., -]+\\.$`,
    'u',
  );
}

function banner(page: Page) {
  return page.getByRole('alert', { name: 'Some settings in this link could not be used' });
}

/** The banner's messages exactly as rendered (textContent: no whitespace normalising). */
async function messages(page: Page): Promise<string[]> {
  await expect(banner(page)).toBeVisible();
  return banner(page).getByRole('listitem').allTextContents();
}

/**
 * Records every request and dialog; a request to any other origin is aborted and recorded,
 * so that a hostile link can never reach the network, and the test can say it tried.
 */
async function watchPage(page: Page, origin: string) {
  const seen = { requests: [] as string[], foreign: [] as string[], dialogs: [] as string[] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.context().route(
    (url) => url.origin !== origin,
    async (route) => {
      seen.foreign.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  return {
    seen,
    /** Every request went to the app's own files: the page, its assets, nothing else. */
    expectOnlyOwnRequests() {
      expect(seen.foreign).toEqual([]);
      for (const url of seen.requests) {
        const { origin: own, pathname } = new URL(url);
        expect(own).toBe(origin);
        expect(pathname).toMatch(/^\/(?:|favicon\.svg|robots\.txt|assets\/[\w.-]+(?:\/[\w.-]+)?)$/);
      }
    },
  };
}

async function expectNothingRan(page: Page) {
  expect(
    await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      polluted: ({} as Record<string, unknown>).polluted,
      // Compared with a fresh realm's: nothing was added to Object.prototype.
      added: (() => {
        const frame = document.createElement('iframe');
        document.body.append(frame);
        const fresh = new Set(
          Object.getOwnPropertyNames(
            (frame.contentWindow as unknown as { Object: ObjectConstructor }).Object.prototype,
          ),
        );
        frame.remove();
        return Object.getOwnPropertyNames(Object.prototype).filter((name) => !fresh.has(name));
      })(),
    })),
  ).toEqual({ pwned: undefined, polluted: undefined, added: [] });
  await expect(
    page.locator('main, [role="alert"]').locator('script, img, iframe, svg[onload], [onerror]'),
  ).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
}

/**
 * Opens a link: as a fresh page load, or (much faster, for a long corpus) as a history entry
 * the page moves to, which the app reads from the address bar exactly as it reads a load.
 */
async function visit(page: Page, url: string, fresh: boolean) {
  if (fresh) {
    await page.goto(url);
    return;
  }
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

/** Three hostile values (at the even or the odd positions), three valid ones. */
function hostileLink(strings: readonly string[], offset: number, parity: 0 | 1) {
  const pairs = VALID.map(([key, value], index): [string, string] =>
    index % 2 === parity ? [key, strings[(offset + index) % strings.length] ?? ''] : [key, value],
  );
  const kept = VALID.filter((_, index) => index % 2 !== parity);
  return {
    url: `/?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`,
    bad: pairs.filter((_, index) => index % 2 === parity),
    canonical: `/?${kept.map(([key, value]) => `${key}=${value}`).join('&')}${VERSION}`,
    title: parity === 0 ? `Step 1 of 6 — Architecture${TITLE}` : `Step 2 of 6 — Backend${TITLE}`,
  };
}

test.describe('a corpus of naughty strings in every one of the six values', () => {
  for (const parity of [0, 1] as const) {
    test(`each string at the ${parity === 0 ? 'odd' : 'even'} steps: precise messages, valid choices kept, nothing runs`, async ({
      page,
      baseURL,
      pageProblems,
    }) => {
      test.setTimeout(120_000);
      const watch = await watchPage(page, new URL(baseURL ?? '').origin);
      for (let offset = 0; offset < NAUGHTY_STRINGS.length; offset += 1) {
        const link = hostileLink(NAUGHTY_STRINGS, offset, parity);
        // The first a real page load; the rest as moves in history, to keep the test quick.
        await visit(page, link.url, offset === 0);
        const shown = await messages(page);
        const label = `${link.url.slice(0, 200)} → ${JSON.stringify(shown)}`;
        expect(shown, label).toHaveLength(link.bad.length);
        link.bad.forEach(([key, value], index) => {
          expect(shown[index], label).toMatch(unknownValue(key, value));
        });
        await expect(page).toHaveURL(new URL(link.canonical, baseURL).href);
        await expect(page).toHaveTitle(link.title);
        await expectNothingRan(page);
      }
      expect(watch.seen.dialogs).toEqual([]);
      watch.expectOnlyOwnRequests();
      expect(pageProblems.list).toEqual([]);
    });
  }
});

test.describe('keys that name parts of every JavaScript object', () => {
  test('__proto__, constructor and prototype, plain or nested, are unknown settings and pollute nothing', async ({
    page,
    baseURL,
    pageProblems,
  }) => {
    const watch = await watchPage(page, new URL(baseURL ?? '').origin);
    const keys = [
      '__proto__',
      'constructor',
      'prototype',
      '__proto__[polluted]',
      'constructor[prototype][polluted]',
      'hasOwnProperty',
      'toString',
    ];
    await page.goto(
      `/?api_architecture=grpc&${keys.map((key) => `${encodeURIComponent(key)}=1`).join('&')}&__proto__=2`,
    );
    expect(await messages(page)).toEqual([
      '“__proto__” is not a setting of this guide.',
      '“constructor” is not a setting of this guide.',
      '“prototype” is not a setting of this guide.',
      '“__proto__[polluted]” is not a setting of this guide.',
      '“constructor[prototype][polluted]” is not a setting of this guide.',
      '“hasOwnProperty” is not a setting of this guide.',
      '“toString” is not a setting of this guide.',
      'backend_technology is missing: Backend technology.',
      'expected_load is missing: Expected API load.',
      'data_complexity is missing: Data complexity.',
      'performance_targets is missing: Performance targets.',
      'infrastructure is missing: Infrastructure type.',
    ]);
    await expect(page).toHaveURL(new RegExp(`/\\?api_architecture=grpc&v=${VERSION_PATTERN}$`));
    await expect(page).toHaveTitle(`Step 2 of 6 — Backend${TITLE}`);
    await expectNothingRan(page);
    expect(watch.seen.dialogs).toEqual([]);
    watch.expectOnlyOwnRequests();
    expect(pageProblems.list).toEqual([]);
  });
});

test.describe('a 20 KB link', () => {
  test('reads the whole settings in its first 8 KB, keeps the valid ones, and says it was cut', async ({
    page,
    baseURL,
    pageProblems,
  }) => {
    const watch = await watchPage(page, new URL(baseURL ?? '').origin);
    const notes = 'a'.repeat(20_000);
    const url = `/?api_architecture=grpc&backend_technology=go&notes=${notes}&expected_load=high`;
    // The preview server refuses request heads over 16 KB (HTTP 431) before the app can see
    // them; a static host may accept them, so the document is served for the short URL and the
    // app reads the whole 20 KB query from the address bar.
    await page.route(
      (target) => target.search.length > 16_000,
      async (route) => route.fulfill({ response: await route.fetch({ url: `${baseURL}/` }) }),
    );
    await page.goto(url);
    // The limit falls inside notes=…: a pair cut in two is not read, and what follows the limit
    // (expected_load=high) is unknown, so no setting is said to be missing.
    expect(await messages(page)).toEqual([
      `The link is ${url.length - 2} characters long, over the limit of 8192.`,
    ]);
    await expect(banner(page)).toContainText(
      'Every valid setting up to the limit was kept; choose the rest below.',
    );
    await expect(page).toHaveURL(
      new RegExp(`/\\?api_architecture=grpc&backend_technology=go&v=${VERSION_PATTERN}$`),
    );
    await expect(page).toHaveTitle(`Step 3 of 6 — Load${TITLE}`);
    await expectNothingRan(page);
    watch.expectOnlyOwnRequests();
    expect(pageProblems.list).toEqual([]);
  });
});

test.describe('reload, back and forward after a hostile link', () => {
  const link = hostileLink(NAUGHTY_STRINGS, 11, 0);
  const url = `${link.url}&${encodeURIComponent('<b>x</b>')}=1&api_architecture=%E0%A4%A`;

  /** Moving through history cancels the favicon's request; that is not a problem of the page. */
  const realProblems = (list: string[]) =>
    list.filter((problem) => !/favicon\.svg \(net::ERR_ABORTED\)$/.test(problem));

  test('show the same address and screen, with only the valid choices in it', async ({
    page,
    wizardPage,
    baseURL,
    pageProblems,
  }) => {
    const watch = await watchPage(page, new URL(baseURL ?? '').origin);
    const canonical = new URL(link.canonical, baseURL).href;
    await page.goto('/');
    await page.goto(url);
    expect(await messages(page)).toHaveLength(5);
    const expectSame = async () => {
      await expect(page).toHaveURL(canonical);
      await expect(page).toHaveTitle(link.title);
      await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
      await expectNothingRan(page);
    };
    await expectSame();
    await page.reload();
    await expectSame();
    await page.goBack();
    await expect(page).toHaveURL(new URL('/', baseURL).href);
    await expect(page).toHaveTitle('API Performance Wizard');
    await page.goForward();
    await expectSame();
    // The valid choices are still applied: the next unanswered steps are the hostile ones.
    await wizardPage.answerWithMouse('gRPC');
    await expect(page).toHaveTitle(`Step 2 of 6 — Backend${TITLE}`);
    await expect(wizardPage.option('Go')).toBeChecked();
    expect(watch.seen.dialogs).toEqual([]);
    watch.expectOnlyOwnRequests();
    expect(realProblems(pageProblems.list)).toEqual([]);
  });

  // The app rewrites a hostile link in place to the canonical query of its valid choices, and
  // keys the banner on the history entry; a reload or a return to the entry reads the clean
  // query, so the message is not shown again. Needs the app to keep the entry's problems in
  // history.state (see the report of issue 5, part B).
  test('show the same message after reload, back and forward', async ({ page }) => {
    await page.goto('/');
    await page.goto(url);
    const first = await messages(page);
    await page.reload();
    expect(await messages(page)).toEqual(first);
    await page.goBack();
    await page.goForward();
    expect(await messages(page)).toEqual(first);
  });
});
