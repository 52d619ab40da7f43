import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { WizardPage } from './pages/wizard-page';

const STEPS = [
  ['Architecture', 'What kind of API are you building?'],
  ['Backend', 'What is the backend written in?'],
  ['Load', 'How much traffic do you expect at peak?'],
  ['Data', 'What does a typical request do with data?'],
  ['Targets', 'What response time do you need?'],
  ['Infrastructure', 'Where does it run?'],
] as const;

const COMPLETE =
  'api_architecture=grpc&backend_technology=go&expected_load=high&data_complexity=real-time&performance_targets=sub-100ms&infrastructure=containerized';

/** The step's question is the focused h1 and the page title says "Step n of 6 — Name". */
async function expectAtStep(wizardPage: WizardPage, index: number, how: string) {
  const [name, question] = STEPS[index]!;
  await expect(wizardPage.heading, how).toHaveText(question);
  await expect(wizardPage.heading, `${how}: focus on the question`).toBeFocused();
  await expect(wizardPage.page, how).toHaveTitle(
    `Step ${index + 1} of 6 — ${name} · API Performance Wizard`,
  );
}

async function expectAtReview(wizardPage: WizardPage, how: string) {
  await expect(wizardPage.heading, how).toHaveText('Review your answers');
  await expect(wizardPage.heading, `${how}: focus on the heading`).toBeFocused();
  await expect(wizardPage.page, how).toHaveTitle('Review your answers · API Performance Wizard');
}

function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLInputElement && active.type === 'radio')
      return `radio ${active.value}`;
    return active?.textContent?.trim() ?? '';
  });
}

test('every way of moving between screens puts focus on the heading and names the step', async ({
  page,
  wizardPage,
  pageProblems,
}) => {
  test.setTimeout(90_000);
  await wizardPage.open();
  await wizardPage.startButton.click();
  await expectAtStep(wizardPage, 0, 'Start');
  // Next with the mouse.
  await wizardPage.answerWithMouse('gRPC');
  await expectAtStep(wizardPage, 1, 'Next (click)');
  // Enter on a chosen radio.
  await wizardPage.option('Go').check();
  await page.keyboard.press('Enter');
  await expectAtStep(wizardPage, 2, 'Enter on a radio');
  // Space on the focused Next button.
  await wizardPage.option('High').check();
  await wizardPage.nextButton.focus();
  await page.keyboard.press('Space');
  await expectAtStep(wizardPage, 3, 'Space on Next');
  // Back, by click and by keyboard.
  await wizardPage.backButton.click();
  await expectAtStep(wizardPage, 2, 'Back (click)');
  await wizardPage.backButton.focus();
  await page.keyboard.press('Enter');
  await expectAtStep(wizardPage, 1, 'Back (Enter)');
  // The progress links, forward to the first unanswered step and back to an answered one.
  await wizardPage.progressStep('Data').click();
  await expectAtStep(wizardPage, 3, 'progress link forward');
  await wizardPage.progressStep('Architecture').focus();
  await page.keyboard.press('Enter');
  await expectAtStep(wizardPage, 0, 'progress link back (Enter)');
  await wizardPage.progressStep('Data').click();
  for (const [index, label] of [
    [3, 'Real-time'],
    [4, 'Under 100 ms'],
  ] as const) {
    await expectAtStep(wizardPage, index, 'Next');
    await wizardPage.answerWithMouse(label);
  }
  await expectAtStep(wizardPage, 5, 'Next');
  await wizardPage.answerWithMouse('Containers');
  await expectAtReview(wizardPage, 'Review answers');
  // Back from the review, and the review again from the progress list.
  await wizardPage.backButton.click();
  await expectAtStep(wizardPage, 5, 'Back from the review');
  await wizardPage.nextButton.click();
  await expectAtReview(wizardPage, 'Review answers again');
  await wizardPage.editButton('Load').click();
  await expectAtStep(wizardPage, 2, 'Edit');
  await wizardPage.nextButton.click();
  await expectAtReview(wizardPage, 'Back to review');
  // Back from the first step returns to the start screen, named after the app.
  await wizardPage.progressStep('Architecture').click();
  await expectAtStep(wizardPage, 0, 'progress link from the review');
  await wizardPage.backButton.click();
  await expect(wizardPage.startButton).toBeVisible();
  await expect(page).toHaveTitle('API Performance Wizard');
  await expect(wizardPage.heading, 'Back to the start: focus on its heading').toBeFocused();
  // The guide is named after itself.
  await wizardPage.startButton.click();
  await wizardPage.progressStep('Infrastructure').click();
  await wizardPage.nextButton.click();
  await expectAtReview(wizardPage, 'the review once more');
  await wizardPage.showGuideButton.click();
  await expect(page).toHaveTitle('API Performance Optimization: gRPC API · API Performance Wizard');
  expect(pageProblems.list).toEqual([]);
});

