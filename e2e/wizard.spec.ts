import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { WizardPage } from './pages/wizard-page';
import { expectNoAxeViolations } from './support/axe';
import { screenshotThemes } from './support/screenshots';
import { TEMPLATE_VERSION } from './support/template-version';

type Answer = {
  step: string;
  question: string;
  param: string;
  value: string;
  label: string;
  /** The option's position in its group, for the arrow keys. */
  position: number;
};

const STEPS = [
  ['Architecture', 'What kind of API are you building?', 'api_architecture'],
  ['Backend', 'What is the backend written in?', 'backend_technology'],
  ['Load', 'How much traffic do you expect at peak?', 'expected_load'],
  ['Data', 'What does a typical request do with data?', 'data_complexity'],
  ['Targets', 'What response time do you need?', 'performance_targets'],
  ['Infrastructure', 'Where does it run?', 'infrastructure'],
] as const;

function answers(picks: [string, string, number][]): Answer[] {
  return STEPS.map(([step, question, param], index) => {
    const [value, label, position] = picks[index] ?? ['', '', 0];
    return { step, question, param, value, label, position };
  });
}

const MOUSE = answers([
  ['grpc', 'gRPC', 2],
  ['go', 'Go', 3],
  ['high', 'High', 2],
  ['real-time', 'Real-time', 2],
  ['sub-100ms', 'Under 100 ms', 0],
  ['containerized', 'Containers', 1],
]);

const KEYBOARD = answers([
  ['rest', 'REST', 0],
  ['rust', 'Rust', 4],
  ['extreme', 'Extreme', 3],
  ['simple-crud', 'Simple CRUD', 0],
  ['throughput-focused', 'Throughput first', 3],
  ['serverless', 'Serverless', 2],
]);

const queryOf = (list: Answer[]) =>
  `${list.map((answer) => `${answer.param}=${answer.value}`).join('&')}&v=${TEMPLATE_VERSION}`;

async function expectStep(wizardPage: WizardPage, answer: Answer, index: number) {
  await expect(wizardPage.heading).toHaveText(answer.question);
  await expect(wizardPage.heading).toBeFocused();
  await expect(wizardPage.page).toHaveTitle(
    `Step ${index + 1} of 6 — ${answer.step} · API Performance Wizard`,
  );
  await expect(wizardPage.currentStep).toContainText(answer.step);
}

