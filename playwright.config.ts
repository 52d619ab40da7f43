import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium';

// E2E_PORT and E2E_DIST let several people run the suite at once on one machine, each against
// their own build (`vite build --outDir $E2E_DIST`).
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUT ?? 'test-results',
  // Two workers on a two-core machine: web-first assertions get room for a busy CPU.
  workers: 2,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: [...CHROMIUM_ARGS] },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: {
    command: `npx vite preview --configLoader runner --port ${port} --strictPort --outDir ${dist}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
  },
});
