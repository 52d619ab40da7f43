import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { screenshotThemes } from './support/screenshots';
import { TEMPLATE_VERSION } from './support/template-version';

const CHOICES = {
  api_architecture: 'grpc',
  backend_technology: 'go',
  expected_load: 'high',
  data_complexity: 'real-time',
  performance_targets: 'sub-100ms',
  infrastructure: 'containerized',
};

function queryWith(changes: Partial<typeof CHOICES> = {}): string {
  return new URLSearchParams({ ...CHOICES, ...changes }).toString();
}

const GO_BLOCK = 'httpmetrics.go';
const PYTHON_BLOCK = 'metrics.py';

/** The computed text colour of an element. */
function colorOf(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).color);
}

/** Requests for precomputed tokens and for the highlighter worker's script. */
const TOKENS = /\/assets\/hl\/[0-9a-f]{24}\.json$/;
const WORKER = /\/assets\/highlight\.worker-[\w-]+\.js$/;

/** What a missing token asset adds to the page's problems: its 404, nothing else. */
function withoutTokenMisses(problems: string[]): string[] {
  return problems.filter(
    (problem) =>
      !TOKENS.test(problem.replace(/^HTTP 404: /, '')) &&
      !problem.includes('the server responded with a status of 404'),
  );
}

/** Puts a heading at `top` px below the top of the viewport, without smooth scrolling. */
async function scrollHeadingTo(heading: Locator, top: number) {
  await heading.evaluate((element, offset) => {
    window.scrollBy(0, element.getBoundingClientRect().top - offset);
  }, top);
}

async function headingTop(heading: Locator): Promise<number> {
  return heading.evaluate((element) => element.getBoundingClientRect().top);
}

