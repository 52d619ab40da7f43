import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { TEMPLATE_VERSION, VERSION_PATTERN } from './support/template-version';

// Config files built to break the reader: nesting that overflows a recursive parser, thousands
// of problems. The banner names the problem, stays short, says once that nothing changed, and
// the guide is left as it was.

const QUERY =
  'api_architecture=grpc&backend_technology=go&expected_load=high&data_complexity=real-time&performance_targets=sub-100ms&infrastructure=containerized';
const OTHER = {
  api_architecture: 'rest',
  backend_technology: 'nodejs',
  expected_load: 'low',
  data_complexity: 'simple-crud',
  performance_targets: 'sub-1s',
  infrastructure: 'traditional',
};
const MAX_PROBLEMS = 64;

function notImported(page: Page, name: string) {
  return page.getByRole('alert', { name: `${name} was not imported` });
}

/** Opens the guide and waits for the app's canonical link; returns that link. */
async function openGuide(page: Page, open: (query: string) => Promise<void>): Promise<string> {
  await open(QUERY);
  await expect(page).toHaveURL(new RegExp(`&v=${VERSION_PATTERN}$`));
  return page.url();
}

test.describe('a config file that breaks the reader', () => {
  test('10,000 unclosed [ : the banner names the nesting and where, the guide is unchanged', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    const before = await openGuide(page, (query) => guidePage.open(query));
    await exportPanel.pickFile(exportPanel.importConfig, 'deep.json', '['.repeat(10_000));
    const banner = notImported(page, 'deep.json');
    await expect(banner.getByRole('listitem')).toHaveText([
      /^The file nests brackets more than 8 levels deep \(line 1, column 9\); a config file has two levels, like \{"template": "api_performance_optimization", /,
    ]);
    await expect(banner).toContainText('Nothing was changed. Fix the file or choose another one.');
    await expect(banner).not.toContainText('out of date');
    expect(page.url()).toBe(before);
    await expect(guidePage.title).toContainText('gRPC API');
    expect(pageProblems.list).toEqual([]);
  });

  test('3,500 unknown settings: at most 64 items, the last one counts the rest', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    const unknown = Object.fromEntries(
      Array.from({ length: 3500 }, (_, index) => [`k${index}`, 'x']),
    );
    const file = JSON.stringify({
      template: 'api_performance_optimization',
      version: TEMPLATE_VERSION,
      choices: { ...OTHER, ...unknown },
    });
    expect(file.length).toBeLessThan(64 * 1024);
    const before = await openGuide(page, (query) => guidePage.open(query));
    await exportPanel.pickFile(exportPanel.importConfig, 'many.json', file);
    const banner = notImported(page, 'many.json');
    const items = banner.getByRole('listitem');
    await expect(items).toHaveCount(MAX_PROBLEMS);
    await expect(items.first()).toHaveText('“k0” is not a setting of this guide.');
    await expect(items.last()).toHaveText('… and 3,437 more: 3,437 unknown settings.');
    await expect(banner).toContainText('Nothing was changed. Fix the file or choose another one.');
    // It was 201,990 characters, one "ignored" per key under "nothing was changed".
    const text = (await banner.textContent()) ?? '';
    expect(text.length).toBeLessThan(4000);
    expect(text).not.toMatch(/ignored/);

    // The list scrolls inside the banner, and a keyboard reaches it to scroll it.
    const list = banner.getByRole('list', { name: `Problems (${MAX_PROBLEMS})` });
    const box = await list.evaluate((element) => ({
      scrolls: element.scrollHeight > element.clientHeight,
      height: element.getBoundingClientRect().height,
    }));
    expect(box.scrolls).toBe(true);
    expect(box.height).toBeLessThan(300);
    await list.focus();
    await expect(list).toBeFocused();
    await page.keyboard.press('End');
    await expect(items.last()).toBeInViewport();
    await expectNoAxeViolations(page, 'a banner of 64 problems');

    expect(page.url()).toBe(before);
    await expect(guidePage.title).toContainText('gRPC API');
    expect(pageProblems.list).toEqual([]);
  });

  test('a reader that cannot be loaded says the page is out of date, and changes nothing', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    const before = await openGuide(page, (query) => guidePage.open(query));
    await page.route('**/assets/read-config-file-*.js', (route) => route.abort());
    await exportPanel.pickFile(exportPanel.importConfig, 'config.json', '{}');
    await expect(notImported(page, 'config.json')).toContainText(
      'The file could not be read because the page is out of date.',
    );
    expect(page.url()).toBe(before);
    expect(pageProblems.list).toEqual([
      expect.stringMatching(/^request failed: .*read-config-file-.*\.js/),
      expect.stringMatching(/^console error: /),
    ]);
  });

  test('a bug in the reader shows as a bug, not as an out-of-date page', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    const before = await openGuide(page, (query) => guidePage.open(query));
    // The reader checks the bytes for NUL with Uint8Array#includes: make that throw.
    await page.evaluate(() => {
      Uint8Array.prototype.includes = () => {
        throw new Error('simulated reader bug');
      };
    });
    await exportPanel.pickFile(exportPanel.importConfig, 'config.json', '{}');
    await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('simulated reader bug');
    await expect(page.getByText('out of date')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Your link' })).toHaveValue(before);
    expect(pageProblems.list.some((problem) => problem.includes('simulated reader bug'))).toBe(
      true,
    );
  });
});