// Without it, focus falls to <body> once "Show my guide" is gone, and the guide opens at the
// review's scroll position.
test('arriving at the guide puts focus on its title and shows it from the top', async ({
  page,
  wizardPage,
  guidePage,
}) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await wizardPage.open(COMPLETE.replace('&infrastructure=containerized', ''));
  await wizardPage.answerWithMouse('Containers');
  await wizardPage.showGuideButton.click();
  await expect(guidePage.title).toBeFocused();
  await expect(guidePage.title).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('a radio group is one tab stop; arrows move and select; Space selects', async ({
  page,
  wizardPage,
  pageProblems,
}) => {
  await wizardPage.open('api_architecture=grpc');
  await expectAtStep(wizardPage, 1, 'a link with one answer');
  const radios = page.getByRole('radio');
  await expect(radios).toHaveCount(6);
  // None checked: Tab enters on the first; Space checks it.
  await page.keyboard.press('Tab');
  await expect(radios.first()).toBeFocused();
  await expect(radios.first()).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(radios.first()).toBeChecked();
  // Arrows move and check, both ways, wrapping at the ends.
  await page.keyboard.press('ArrowRight');
  await expect(radios.nth(1)).toBeFocused();
  await expect(radios.nth(1)).toBeChecked();
  await expect(radios.first()).not.toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(radios.nth(2)).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await expect(radios.first()).toBeFocused();
  await expect(radios.first()).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(radios.last()).toBeFocused();
  await expect(radios.last()).toBeChecked();
  await expect(page).toHaveURL(/backend_technology=dotnet/);
  // Tab leaves the group in one press: the next stop is Back, then Next.
  await page.keyboard.press('Tab');
  await expect(wizardPage.backButton).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(wizardPage.nextButton).toBeFocused();
  // Coming back (Shift+Tab, or Tab from the heading) lands on the checked radio, not the first.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(radios.last()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName(page), 'Shift+Tab leaves the group in one press').not.toMatch(/^radio /);
  await wizardPage.heading.focus();
  await page.keyboard.press('Tab');
  await expect(radios.last()).toBeFocused();
  expect(pageProblems.list).toEqual([]);
});

test('the missing-answer error is announced and tied to the group', async ({
  page,
  wizardPage,
  pageProblems,
}) => {
  await wizardPage.open('api_architecture=grpc&backend_technology=go');
  await expectAtStep(wizardPage, 2, 'a link with two answers');
  const group = page.getByRole('group', { name: STEPS[2][1] });
  // The live region is in the page before the error, so its content is announced when it comes.
  const live = page.locator('[role="alert"], [aria-live="assertive"], [aria-live="polite"]');
  await expect(live.filter({ hasText: 'Choose one option' })).toHaveCount(0);
  await expect(group).not.toHaveAttribute('aria-invalid', 'true');
  const regions = await live.count();
  expect(regions).toBeGreaterThan(0);

  await wizardPage.nextButton.click();
  const message = live.filter({ hasText: 'Choose one option to continue.' });
  await expect(message).toHaveCount(1);
  await expect(live).toHaveCount(regions);
  await expect(group).toHaveAttribute('aria-invalid', 'true');
  // aria-describedby points at the element that holds the error's text.
  const describedBy = (await group.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    describedBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  expect(texts.map((text) => text.replace(/^!\s*/, '').trim())).toContain(
    'Choose one option to continue.',
  );
  await expect(group).toHaveAccessibleDescription(/Choose one option to continue\./);
  // Answering clears the error and the invalid state.
  await page.keyboard.press('Space');
  await expect(message).toHaveCount(0);
  await expect(group).not.toHaveAttribute('aria-invalid', 'true');
  await expect(group).not.toHaveAccessibleDescription(/Choose one option/);
  expect(pageProblems.list).toEqual([]);
});

test.describe('confirmations', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copied and Downloaded are announced as status, and focus stays on the button', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    await guidePage.open(COMPLETE);
    const block = 'httpmetrics.go';
    await expect(exportPanel.copyButton(block)).toBeVisible();
    const presses = [
      { says: new RegExp(`^Copied ${block}$`), button: exportPanel.copyButton(block) },
      { says: new RegExp(`^Downloaded ${block}$`), button: exportPanel.downloadButton(block) },
      {
        says: /^Downloaded api_performance_optimization-.+\.zip$/,
        button: exportPanel.downloadAll,
      },
      {
        says: /^Downloaded api_performance_optimization-.+-project\.zip$/,
        button: exportPanel.downloadProject,
      },
      { says: /^Downloaded config\.json$/, button: exportPanel.downloadConfig },
      {
        says: /^Downloaded api_performance_optimization-.+\.md$/,
        button: exportPanel.downloadMarkdown,
      },
    ];
    for (const { says, button } of presses) {
      await button.focus();
      if (says.source.startsWith('^Copied')) await page.keyboard.press('Enter');
      else await exportPanel.download(button);
      await expect(exportPanel.status(says), says.source).toHaveCount(1);
      await expect(button, `${says.source}: focus stays on the button`).toBeFocused();
    }
    // Every status region is a polite one, never an alert that interrupts.
    for (const region of await page.getByRole('status').all()) {
      expect(await region.getAttribute('aria-live')).not.toBe('assertive');
    }
    expect(pageProblems.list).toEqual([]);
  });
});
