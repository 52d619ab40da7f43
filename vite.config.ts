import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precomputedHighlights } from './scripts/highlight-plugin';
import { securityHeaders } from './scripts/security-headers';
import { securityHeadersFile } from './scripts/security-headers-plugin';
import { compiledTemplates } from './scripts/template-plugin';

export default defineConfig({
  plugins: [react(), compiledTemplates(), precomputedHighlights(), securityHeadersFile()],
  build: {
    target: 'es2022',
    // A manifest lets the byte budget test find what each screen loads.
    manifest: true,
    rolldownOptions: {
      output: {
        // React changes less often than the app: its own chunk stays cached across releases.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  // Module workers, so the highlighter worker can load each grammar as its own chunk on demand
  // (the default 'iife' format inlines every dynamic import into one file).
  // The guide worker imports the compiled template too.
  worker: {
    format: 'es',
    plugins: () => [compiledTemplates()],
  },
  server: {
    port: 5173,
  },
  // The dev server has no CSP: its HMR client needs inline scripts. The preview server serves the
  // production headers, so the e2e suite runs under them (scripts/security-headers.ts).
  preview: {
    port: 4173,
    strictPort: true,
    headers: { ...securityHeaders },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Any depth: scripts/typecheck/node_modules holds packages that ship their own *.test.ts.
    exclude: ['e2e/**', '**/node_modules/**', 'dist/**'],
    environment: 'node',
  },
});
