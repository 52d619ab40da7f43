import { expect, test } from './fixtures';

test('the start page shows the shipped template, compiled at build time, and credits it', async ({
  startPage,
  pageProblems,
}) => {
  await startPage.goto();

  await expect(startPage.heading).toHaveText('API Performance Optimization Guide');
  await expect(startPage.main).toContainText('Comprehensive API performance optimization');
  await expect(startPage.page.getByRole('link', { name: 'jezweb/prompts' })).toHaveAttribute(
    'href',
    'https://github.com/jezweb/prompts',
  );
  expect(pageProblems.list).toEqual([]);
});
