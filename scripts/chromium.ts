import { existsSync } from 'node:fs';

/** Debian's Chromium where it is installed (CI, this machine); Playwright's own browser elsewhere. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const chromiumPath: string | undefined = existsSync(SYSTEM_CHROMIUM)
  ? SYSTEM_CHROMIUM
  : undefined;

/** How every headless Chromium of the project starts: the e2e suite, the bench, Lighthouse. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