async function expectGuide(page: Page, list: Answer[]) {
  await expect(page).toHaveURL((url) => url.search === `?${queryOf(list)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `API Performance Optimization: ${list[0]?.label ?? ''} API`,
  );
}

test('the start screen says what the guide is, what it asks, and offers one way in', async ({
  wizardPage,
  pageProblems,
}) => {
  await wizardPage.open();
  await expect(wizardPage.heading).toHaveText('API Performance Optimization Guide');
  const main = wizardPage.page.getByRole('main');
  await expect(main).toContainText('Comprehensive API performance optimization');
  await expect(main).toContainText('Advanced');
  await expect(main.getByRole('listitem').filter({ hasText: /^caching$/ })).toBeVisible();
  for (const [step, question] of STEPS) {
    await expect(
      main.getByRole('listitem').filter({ hasText: new RegExp(`^${step}`) }),
    ).toContainText(question);
  }
  await expect(main.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(main).toContainText('6 questions');
  await expect(main).toContainText('nothing you choose is sent anywhere');
  await expect(wizardPage.page).toHaveTitle('API Performance Wizard');

  for (const colorScheme of ['light', 'dark'] as const) {
    await wizardPage.page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(wizardPage.page, `start screen (${colorScheme})`);
  }
  await screenshotThemes(wizardPage.page, 'start');
  expect(pageProblems.list).toEqual([]);
});

test('the wizard can be completed with the mouse', async ({ wizardPage, page, pageProblems }) => {
  await wizardPage.open();
  await wizardPage.startButton.click();
  for (const [index, answer] of MOUSE.entries()) {
    await expectStep(wizardPage, answer, index);
    if (index === 3) {
      // Clicking a card, then Enter, goes on as Next does.
      await page.getByRole('group').getByText(answer.label, { exact: true }).click();
      await page.keyboard.press('Enter');
    } else {
      await wizardPage.answerWithMouse(answer.label);
    }
  }
  await expect(wizardPage.heading).toHaveText('Review your answers');
  await expect(wizardPage.heading).toBeFocused();
  await expect(page).toHaveTitle('Review your answers · API Performance Wizard');
  for (const answer of MOUSE) {
    await expect(wizardPage.reviewRow(answer.step)).toContainText(answer.label);
  }
  await wizardPage.showGuideButton.click();
  await expectGuide(page, MOUSE);
  expect(pageProblems.list).toEqual([]);
});

test('the wizard can be completed with the keyboard alone', async ({
  wizardPage,
  page,
  pageProblems,
}) => {
  await wizardPage.open();
  await wizardPage.tabTo(wizardPage.startButton);
  await page.keyboard.press('Enter');
  for (const [index, answer] of KEYBOARD.entries()) {
    await expectStep(wizardPage, answer, index);
    // From the heading, Tab enters the group; arrows move and select; Space selects the first.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio').first()).toBeFocused();
    if (answer.position === 0) await page.keyboard.press('Space');
    for (let i = 0; i < answer.position; i += 1) await page.keyboard.press('ArrowDown');
    await expect(wizardPage.option(answer.label)).toBeFocused();
    await expect(wizardPage.option(answer.label)).toBeChecked();
    await page.keyboard.press('Enter');
  }
  await expect(wizardPage.heading).toHaveText('Review your answers');
  await expect(wizardPage.heading).toBeFocused();
  await wizardPage.tabTo(wizardPage.showGuideButton);
  await page.keyboard.press('Enter');
  await expectGuide(page, KEYBOARD);
  expect(pageProblems.list).toEqual([]);
});

test('Next without an answer explains what is missing, tied to the group', async ({
  wizardPage,
  page,
  pageProblems,
}) => {
  await wizardPage.open();
  await wizardPage.startButton.click();
  await wizardPage.nextButton.click();
  await expect(wizardPage.error).toContainText('Choose one option to continue.');
  await expect(page.getByRole('group', { name: STEPS[0][1] })).toHaveAccessibleDescription(
    'Choose one option to continue.',
  );
  await expect(page.getByRole('radio').first()).toBeFocused();
  await expect(wizardPage.heading).toHaveText(STEPS[0][1]);
  await wizardPage.option('REST').check();
  await expect(wizardPage.error).toHaveText('');
  await wizardPage.nextButton.click();
  await expect(wizardPage.heading).toHaveText(STEPS[1][1]);
  expect(pageProblems.list).toEqual([]);
});

test('the progress indicator revisits answered steps and keeps future ones closed', async ({
  wizardPage,
  page,
  pageProblems,
}) => {
  await wizardPage.open();
  await wizardPage.startButton.click();
  for (const answer of MOUSE.slice(0, 3)) await wizardPage.answerWithMouse(answer.label);
  await expectStep(wizardPage, MOUSE[3]!, 3);

  for (const answer of MOUSE.slice(0, 3)) {
    await expect(wizardPage.progressStep(answer.step)).toHaveAccessibleName(
      `${answer.step}: ${answer.label} (completed)`,
    );
  }
  // Steps after the current, unanswered one cannot be jumped to yet.
  await expect(wizardPage.progress.getByRole('button')).toHaveCount(3);
  await expect(wizardPage.progress.getByRole('listitem').last()).toContainText('Review');

  await wizardPage.progressStep('Backend').click();
  await expectStep(wizardPage, MOUSE[1]!, 1);
  await expect(wizardPage.option('Go')).toBeChecked();
  await wizardPage.option('Rust').check();
  await expect(page).toHaveURL(/backend_technology=rust/);
  await expect(wizardPage.progressStep('Load')).toBeVisible();
  // The first unanswered step is open to jump to, as the next one to answer.
  await wizardPage.progressStep('Data').click();
  await expectStep(wizardPage, MOUSE[3]!, 3);
  await expect(wizardPage.progressStep('Backend')).toContainText('Rust');
  expect(pageProblems.list).toEqual([]);
});

test('on a phone the progress is one line and a bar, and unfolds to the full list', async ({
  wizardPage,
  page,
  pageProblems,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await wizardPage.open('api_architecture=grpc&backend_technology=go');
  await expect(wizardPage.progress.getByText('Step 3 of 6 — Load')).toBeVisible();
  await expect(wizardPage.progressStep('Backend')).toBeHidden();
  const toggle = wizardPage.progress.getByRole('button', { name: 'All steps' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(wizardPage.progress.getByRole('button', { name: 'Hide steps' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await wizardPage.progressStep('Backend').click();
  await expectStep(wizardPage, MOUSE[1]!, 1);
  await expect(wizardPage.progress.getByText('Step 2 of 6 — Backend')).toBeVisible();
  await expect(wizardPage.progressStep('Architecture')).toBeHidden();
  expect(pageProblems.list).toEqual([]);
});

test('Edit in the review opens the step and Next leads back to the review', async ({
  wizardPage,
  page,
  pageProblems,
}) => {
  // A link with five answers opens at the sixth; answering it leads to the review.
  await wizardPage.open(queryOf(MOUSE.slice(0, 5)));
  await expectStep(wizardPage, MOUSE[5]!, 5);
  await wizardPage.answerWithMouse(MOUSE[5]!.label);
  await expect(wizardPage.heading).toHaveText('Review your answers');

  await wizardPage.editButton('Backend').click();
  await expectStep(wizardPage, MOUSE[1]!, 1);
  await expect(wizardPage.option('Go')).toBeChecked();
  await wizardPage.option('Java').check();
  await expect(wizardPage.nextButton).toHaveText(/Back to review/);
  await wizardPage.nextButton.click();
  await expect(wizardPage.heading).toHaveText('Review your answers');
  await expect(wizardPage.heading).toBeFocused();
  await expect(wizardPage.reviewRow('Backend')).toContainText('JVM services, e.g. Spring Boot');
  await expect(page).toHaveURL(/backend_technology=java/);
  await wizardPage.showGuideButton.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'API Performance Optimization: gRPC API',
  );
  expect(pageProblems.list).toEqual([]);
});

test('a partial link opens at the first unanswered step; reload and history keep it', async ({
  wizardPage,
  page,
  pageProblems,
}) => {
  await wizardPage.open('api_architecture=grpc&backend_technology=go');
  await expectStep(wizardPage, MOUSE[2]!, 2);
  await expect(wizardPage.progressStep('Architecture')).toHaveAccessibleName(
    'Architecture: gRPC (completed)',
  );
  await expect(wizardPage.progressStep('Backend')).toHaveAccessibleName('Backend: Go (completed)');

  await page.reload();
  await expectStep(wizardPage, MOUSE[2]!, 2);
  await wizardPage.answerWithMouse('High');
  await expectStep(wizardPage, MOUSE[3]!, 3);
  await page.reload();
  await expectStep(wizardPage, MOUSE[3]!, 3);
  await expect(wizardPage.progressStep('Load')).toContainText('High');

  await page.goBack();
  await expectStep(wizardPage, MOUSE[2]!, 2);
  await expect(wizardPage.option('High')).toBeChecked();
  await page.goForward();
  await expectStep(wizardPage, MOUSE[3]!, 3);
  await expect(page).toHaveURL(/api_architecture=grpc&backend_technology=go&expected_load=high/);
  expect(pageProblems.list).toEqual([]);
});

test('every step and the review pass axe in light and dark; screenshots', async ({
  wizardPage,
  page,
  pageProblems,
}) => {
  test.setTimeout(180_000);
  await wizardPage.open();
  await wizardPage.startButton.click();
  for (const [index, answer] of MOUSE.entries()) {
    await expectStep(wizardPage, answer, index);
    if (index === 1) {
      await wizardPage.option(answer.label).check();
      await screenshotThemes(page, 'step');
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `step ${answer.step} (${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: null });
    await wizardPage.answerWithMouse(answer.label);
  }
  await expect(wizardPage.heading).toHaveText('Review your answers');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `review (${colorScheme})`);
  }
  await screenshotThemes(page, 'review');
  expect(pageProblems.list).toEqual([]);
});
