import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { loadTemplate, type Choices, type Parameter, type Template } from '../index';
import { parseTemplateFile } from '../template/frontmatter';
import { protectLiteralBraces } from '../template/protect-literal-braces';
import { helperNames, helpers } from '../render/helpers';

/** The seed and its three siblings, as given by the product owner. */
export type FixtureName =
  'seed.md' | 'ci-cd-pipeline.md' | 'analytics-dashboard-design.md' | 'sprint-planning.md';

export function readFixture(name: FixtureName): string {
  return readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8');
}

export function loadFixture(name: FixtureName): Template {
  return loadTemplate(readFixture(name));
}

/** Every combination of a template's choice parameters (free-text ones take `text`). */
export function* combinations(
  template: Template,
  text: Readonly<Record<string, string>> = {},
): Generator<Record<string, string>> {
  const parameters = template.parameters;
  const values = parameters.map((parameter) =>
    parameter.kind === 'choice'
      ? parameter.options.map((option) => option.value)
      : [text[parameter.name] ?? parameter.default ?? 'value'],
  );
  const indexes = parameters.map(() => 0);
  for (;;) {
    yield Object.fromEntries(
      parameters.map((parameter, i) => [parameter.name, values[i]?.[indexes[i] ?? 0] ?? '']),
    );
    let position = parameters.length - 1;
    while (position >= 0 && (indexes[position] ?? 0) + 1 >= (values[position]?.length ?? 0)) {
      indexes[position] = 0;
      position -= 1;
    }
    if (position < 0) return;
    indexes[position] = (indexes[position] ?? 0) + 1;
  }
}

/**
 * The reference renderer: real Handlebars (`compile`, compat mode) with the same helpers, on
 * the same protected source. The engine's interpreter must match it byte for byte.
 *
 * It compiles with escaping on: Handlebars 4.7's `noEscape` output path adds adjacent numeric
 * values instead of writing them side by side (`{{@index}}{{@index}}` gives "0", not "00";
 * handlebars.js#1838, fixed by #2167 after 4.7.10). The escaped path turns every value into
 * text first, and for values without HTML-special characters it writes exactly what `noEscape`
 * means, so test values are checked for those characters.
 */
export function handlebarsReference(source: string): (choices: Record<string, string>) => string {
  const template = loadTemplate(source);
  const { body } = parseTemplateFile(source);
  const names = {
    parameters: new Set(template.parameters.map((p) => p.name)),
    helpers: helperNames,
  };
  const guarded = protectLiteralBraces(body, names);
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers)) {
    env.registerHelper(name, (...args: unknown[]) => helper(...args.slice(0, -1)));
  }
  const render = env.compile(guarded.source, { compat: true, strict: false });
  return (choices) => {
    const special = Object.values(choices).find((value) => /[&<>"'`=]/.test(value));
    if (special !== undefined)
      throw new Error(`the reference cannot render ${JSON.stringify(special)}`);
    return render(choices).replaceAll(guarded.openBrace, '{').replaceAll(guarded.closeBrace, '}');
  };
}

/** A parameter of a template by name; throws when the template has none by that name. */
export function parameterOf(template: Template, name: string): Parameter {
  const parameter = template.parameters.find((each) => each.name === name);
  if (!parameter) throw new Error(`no parameter ${name}`);
  return parameter;
}

/** The allowed values of a choice parameter; none for free text. */
export function optionsOf(parameter: Parameter): string[] {
  return parameter.kind === 'choice' ? parameter.options.map((option) => option.value) : [];
}

/** The choices without one parameter. */
export function without(choices: Choices, name: string): Choices {
  return Object.fromEntries(Object.entries(choices).filter(([key]) => key !== name));
}

/** A complete, valid set of the seed's choices. */
export const GRPC: Choices = {
  api_architecture: 'grpc',
  backend_technology: 'go',
  expected_load: 'low',
  data_complexity: 'analytics',
  performance_targets: 'sub-1s',
  infrastructure: 'serverless',
};

/** Every combination of a template's choice parameters, as an array. */
export function allCombinations(template: Template): Choices[] {
  return [...combinations(template)];
}

/** The template the app ships (templates/api-performance-optimization.md), without labels. */
export function loadShipped(): Template {
  return loadTemplate(
    readFileSync(
      new URL('../../../templates/api-performance-optimization.md', import.meta.url),
      'utf8',
    ),
  );
}
