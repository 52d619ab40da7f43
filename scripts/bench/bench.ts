/**
 * `npm run bench`: the production build, served locally, measured in headless Chromium.
 * Several runs of each measurement; prints medians (min–max) and writes the same figures as
 * JSON to bench-results/bench.json (and a Markdown table to bench-results/bench.md).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { chromium, type Browser, type Page } from 'playwright';
import { encodeShareQuery, renderGuide, type Choices } from '../../src/engine/index';
import { loadTemplateFile } from '../../src/cli/load-template-file';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';
import { writeBaselinePage } from './baseline-page';
import { isScript, measureFiles, total, type LoadedFile } from './bytes';
import { heapParts, type HeapParts } from './heap-snapshot';
import { runLighthouse, type LighthouseScores } from './lighthouse-run';
import { printReport, markdownReport, type BenchReport } from './report';
import { BENCH_DIST, buildApp, serve } from './server';
import { summarize } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 12);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4310);
const VIEWPORT = { width: 1280, height: 800 };
const PROBE = { path: new URL('./probe.js', import.meta.url).pathname };

const CHOICES: Choices = {
  api_architecture: 'grpc',
  backend_technology: 'go',
  expected_load: 'high',
  data_complexity: 'real-time',
  performance_targets: 'sub-100ms',
  infrastructure: 'containerized',
};

interface Probe {
  text?: number;
  firstViewport?: number;
  all?: number;
  blocks: number;
  longTasks: { start: number; duration: number }[];
  watch?: { since: number; needle: string; text?: number; highlighted?: number };
}

async function main() {
  const loaded = await loadTemplateFile();
  if ('errors' in loaded) throw new Error(loaded.errors.join('\n'));
  const { template } = loaded;

  log('building the production app into dist-bench …');
  await buildApp();
  const baselinePath = await writeBaselinePage(template, CHOICES, BENCH_DIST);
  const server = await serve(PORT);
  const shareUrl = `${server.url}/?${encodeShareQuery(template, CHOICES)}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
  try {
    log('bytes …');
    const firstScreen = await loadedFiles(browser, `${server.url}/`, false);
    const guideView = await loadedFiles(browser, shareUrl, true);

    log(`cold opens of the share link and of the static baseline (${RUNS} runs each) …`);
    const app = await coldOpens(browser, shareUrl);
    const baseline = await coldOpens(browser, `${server.url}${baselinePath}`);

    log(`choice changes (${CHANGES}) …`);
    const changes = await choiceChanges(browser, shareUrl, template);

    log('heap after 1 and after 50 choice changes …');
    const heap = await heapGrowth(browser, shareUrl, template);

    log(`Lighthouse 12.2.3, mobile preset (${LIGHTHOUSE_RUNS} runs) …`);
    const lighthouse: LighthouseScores[] = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
      lighthouse.push(await runLighthouse(shareUrl, chromiumPath));
    }

    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, Chromium ${browser.version()}`,
      runs: RUNS,
      bytes: {
        firstScreen: {
          files: firstScreen,
          js: total(firstScreen, isScript),
          all: total(firstScreen),
        },
        guideView: { files: guideView, js: total(guideView, isScript), all: total(guideView) },
      },
      coldOpen: {
        app: {
          text: summarize(app.map((probe) => probe.text ?? Number.NaN)),
          firstViewport: summarize(app.map((probe) => probe.firstViewport ?? Number.NaN)),
          all: summarize(app.map((probe) => probe.all ?? Number.NaN)),
          longestTask: summarize(app.map(longest)),
        },
        baseline: {
          text: summarize(baseline.map((probe) => probe.text ?? Number.NaN)),
          all: summarize(baseline.map((probe) => probe.all ?? Number.NaN)),
        },
      },
      change: {
        text: summarize(changes.map((change) => change.text)),
        highlighted: summarize(changes.map((change) => change.highlighted)),
        longestTask: summarize(changes.map((change) => change.longestTask)),
      },
      heap,
      lighthouse: {
        performance: summarize(lighthouse.map((run) => run.performance)),
        accessibility: summarize(lighthouse.map((run) => run.accessibility)),
        bestPractices: summarize(lighthouse.map((run) => run.bestPractices)),
        seo: summarize(lighthouse.map((run) => run.seo)),
        lcp: summarize(lighthouse.map((run) => run.lcp)),
        tbt: summarize(lighthouse.map((run) => run.tbt)),
      },
    };
    await mkdir('bench-results', { recursive: true });
    await writeFile('bench-results/bench.json', `${JSON.stringify(report, null, 2)}\n`);
    await writeFile('bench-results/bench.md', markdownReport(report));
    printReport(report);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Every file a page loads (cold), read back from dist-bench to measure it compressed. */
