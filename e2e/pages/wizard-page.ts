import { expect, type Locator, type Page } from '@playwright/test';

/** The start screen, the steps of the wizard and the review. */
export class WizardPage {
  readonly heading: Locator;
  readonly startButton: Locator;
  readonly progress: Locator;
  /** The progress item marked as the current step. */
  readonly currentStep: Locator;
  readonly nextButton: Locator;
  readonly backButton: Locator;
  readonly showGuideButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.startButton = page.getByRole('button', { name: /^(Start|Continue)$/ });
    this.progress = page.getByRole('navigation', { name: 'Progress' });
    this.currentStep = this.progress.locator('[aria-current="step"]');
    this.nextButton = page.getByRole('button', { name: /^(Next|Review answers|Back to review)$/ });
    this.backButton = page.getByRole('button', { name: 'Back', exact: true });
    this.showGuideButton = page.getByRole('button', { name: 'Show my guide' });
    this.error = page.getByRole('alert');
  }

  async open(query = '') {
    await this.page.goto(query ? `/?${query.replace(/^\?/, '')}` : '/');
  }

  /** The option card's radio, by its label. */
  option(label: string): Locator {
    return this.page.getByRole('radio', { name: label, exact: true });
  }

  /** A step in the progress indicator, by its step name (e.g. "Backend"). */
  progressStep(name: string): Locator {
    return this.progress.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  editButton(step: string): Locator {
    return this.page.getByRole('button', { name: `Edit ${step}`, exact: true });
  }

  /** The review's row for a step: its name, the answer and the Edit button. */
  reviewRow(step: string): Locator {
    return this.page.locator('dl > div').filter({
      has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${step}$`) }),
    });
  }

  /** Picks an option by clicking its card and goes on. */
  async answerWithMouse(label: string) {
    await this.page.getByRole('group').getByText(label, { exact: true }).click();
    await expect(this.option(label)).toBeChecked();
    await this.nextButton.click();
  }

  /** Presses Tab until the locator has focus; fails after `limit` presses. */
  async tabTo(target: Locator, limit = 30) {
    for (let i = 0; i < limit; i += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    await expect(target).toBeFocused();
  }
}
