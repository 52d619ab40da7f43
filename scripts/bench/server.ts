import { build, preview, type PreviewServer } from 'vite';

export const BENCH_DIST = 'dist-bench';

/** Builds the production app into dist-bench, quietly. */
export async function buildApp(): Promise<void> {
  await build({
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir: BENCH_DIST, emptyOutDir: true },
  });
}

/** Serves dist-bench with `vite preview` (the same server the e2e suite uses). */
export async function serve(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir: BENCH_DIST },
    preview: { port, strictPort: true },
  });
  return { url: `http://localhost:${port}`, close: () => server.close() };
}