async function loadedFiles(browser: Browser, url: string, guide: boolean): Promise<LoadedFile[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const paths: string[] = [];
  page.on('requestfinished', (request) => {
    const { pathname, host } = new URL(request.url());
    if (host.startsWith('localhost')) paths.push(pathname);
  });
  // Workers' requests are not page requests: read them from the service worker-less context.
  context.on('requestfinished', (request) => {
    const { pathname, host } = new URL(request.url());
    if (host.startsWith('localhost')) paths.push(pathname);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (guide) await everyBlockColoured(page);
  await page.waitForTimeout(500);
  await context.close();
  return measureFiles(
    BENCH_DIST,
    paths.map((path) => (path === '/' ? 'index.html' : path.replace(/^\//, ''))),
  );
}

/** Fresh contexts (cold caches) opening a URL; the probe's marks once all code is coloured. */
async function coldOpens(browser: Browser, url: string): Promise<Probe[]> {
  const probes: Probe[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    await page.goto(url);
    await everyBlockColoured(page);
    probes.push(await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe));
    await context.close();
  }
  return probes;
}

/** Waits until the probe has seen every code block of the page coloured. */
function everyBlockColoured(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () => (window as unknown as { __probe: Probe }).__probe.all !== undefined,
    null,
    { timeout: 120_000 },
  );
}

function longest(probe: Probe): number {
  return Math.max(0, ...probe.longTasks.map((task) => task.duration));
}

interface ChangeTiming {
  text: number;
  highlighted: number;
  longestTask: number;
}

/**
 * Changes one choice at a time on a loaded guide (backend, then load, alternately) and times,
 * from the change event: the frame that shows a line only the new guide has, the frame where
 * that block is coloured, and the longest main-thread task in between.
 */
async function choiceChanges(
  browser: Browser,
  url: string,
  template: Parameters<typeof renderGuide>[0],
): Promise<ChangeTiming[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(url);
  await everyBlockColoured(page);
  const plan = changePlan(CHANGES);
  let current = CHOICES;
  const timings: ChangeTiming[] = [];
  for (const [name, value] of plan) {
    const next = { ...current, [name]: value };
    const needle = distinctiveLine(template, current, next);
    timings.push(await changeOnce(page, name, value, needle));
    current = next;
  }
  await context.close();
  return timings;
}

async function changeOnce(
  page: Page,
  name: string,
  value: string,
  needle: string,
): Promise<ChangeTiming> {
  await page.evaluate(
    ({ name, value, needle }) => {
      const probe = (window as unknown as { __probe: Probe }).__probe;
      probe.longTasks.length = 0;
      const select = document.getElementById(`guide-choice-${name}`) as HTMLSelectElement;
      select.value = value;
      probe.watch = { since: performance.now(), needle };
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, value, needle },
  );
  await page.waitForFunction(
    () => (window as unknown as { __probe: Probe }).__probe.watch?.highlighted !== undefined,
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(100);
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: Probe }).__probe;
    const watch = probe.watch!;
    const tasks = probe.longTasks.filter((task) => task.start + task.duration >= watch.since);
    return {
      text: (watch.text ?? Number.NaN) - watch.since,
      highlighted: (watch.highlighted ?? Number.NaN) - watch.since,
      longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
    };
  });
}

/** Backend and load in turn, so both a language switch and a same-language edit are timed. */
function changePlan(count: number): [string, string][] {
  const backends = ['python', 'nodejs', 'go'];
  const loads = ['extreme', 'high'];
  return Array.from({ length: count }, (_, index) =>
    index % 2 === 0
      ? ['backend_technology', backends[(index / 2) % backends.length]!]
      : ['expected_load', loads[((index - 1) / 2) % loads.length]!],
  );
}

/** A line of code the new guide shows and the old one does not: how the probe sees the change. */
function distinctiveLine(
  template: Parameters<typeof renderGuide>[0],
  before: Choices,
  after: Choices,
): string {
  const old = renderGuide(template, before)
    .blocks.map((block) => block.code)
    .join('\n');
  for (const block of renderGuide(template, after).blocks) {
    const line = block.code
      .split('\n')
      .find((candidate) => candidate.trim().length > 8 && !old.includes(candidate));
    if (line) return line.trim();
  }
  throw new Error(`no code differs between ${JSON.stringify(before)} and ${JSON.stringify(after)}`);
}

/** JS heap (after a forced GC) after 1 choice change and after 50. */
async function heapGrowth(
  browser: Browser,
  url: string,
  template: Parameters<typeof renderGuide>[0],
) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await everyBlockColoured(page);
  const backends = ['python', 'nodejs', 'go', 'java', 'rust', 'dotnet'];
  const loads = ['low', 'medium', 'high', 'extreme'];
  const used = async () => {
    await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  let current = CHOICES;
  let afterOne = 0;
  let partsOne: HeapParts | undefined;
  for (let change = 1; change <= 50; change += 1) {
    const [name, value] =
      change % 2 === 1
        ? ['backend_technology', backends[change % backends.length]!]
        : ['expected_load', loads[change % loads.length]!];
    const next = { ...current, [name]: value };
    let needle: string | undefined;
    try {
      needle = distinctiveLine(template, current, next);
    } catch {
      needle = undefined; // this change leaves the code as it was: nothing new to wait for
    }
    if (needle) {
      await changeOnce(page, name, value, needle);
    } else {
      await page.selectOption(`#guide-choice-${name}`, value);
      await page.waitForTimeout(100);
    }
    current = next;
    if (change === 1) {
      afterOne = await used();
      partsOne = await heapParts(cdp);
    }
  }
  const afterFifty = await used();
  const partsFifty = await heapParts(cdp);
  await context.close();
  // The page's own data: the snapshot without compiled code and DevTools' network records.
  const data = (parts: HeapParts) => parts.total - parts.code - parts.devtools;
  return {
    afterOne,
    afterFifty,
    growth: afterFifty / afterOne - 1,
    snapshot: { afterOne: partsOne!, afterFifty: partsFifty },
    dataGrowth: data(partsFifty) / data(partsOne!) - 1,
  };
}

function log(message: string) {
  process.stderr.write(`bench: ${message}\n`);
}

await main();
