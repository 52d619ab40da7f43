import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG 2.x A/AA rules, plus landmarks and a level-one heading. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Fails with the list of violations when axe finds any on the page once its transitions end. (withTags and
 * withRules each replace axe's runOnly, so both sets are given in one options object.)
 */
export async function expectNoAxeViolations(page: Page, label: string) {
  // Colours fade in 120 ms after a theme change (the option cards' transition): axe must see
  // the page as it ends up, not half way between two palettes.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {}))),
  );
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: TAGS },
      rules: { region: { enabled: true }, 'page-has-heading-one': { enabled: true } },
    })
    .analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(violations, `axe violations on ${label}`).toEqual([]);
}
