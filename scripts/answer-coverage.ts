/**
 * How much each answer tailors the guide: for every parameter and each of its values, whether
 * choosing it changes the guide beyond the lines that merely print a value's name, and for each
 * two values how many combinations of the other answers tell them apart. Issue 6 measured its
 * coverage with this, before and after.
 *
 *   npx tsx scripts/answer-coverage.ts [template.md]
 */
import { loadTemplateFile } from '../src/cli/load-template-file';
import { answerCoverage, proseCoverage } from './snippets/answers';

const loaded = await loadTemplateFile(process.argv[2]);
if ('errors' in loaded) throw new Error(loaded.errors.join('\n'));
const { pairs, values } = answerCoverage(loaded.template);
for (const parameter of new Set(values.map((value) => value.parameter))) {
  console.log(parameter);
  for (const value of values.filter((entry) => entry.parameter === parameter)) {
    console.log(`  ${value.own ? 'yes' : 'NO '}  ${value.value}`);
  }
  for (const pair of pairs.filter((entry) => entry.parameter === parameter)) {
    if (pair.differing < pair.bases) {
      console.log(
        `  ${pair.values.join(' = ')} in ${pair.bases - pair.differing} of ${pair.bases} combinations`,
      );
    }
  }
}
const own = values.filter((value) => value.own).length;
const apart = pairs.filter((pair) => pair.differing === pair.bases).length;
console.log(`\n${own} of ${values.length} (parameter, value) pairs have content of their own.`);
console.log(
  `${apart} of ${pairs.length} pairs of values differ under every combination of the other answers.`,
);

// Prose of its own, numbers masked: the advice changes, not just a number or a name.
const prose = proseCoverage(loaded.template, Number(process.env.COVERAGE_EVERY ?? 7));
const order = (section: string): string => (/^\d+$/.test(section) ? `1${section}` : `0${section}`);
console.log('\n| Answer | Value | Sections whose prose is its own (numbers masked) |');
console.log('| --- | --- | --- |');
for (const entry of prose) {
  const sections = [...entry.sections].sort((a, b) => order(a).localeCompare(order(b)));
  console.log(
    `| ${entry.parameter} | ${entry.value} | ${sections.length > 0 ? sections.join(', ') : '**none**'} |`,
  );
}
const without = prose.filter((entry) => entry.sections.length === 0);
console.log(
  `\n${prose.length - without.length} of ${prose.length} values have prose of their own.`,
);
if (without.length > 0) process.exitCode = 1;
