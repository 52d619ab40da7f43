import type { Page } from '@playwright/test';

/** The export actions: share, download all, config, markdown, import; and per-block actions. */
export class ExportPanel {
  constructor(readonly page: Page) {}
}
