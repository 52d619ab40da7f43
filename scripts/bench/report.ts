import type { LoadedFile } from './bytes';
import type { HeapParts } from './heap-snapshot';
import type { Summary } from './stats';

interface Totals {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BenchReport {
  date: string;
  machine: string;
  runs: number;
  bytes: {
    firstScreen: { files: LoadedFile[]; js: Totals; all: Totals };
    guideView: { files: LoadedFile[]; js: Totals; all: Totals };
  };
  coldOpen: {
    app: { text: Summary; firstViewport: Summary; all: Summary; longestTask: Summary };
    baseline: { text: Summary; all: Summary };
  };
  change: { text: Summary; highlighted: Summary; longestTask: Summary };
  heap: {
    afterOne: number;
    afterFifty: number;
    growth: number;
    snapshot: { afterOne: HeapParts; afterFifty: HeapParts };
    dataGrowth: number;
  };
  lighthouse: Record<
    'performance' | 'accessibility' | 'bestPractices' | 'seo' | 'lcp' | 'tbt',
    Summary
  >;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (summary: Summary) =>
  `${summary.median.toFixed(0)} ms (${summary.min.toFixed(0)}–${summary.max.toFixed(0)})`;
const ratio = (ours: Summary, baseline: Summary) =>
  `${(ours.median / baseline.median).toFixed(2)}×`;
const dataOf = (parts: HeapParts) => parts.total - parts.code - parts.devtools;
const score = (summary: Summary) => `${summary.median} (${summary.min}–${summary.max})`;

/** The results as Markdown tables: what `npm run bench` prints and what the README shows. */
export function markdownReport(report: BenchReport): string {
  const { bytes, coldOpen, change, heap, lighthouse } = report;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const rows: string[] = [
    `Measured ${report.date.slice(0, 10)} on ${report.machine}; ${report.runs} runs of each timing, median (min–max).`,
    '',
    '| Measure | Result | Target | |',
    '| --- | --- | --- | --- |',
    `| First screen JS, gzip | ${kb(bytes.firstScreen.js.gzip)} (brotli ${kb(bytes.firstScreen.js.brotli)}) | ≤ 100 KB | ${verdict(bytes.firstScreen.js.gzip <= 100 * 1024)} |`,
    `| Full guide view, all files, gzip | ${kb(bytes.guideView.all.gzip)} (brotli ${kb(bytes.guideView.all.brotli)}) | ≤ 250 KB | ${verdict(bytes.guideView.all.gzip <= 250 * 1024)} |`,
    `| Cold open: guide text visible | ${ms(coldOpen.app.text)}; baseline ${ms(coldOpen.baseline.text)} | ≤ 1.5× baseline | ${ratio(coldOpen.app.text, coldOpen.baseline.text)} ${verdict(coldOpen.app.text.median <= 1.5 * coldOpen.baseline.text.median)} |`,
    !Number.isFinite(coldOpen.app.firstViewport.median)
      ? '| Cold open: first-viewport code highlighted | no code block in the first viewport | — | |'
      : `| Cold open: first-viewport code highlighted | ${ms(coldOpen.app.firstViewport)} | — | ${ratio(coldOpen.app.firstViewport, coldOpen.baseline.all)} of baseline |`,
    `| Cold open: every block highlighted | ${ms(coldOpen.app.all)}; baseline ${ms(coldOpen.baseline.all)} | ≤ 3× baseline | ${ratio(coldOpen.app.all, coldOpen.baseline.all)} ${verdict(coldOpen.app.all.median <= 3 * coldOpen.baseline.all.median)} |`,
    `| Cold open: longest main-thread task | ${ms(coldOpen.app.longestTask)} | ≤ 50 ms | ${verdict(coldOpen.app.longestTask.max <= 50)} |`,
    `| Choice change: new text visible | ${ms(change.text)} | within one frame (≤ 16.7 ms) | ${verdict(change.text.median <= 16.7)} |`,
    `| Choice change: changed blocks highlighted | ${ms(change.highlighted)} | ≤ 150 ms median | ${verdict(change.highlighted.median <= 150)} |`,
    `| Choice change: longest main-thread task | ${ms(change.longestTask)} | ≤ 50 ms | ${verdict(change.longestTask.max <= 50)} |`,
    `| JS heap after 50 changes vs after 1 | ${kb(heap.afterFifty)} vs ${kb(heap.afterOne)} (${(heap.growth * 100).toFixed(1)}%) | within 10% | ${verdict(Math.abs(heap.growth) <= 0.1)} |`,
    `| … of which compiled code (heap snapshot) | ${kb(heap.snapshot.afterFifty.code)} vs ${kb(heap.snapshot.afterOne.code)} | — | |`,
    `| … the page's data without compiled code | ${kb(dataOf(heap.snapshot.afterFifty))} vs ${kb(dataOf(heap.snapshot.afterOne))} (${(heap.dataGrowth * 100).toFixed(1)}%) | — | |`,
    `| Lighthouse performance (mobile, simulated) | ${score(lighthouse.performance)}; LCP ${ms(lighthouse.lcp)}, TBT ${ms(lighthouse.tbt)} | ≥ 95 | ${verdict(lighthouse.performance.median >= 95)} |`,
    `| Lighthouse accessibility | ${score(lighthouse.accessibility)} | 100 | ${verdict(lighthouse.accessibility.median === 100)} |`,
    `| Lighthouse best practices | ${score(lighthouse.bestPractices)} | 100 | ${verdict(lighthouse.bestPractices.median === 100)} |`,
    `| Lighthouse SEO | ${score(lighthouse.seo)} | — | |`,
    '',
    '| Chunk (full guide view) | raw | gzip | brotli |',
    '| --- | --- | --- | --- |',
    ...bytes.guideView.files.map(
      (file) =>
        `| ${file.group} \`${file.path.split('/').at(-1)}\` | ${kb(file.raw)} | ${kb(file.gzip)} | ${kb(file.brotli)} |`,
    ),
    `| **first screen (${bytes.firstScreen.files.length} files)** | ${kb(bytes.firstScreen.all.raw)} | ${kb(bytes.firstScreen.all.gzip)} | ${kb(bytes.firstScreen.all.brotli)} |`,
    `| **full guide view (${bytes.guideView.files.length} files)** | ${kb(bytes.guideView.all.raw)} | ${kb(bytes.guideView.all.gzip)} | ${kb(bytes.guideView.all.brotli)} |`,
    '',
  ];
  return rows.join('\n');
}

export function printReport(report: BenchReport): void {
  process.stdout.write(`${markdownReport(report)}\nJSON: bench-results/bench.json\n`);
}
