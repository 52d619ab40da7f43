/** The words the wizard shows for a template's parameters and options, with fallbacks. */

import type { TemplateInfo } from './load-template';
import type { OptionLabel } from './labels';
import type { Parameter } from './parameters';

/** The short step name of a parameter: its label, else its question. */
export function stepName(template: TemplateInfo, parameter: Parameter): string {
  return template.labels?.parameters[parameter.name]?.step ?? parameter.question;
}

/** The question the wizard asks for a parameter. */
export function questionOf(template: TemplateInfo, parameter: Parameter): string {
  return template.labels?.parameters[parameter.name]?.question ?? parameter.question;
}

/** The label of one value of a parameter: the labels file's words, else the raw value and its hint. */
export function optionLabel(
  template: TemplateInfo,
  parameter: Parameter,
  value: string,
): OptionLabel {
  const labelled = template.labels?.parameters[parameter.name]?.options?.[value];
  if (labelled) return labelled;
  const hint =
    parameter.kind === 'choice'
      ? parameter.options.find((option) => option.value === value)?.hint
      : undefined;
  return hint ? { label: value, description: hint } : { label: value };
}