test.describe('a share link', () => {
  test('opens the guide: title, the six choices, contents and highlighted Go code', async ({
    page,
    guidePage,
    pageProblems,
  }) => {
    const workerRequests: string[] = [];
    page.on('request', (request) => {
      if (WORKER.test(request.url())) workerRequests.push(request.url());
    });
    await guidePage.open(queryWith());

    await expect(guidePage.title).toHaveText('API Performance Optimization: gRPC API');
    const expected: [string, string, string][] = [
      ['Architecture', 'grpc', 'gRPC'],
      ['Backend', 'go', 'Go'],
      ['Load', 'high', 'High'],
      ['Data', 'real-time', 'Real-time'],
      ['Targets', 'sub-100ms', 'Under 100 ms'],
      ['Infrastructure', 'containerized', 'Containers'],
    ];
    for (const [step, value, label] of expected) {
      await expect(guidePage.choice(step)).toHaveValue(value);
      await expect(guidePage.choice(step).locator('option:checked')).toHaveText(label);
    }
    await expect(guidePage.header).toContainText('DifficultyAdvanced');
    await expect(guidePage.header).toContainText(`Version${TEMPLATE_VERSION}`);
    await expect(guidePage.header).toContainText('Templatejezweb/prompts (MIT)');
    await expect(guidePage.header.getByRole('button').first()).toBeVisible();

    for (const section of [
      '1. Performance Analysis & Baseline',
      'API Performance Profiling Framework',
      '4. Database Optimization',
      'Conclusion',
    ]) {
      await expect(guidePage.tocLink(section)).toHaveAttribute('href', /^#/);
    }

    const block = guidePage.codeBlock(GO_BLOCK);
    await expect(block).toBeVisible();
    await expect(guidePage.blockLanguage(GO_BLOCK)).toHaveText('Go');
    const code = guidePage.code(GO_BLOCK);
    await expect(code).toContainText('package main');
    await expect(code.locator('xpath=..')).toHaveAttribute('data-highlighted', 'true');
    await expect.poll(() => guidePage.tokenColour(GO_BLOCK, 'package')).not.toBeNull();
    const lightColor = await guidePage.tokenColour(GO_BLOCK, 'package');
    expect(lightColor).not.toBe(await colorOf(code));
    // Selecting the code gives the code: the line numbers are not part of the text.
    const selected = await code.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element.closest('figure')!);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    expect(selected).toMatch(/\n\/\/ cmd\/api\/httpmetrics\.go\npackage main\n\nimport \(\n/);
    expect(selected).not.toMatch(/^\s*\d+\s*$/m);

    // The theme toggle recolours the same ranges: no second highlighting, nothing rebuilt.
    const rangeCount = () =>
      page.evaluate(() => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0));
    const ranges = await rangeCount();
    await code.evaluate((element) => element.setAttribute('data-seen', ''));
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect.poll(() => guidePage.tokenColour(GO_BLOCK, 'package')).not.toBe(lightColor);
    await expect(code).toHaveAttribute('data-seen', '');
    expect(await rangeCount()).toBe(ranges);
    // Every block's colours came with the build: the highlighter worker was never started.
    expect(workerRequests).toEqual([]);
    expect(pageProblems.list).toEqual([]);
  });

  test('for a Python backend shows Python code', async ({ guidePage, pageProblems }) => {
    await guidePage.open(queryWith({ backend_technology: 'python' }));

    await expect(guidePage.blockLanguage(PYTHON_BLOCK)).toHaveText('Python');
    await expect.poll(() => guidePage.tokenColour(PYTHON_BLOCK, 'import')).not.toBeNull();
    await expect(guidePage.codeBlock(GO_BLOCK)).toHaveCount(0);
    expect(pageProblems.list).toEqual([]);
  });

  test('for Rust shows Rust code for the profiling part, with no missing-code notice', async ({
    guidePage,
    pageProblems,
  }) => {
    await guidePage.open(queryWith({ backend_technology: 'rust' }));

    await expect(guidePage.blockLanguage('Cargo.toml')).toHaveText('TOML');
    await expect(guidePage.blockLanguage('telemetry.rs')).toHaveText('Rust');
    await expect(guidePage.code('telemetry.rs')).toContainText('MatchedPath');
    await expect(guidePage.body.getByRole('note')).toHaveCount(0);
    expect(pageProblems.list).toEqual([]);
  });

  test('shows the code as plain text at once, and colours it when its tokens arrive', async ({
    context,
    guidePage,
    pageProblems,
  }) => {
    // Hold back the precomputed tokens, so the page is seen before it can colour anything.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(TOKENS, async (route) => {
      await held;
      await route.continue();
    });

    await guidePage.open(queryWith());
    const code = guidePage.code(GO_BLOCK);
    await expect(code).toContainText('func requestMetrics() gin.HandlerFunc {');
    expect(await guidePage.tokenColour(GO_BLOCK, 'package')).toBeNull();
    await expect(code.locator('xpath=..')).not.toHaveAttribute('data-highlighted');

    release();
    await expect(code.locator('xpath=..')).toHaveAttribute('data-highlighted', 'true');
    expect(await guidePage.tokenColour(GO_BLOCK, 'package')).not.toBeNull();
    expect(pageProblems.list).toEqual([]);
  });

  test('colours code the build has no tokens for in the worker', async ({
    page,
    guidePage,
    pageProblems,
  }) => {
    await page.route(TOKENS, (route) => route.fulfill({ status: 404, body: 'not found' }));
    const worker = page.waitForRequest(WORKER);

    await guidePage.open(queryWith());
    await worker;
    const code = guidePage.code(GO_BLOCK);
    await expect(code.locator('xpath=..')).toHaveAttribute('data-highlighted', 'true', {
      timeout: 30_000,
    });
    await expect.poll(() => guidePage.tokenColour(GO_BLOCK, 'package')).not.toBeNull();
    await expect(guidePage.uncoloured()).toHaveCount(0, { timeout: 60_000 });
    expect(withoutTokenMisses(pageProblems.list)).toEqual([]);
  });
});

test('without Web Workers the build’s tokens still colour the code', async ({
  page,
  guidePage,
  pageProblems,
}) => {
  await page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await guidePage.open(queryWith());
  await expect.poll(() => guidePage.tokenColour(GO_BLOCK, 'package')).not.toBeNull();
  await guidePage.choose('Backend', 'Python');
  await expect.poll(() => guidePage.tokenColour(PYTHON_BLOCK, 'import')).not.toBeNull();
  expect(pageProblems.list).toEqual([]);
});

test('when the guide worker cannot start, the page renders the guide itself', async ({
  page,
  guidePage,
  pageProblems,
}) => {
  const GUIDE_WORKER = /\/assets\/guide\.worker-[\w-]+\.js$/;
  await page.route(GUIDE_WORKER, (route) => route.abort());
  const warned = page.waitForEvent('console', (message) =>
    message.text().includes('guide worker failed to start'),
  );
  await guidePage.open(queryWith());
  await warned;
  await expect(guidePage.code(GO_BLOCK)).toContainText('package main');
  await guidePage.choose('Backend', 'Python');
  await expect(guidePage.code(PYTHON_BLOCK)).toContainText('import');
  // The aborted script and the warning about it are the only problems.
  expect(
    pageProblems.list.filter(
      (problem) => !problem.includes('/assets/guide.worker-') && !problem.includes('guide worker'),
    ),
  ).toEqual([]);
});

