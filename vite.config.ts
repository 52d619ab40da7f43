import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precomputedHighlights } from './scripts/highlight-plugin';
import { compiledTemplates } from './scripts/template-plugin';

export default defineConfig({
  plugins: [react(), compiledTemplates(), precomputedHighlights()],
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
  preview: {
    port: 4173,
    strictPort: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
  },
});
