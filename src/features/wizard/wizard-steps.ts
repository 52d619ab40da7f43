import type { Choices, Parameter, TemplateInfo } from '../../engine/index';
import type { WizardStep } from './wizard-types';

/** Where a step stands for the progress indicator. */
export type StepStatus = 'current' | 'done' | 'open' | 'locked';

export function isAnswered(choices: Choices, parameter: Parameter): boolean {
  return Object.hasOwn(choices, parameter.name);
}

/** Required parameters without an answer, in template order. */
export function missingRequired(template: TemplateInfo, choices: Choices): Parameter[] {
  return template.parameters.filter(
    (parameter) => parameter.required && !isAnswered(choices, parameter),
  );
}

/** The position of a step: 0… for parameters, `parameters.length` for the review. */
export function stepIndex(template: TemplateInfo, step: WizardStep): number {
  if (step.kind === 'review') return template.parameters.length;
  const index = template.parameters.findIndex((parameter) => parameter.name === step.parameter);
  return Math.max(index, 0);
}

/** The step at a position; past the last parameter comes the review. */
export function stepAt(template: TemplateInfo, index: number): WizardStep {
  const parameter = template.parameters[index];
  return parameter ? { kind: 'step', parameter: parameter.name } : { kind: 'review' };
}

/**
 * How far the user may jump ahead: every step up to the first unanswered required one (so the
 * answers before it are given), and the review once nothing required is missing.
 */
export function reachableUntil(template: TemplateInfo, choices: Choices): number {
  const first = template.parameters.findIndex(
    (parameter) => parameter.required && !isAnswered(choices, parameter),
  );
  return first === -1 ? template.parameters.length : first;
}

/** The status of each step, the review last, as the progress indicator shows them. */
export function stepStatuses(
  template: TemplateInfo,
  choices: Choices,
  step: WizardStep,
): StepStatus[] {
  const current = stepIndex(template, step);
  const reachable = reachableUntil(template, choices);
  const statuses = template.parameters.map((parameter, index): StepStatus => {
    if (index === current) return 'current';
    if (isAnswered(choices, parameter)) return 'done';
    return index <= reachable ? 'open' : 'locked';
  });
  const reviewIndex = template.parameters.length;
  statuses.push(current === reviewIndex ? 'current' : reachable >= reviewIndex ? 'open' : 'locked');
  return statuses;
}