test('without Web Workers nor tokens the code stays plain, with one warning and no error', async ({
  page,
  guidePage,
  pageProblems,
}) => {
  await page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await page.route(TOKENS, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const warned = page.waitForEvent('console', (message) => message.type() === 'warning');

  await guidePage.open(queryWith());
  await warned;
  const code = guidePage.code(GO_BLOCK);
  await expect(code).toContainText('package main');
  expect(await guidePage.tokenColour(GO_BLOCK, 'package')).toBeNull();
  await guidePage.choose('Backend', 'Python');
  await expect(guidePage.code(PYTHON_BLOCK)).toContainText('import');
  expect(warnings.filter((text) => text.includes('highlighting'))).toHaveLength(1);
  await expect(page.locator('pre[data-highlighted]')).toHaveCount(0);
  expect(withoutTokenMisses(pageProblems.list)).toEqual([]);
});

test('without CSS custom highlights the code stays plain, with one warning and no fetch', async ({
  page,
  guidePage,
  pageProblems,
}) => {
  await page.addInitScript(() => Object.defineProperty(CSS, 'highlights', { value: undefined }));
  await page.addInitScript(() => {
    // The check is `'highlights' in CSS`: remove the property itself.
    delete (CSS as unknown as Record<string, unknown>).highlights;
  });
  const requests: string[] = [];
  page.on('request', (request) => {
    if (TOKENS.test(request.url()) || WORKER.test(request.url())) requests.push(request.url());
  });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });

  await guidePage.open(queryWith());
  await expect(guidePage.code(GO_BLOCK)).toContainText('package main');
  await guidePage.choose('Backend', 'Python');
  await expect(guidePage.code(PYTHON_BLOCK)).toContainText('import');
  expect(warnings).toEqual(['This browser has no CSS custom highlights; showing plain code.']);
  await expect(page.locator('pre[data-highlighted]')).toHaveCount(0);
  expect(requests).toEqual([]);
  expect(pageProblems.list).toEqual([]);
});

test.describe('changing a choice in the guide', () => {
  test.beforeEach(async ({ page }) => {
    // Record main-thread long tasks, to report (not judge) how smooth a change of choice is.
    await page.addInitScript(() => {
      const tasks: number[] = [];
      Object.assign(window, { longTasks: tasks });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
  });

  test('rewrites the address, swaps the code and keeps the reader where they were', async ({
    page,
    guidePage,
    pageProblems,
  }) => {
    await guidePage.open(queryWith());
    await expect.poll(() => guidePage.tokenColour(GO_BLOCK, 'package')).not.toBeNull();

    const heading = guidePage.section('API Performance Profiling Framework');
    await scrollHeadingTo(heading, 120);
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(scrollY).toBeGreaterThan(200);
    const top = await headingTop(heading);
    await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));

    await guidePage.choice('Backend').focus();
    await guidePage.choose('Backend', 'Python');

    await expect(page).toHaveURL(/[?&]backend_technology=python(&|$)/);
    await expect(guidePage.blockLanguage(PYTHON_BLOCK)).toHaveText('Python');
    await expect.poll(() => guidePage.tokenColour(PYTHON_BLOCK, 'import')).not.toBeNull();
    // The plan above this section names the backend, so the page above may change height: what
    // must not move is the section being read.
    expect(Math.abs((await headingTop(heading)) - top)).toBeLessThanOrEqual(4);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await expect(guidePage.choice('Backend')).toBeFocused();

    const longTasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    test.info().annotations.push({
      type: 'long tasks during the change (ms)',
      description: longTasks.length > 0 ? longTasks.join(', ') : 'none',
    });
    expect(pageProblems.list).toEqual([]);
  });

  test('below a block whose code changes size, the section in view stays in view', async ({
    guidePage,
    pageProblems,
  }) => {
    await guidePage.open(queryWith());
    const heading = guidePage.section('Query Optimization Strategies');
    await scrollHeadingTo(heading, 150);
    await expect(heading).toBeInViewport();
    const top = await headingTop(heading);

    // The Go profiling block above is longer than the Python one that replaces it.
    await guidePage.choose('Backend', 'Python');
    await expect(guidePage.blockLanguage(PYTHON_BLOCK)).toHaveText('Python');

    await expect(heading).toBeInViewport();
    expect(Math.abs((await headingTop(heading)) - top)).toBeLessThanOrEqual(4);
    expect(pageProblems.list).toEqual([]);
  });
});

