import type { Locator, Page } from '@playwright/test';

/** The first screen a visitor sees at `/`. */
export class StartPage {
  readonly heading: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.main = page.getByRole('main');
  }

  async goto() {
    await this.page.goto('/');
  }
}
