/**
 * How much each answer tailors the guide: for every parameter and each of its values, whether
 * choosing it changes the guide beyond the lines that merely print a value's name, compared
 * with every other value of that parameter, the other answers held fixed (over every
 * combination of them). Issue 6 measures its coverage with this, before and after.
 *
 *   npx tsx scripts/answer-coverage.ts [template.md]
 */
import { loadTemplateFile } from '../src/cli/load-template-file';
import { renderMarkdown, type Choices, type Parameter, type Template } from '../src/engine/index';

/** A parameter's values: its options, or its default for free text (held fixed). */
function valuesOf(parameter: Parameter): string[] {
  return parameter.kind === 'choice'
    ? parameter.options.map((option) => option.value)
    : [parameter.default ?? ''];
}

function combinations(template: Template): Choices[] {
  let all: Choices[] = [{}];
  for (const parameter of template.parameters) {
    const values = valuesOf(parameter);
    all = all.flatMap((choices) =>
      values.map((value) => ({ ...choices, [parameter.name]: value })),
    );
  }
  return all;
}

/** The guide without the lines that name any value of the parameter (titles, summaries). */
function normalized(markdown: string, values: readonly string[]): string {
  const names = values.map(
    (value) =>
      new RegExp(`(^|[^\\w-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`, 'i'),
  );
  return markdown
    .split('\n')
    .filter((line) => !names.some((name) => name.test(line)))
    .join('\n');
}

const loaded = await loadTemplateFile(process.argv[2]);
if ('errors' in loaded) throw new Error(loaded.errors.join('\n'));
const { template } = loaded;
const all = combinations(template);
let own = 0;
let pairs = 0;
for (const parameter of template.parameters) {
  if (parameter.kind !== 'choice' || parameter.options.length < 2) continue;
  const values = valuesOf(parameter);
  // Group the combinations by the other answers: one group per base, one guide per value.
  const bases = new Map<string, Map<string, string>>();
  for (const choices of all) {
    const { [parameter.name]: value, ...others } = choices;
    const key = JSON.stringify(others);
    const group = bases.get(key) ?? new Map<string, string>();
    group.set(value!, normalized(renderMarkdown(template, choices), values));
    bases.set(key, group);
  }
  const rows: string[] = [];
  for (const value of values) {
    // Own content: in some base, its guide differs from the guide of every other value.
    const distinct = [...bases.values()].some((group) =>
      values.every((other) => other === value || group.get(other) !== group.get(value)),
    );
    pairs += 1;
    if (distinct) own += 1;
    rows.push(`${distinct ? 'yes' : 'NO '}  ${value}`);
  }
  console.log(`${parameter.name}\n  ${rows.join('\n  ')}`);
}
console.log(`\n${own} of ${pairs} (parameter, value) pairs have content of their own.`);
