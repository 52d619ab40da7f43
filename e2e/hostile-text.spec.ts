import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { marked } from 'marked';
import { expect, test } from './fixtures';

// Free-text values reach the guide's prose and code in templates of this family (the shipped
// one has only options). Through the real CLI: values that could become markup are refused,
// and what is accepted stays text in the exported Markdown, even for another Markdown viewer:
// rendered to HTML in a browser it makes no request, no image and no link.

const SPRINT = 'src/engine/__fixtures__/sprint-planning.md';

async function cli(product: string) {
  const out = join(await mkdtemp(join(tmpdir(), 'apw-hostile-')), 'out');
  const args = ['bin/api-perf-wizard.js', 'render', '--template', SPRINT, '--out', out];
  for (const set of ['sprint_number=7', 'team_size=5', `product_name=${product}`]) {
    args.push('--set', set);
  }
  try {
    await promisify(execFile)(process.execPath, args);
    return { code: 0, stderr: '', guide: await readFile(join(out, 'guide.md'), 'utf8') };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr, guide: undefined };
  }
}

test.describe('free text in a guide', () => {
  for (const value of [
    'Acme ![x](https://example.invalid/pixel.png)',
    'Acme `code` and ```fence',
    'Acme <img src="https://example.invalid/x.png">',
    'Acme | injected | cells',
  ]) {
    test(`is refused when it could become markup: ${value}`, async () => {
      const result = await cli(value);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('must not contain ` < > [ ] | \\ or ~~~');
    });
  }

  test('that is accepted stays text in the Markdown, and makes no request when shown', async ({
    page,
  }) => {
    const value =
      'Acme https://example.invalid/x.png www.example.invalid ops@example.invalid *b* _e_ ~~s~~ # &amp; (!)';
    const result = await cli(value);
    expect(result.code).toBe(0);
    const requests: string[] = [];
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    await page.setContent(await marked.parse(result.guide ?? ''));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Sprint 7 Planning: ${value}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading.locator('a, img, em, strong, del, code')).toHaveCount(0);
    await expect(page.locator('img')).toHaveCount(0);
    await expect(page.locator('a[href*="example.invalid"]')).toHaveCount(0);
    expect(requests).toEqual([]);
  });
});
