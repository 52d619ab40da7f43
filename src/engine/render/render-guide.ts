import type { Template } from '../template/load-template';
import { buildGuide } from './build-guide';
import type { Guide } from './guide';
import { interpret } from './interpret';
import { optionLabel } from '../template/label-text';
import { SIZING_MODELS } from '../sizing/models';
import type { ExactInputs } from '../sizing/sizing';

/** Choices by parameter name; a complete set comes from the share module's validation. */
export type Choices = Readonly<Record<string, string>>;

/**
 * Renders the template's markdown for these choices, exactly as Handlebars semantics produce it
 * (with `noEscape`): the reference the interpreter is tested against. The guide escapes values.
 */
export function renderMarkdown(template: Template, choices: Choices): string {
  return interpret(template.program, contextOf(choices), dataOf(template, choices)).output;
}

/** What `{{@labels.*}}` and `{{@sizing.*}}` read for these choices (and exact figures). */
function dataOf(template: Template, choices: Choices, exact?: ExactInputs) {
  return {
    labels: labelsOf(template, choices),
    ...(template.meta.sizing ? { sizing: sizingOf(template.meta.sizing, choices, exact) } : {}),
  };
}

/**
 * Renders the whole guide for these choices: a pure function of (template, choices), and of the
 * exact figures the user knows (`exact`), which replace the sizing model's defaults.
 */
export function renderGuide(
  template: Template,
  choices: Choices,
  { exact }: { exact?: ExactInputs } = {},
): Guide {
  // Values are escaped where they land in prose, so free text can never become markup.
  const options = {
    escape: true,
    ...dataOf(template, choices, exact),
    ...(template.bodyLine ? { bodyLine: template.bodyLine } : {}),
  };
  const { output, marks, origins } = interpret(template.program, contextOf(choices), options);
  return {
    ...buildGuide(output, marks, choices, origins),
    template: template.meta,
    choices,
    markdown: output,
  };
}

/** The values of a sizing model for these choices, and its worksheet, for `{{@sizing.*}}`. */
function sizingOf(model: string, choices: Choices, exact?: ExactInputs): Record<string, unknown> {
  const sizing = SIZING_MODELS[model]!.size(choices, exact);
  return { ...sizing.values, worksheet: sizing.worksheet };
}

/**
 * Each parameter's chosen value in words, for `{{@labels.name}}`: its option's label from the
 * labels file, or the value itself (a free-text answer, or a template without labels).
 */
function labelsOf(template: Template, choices: Choices): Record<string, string> {
  const labels = Object.create(null) as Record<string, string>;
  for (const parameter of template.parameters) {
    const value = choices[parameter.name];
    if (value !== undefined) labels[parameter.name] = optionLabel(template, parameter, value).label;
  }
  return labels;
}

/** A context object without a prototype, so no template name can reach Object.prototype. */
function contextOf(choices: Choices): Record<string, string> {
  return Object.assign(Object.create(null) as Record<string, string>, choices);
}