test.describe('the table of contents', () => {
  test('marks the section being read and jumps to a section without piling up history', async ({
    page,
    guidePage,
    pageProblems,
  }) => {
    await guidePage.open(queryWith());
    await expect(guidePage.currentTocEntry).toHaveCount(0);

    await scrollHeadingTo(guidePage.section('Query Optimization Strategies'), 80);
    await expect(guidePage.currentTocEntry).toHaveText('Query Optimization Strategies');

    const historyLength = await page.evaluate(() => history.length);
    await guidePage.tocLink('Lifetimes and sizes').click();
    await expect(guidePage.section('Lifetimes and sizes')).toBeInViewport();
    await expect(page).toHaveURL(/#lifetimes-and-sizes$/);
    await expect(guidePage.currentTocEntry).toHaveText('Lifetimes and sizes');
    await guidePage.tocLink('Conclusion').click();
    await expect(guidePage.section('Conclusion')).toBeInViewport();
    await expect(guidePage.currentTocEntry).toHaveText('Conclusion');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    // The guide is still the same guide: the choices did not move.
    await expect(page).toHaveURL(/[?&]backend_technology=go&/);
    expect(pageProblems.list).toEqual([]);
  });

  test('a link to a section opens the guide at that section', async ({
    page,
    guidePage,
    pageProblems,
  }) => {
    await page.goto(`/?${queryWith()}#4-database-optimization`);
    await expect(guidePage.section('4. Database Optimization')).toBeInViewport();
    await expect(guidePage.currentTocEntry).toHaveText('4. Database Optimization');
    expect(pageProblems.list).toEqual([]);
  });

  test('the plan on top links to the sections it names', async ({
    page,
    guidePage,
    pageProblems,
  }) => {
    await guidePage.open(queryWith());
    await guidePage.body.getByRole('link', { name: 'section 4', exact: true }).click();
    await expect(guidePage.section('4. Database Optimization')).toBeInViewport();
    await expect(page).toHaveURL(/#4-database-optimization$/);
    await expect(page).toHaveURL(/[?&]backend_technology=go&/);
    expect(pageProblems.list).toEqual([]);
  });

  test('on a phone, is folded above the guide and the page never scrolls sideways', async ({
    page,
    guidePage,
    pageProblems,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await guidePage.open(queryWith());
    const summary = guidePage.toc.getByText('On this page');
    await expect(guidePage.tocLink('Conclusion')).toBeHidden();
    await summary.click();
    await guidePage.tocLink('4. Database Optimization').click();
    await expect(guidePage.section('4. Database Optimization')).toBeInViewport();
    await expect(guidePage.tocLink('Conclusion')).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(pageProblems.list).toEqual([]);
  });
});

test('prints the guide alone: no controls, code wrapped', async ({
  page,
  guidePage,
  pageProblems,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await guidePage.open(queryWith());
  await expect(guidePage.codeBlock(GO_BLOCK)).toBeVisible();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });

  await expect(guidePage.choices).toBeHidden();
  await expect(guidePage.toc).toBeHidden();
  for (const button of await guidePage.header.getByRole('button').all()) {
    await expect(button).toBeHidden();
  }
  await expect(guidePage.title).toBeVisible();
  const pre = guidePage.codeBlock(GO_BLOCK).locator('pre');
  expect(await pre.evaluate((element) => getComputedStyle(element).whiteSpace)).toBe('pre-wrap');
  // Dark text for white paper, even when the screen is dark.
  const [red = 255, green = 255, blue = 255] = (await colorOf(guidePage.title))
    .match(/\d+/g)!
    .map(Number);
  expect(red + green + blue).toBeLessThan(200);
  expect(pageProblems.list).toEqual([]);
});

test('looks right and passes axe in light and dark', async ({ page, guidePage, pageProblems }) => {
  test.setTimeout(240_000);
  await guidePage.open(queryWith());
  // Every block is coloured without scrolling to it.
  const blocks = page.getByRole('figure');
  await expect(blocks.first()).toBeVisible();
  await expect(guidePage.uncoloured()).toHaveCount(0);
  expect(await page.locator('pre[data-highlighted]').count()).toBe(
    await guidePage.colourable().count(),
  );
  // Plain text is the exception, and only for the files that have no grammar.
  expect(await guidePage.colourable().count()).toBeGreaterThanOrEqual((await blocks.count()) - 2);

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expectNoAxeViolations(page, `the guide in ${theme}`);
  }
  await screenshotThemes(page, 'guide');
  expect(pageProblems.list).toEqual([]);
});
