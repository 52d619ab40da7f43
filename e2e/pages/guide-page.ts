import type { Locator, Page } from '@playwright/test';

/** The guide view: its header of choices, table of contents, prose and code blocks. */
export class GuidePage {
  readonly title: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1 });
  }

  async open(query: string) {
    await this.page.goto(`/?${query.replace(/^\?/, '')}`);
  }
}
