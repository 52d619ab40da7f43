import { expect, test } from './fixtures';

test('the start page loads cleanly', async ({ startPage, pageProblems }) => {
  await startPage.goto();

  await expect(startPage.heading).toBeVisible();
  await expect(startPage.heading).toHaveText('API Performance Wizard');
  await expect(startPage.main).toBeVisible();
  expect(pageProblems.list).toEqual([]);
});
