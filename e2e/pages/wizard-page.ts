import type { Locator, Page } from '@playwright/test';

/** The start screen, the steps of the wizard and the review. */
export class WizardPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async open(query = '') {
    await this.page.goto(query ? `/?${query.replace(/^\?/, '')}` : '/');
  }
}
