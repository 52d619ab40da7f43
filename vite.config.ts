import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { compiledTemplates } from './scripts/template-plugin';

export default defineConfig({
  plugins: [react(), compiledTemplates()],
  build: {
    target: 'es2022',
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
