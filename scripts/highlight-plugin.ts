import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Logger, Plugin } from 'vite';
import { loadTemplateFile } from '../src/cli/load-template-file';
import { HIGHLIGHT_ASSET_DIR } from '../src/features/guide/highlight/highlight-key';
import { allChoices } from './highlight/shipped-blocks';

const PRECOMPUTE = fileURLToPath(new URL('./highlight/precompute-main.ts', import.meta.url));

interface Report {
  assets: Record<string, string>;
  guides: number;
  tokenized: number;
  fromCache: boolean;
}

/** precompute-main.ts in a child process (tsx runs the TypeScript); null when skipped. */
async function precompute(): Promise<Report | null> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', PRECOMPUTE], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Report | null;
}

/**
 * In `vite build`, writes the colours of every code block the shipped template can show as
 * `assets/hl/<key>.json` (see src/features/guide/highlight/highlight-key.ts), so the page
 * colours code with one small fetch per block instead of a highlighter. Code the build did
 * not see (another template, a dev server) is highlighted by the worker as before.
 */
export function precomputedHighlights(): Plugin {
  let outDir = '';
  let logger: Logger | undefined;
  let started = 0;
  let report: Promise<Report | null> | undefined;
  return {
    name: 'precomputed-highlights',
    apply: 'build',
    async config() {
      const loaded = await loadTemplateFile();
      if ('errors' in loaded || !allChoices(loaded.template)) return undefined;
      // Tells the page the assets exist, so it fetches them instead of starting the worker.
      return { define: { 'import.meta.env.VITE_PRECOMPUTED_HIGHLIGHTS': JSON.stringify('true') } };
    },
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      logger = config.logger;
    },
    buildStart() {
      started = performance.now();
      report = precompute();
      // Awaited in writeBundle; until then a failure must not count as unhandled.
      report.catch(() => undefined);
    },
    // Written beside the bundle rather than emitted into it: 500 small files would drown the
    // build's size report, and nothing in the bundle refers to them by name.
    async writeBundle() {
      const done = await report;
      if (!done) {
        logger?.warn('precomputed highlights: the template cannot be enumerated; skipped');
        return;
      }
      const dir = join(outDir, HIGHLIGHT_ASSET_DIR);
      await mkdir(dir, { recursive: true });
      let bytes = 0;
      for (const [key, json] of Object.entries(done.assets)) {
        bytes += json.length;
        await writeFile(join(dir, `${key}.json`), json);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const source = done.fromCache ? 'all from cache' : `${done.tokenized} tokenized`;
      logger?.info(
        `precomputed highlights: ${Object.keys(done.assets).length} blocks of ${done.guides} ` +
          `guides (${source}), ${(bytes / 1024).toFixed(0)} KB in ${HIGHLIGHT_ASSET_DIR}/, ${seconds} s`,
      );
    },
  };
}
