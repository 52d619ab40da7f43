import { parameterSchema, stepName, type Parameter, type TemplateInfo } from '../../engine/index';

/** What submitting a step leads to: go on (with the value to keep, if any), or a message. */
export type AnswerCheck = { ok: true; value: string | undefined } | { ok: false; message: string };

/**
 * Checks a step's answer on Next: the chosen option, or the text typed. An optional step may be
 * left empty (the guide then uses its default); anything else goes through the engine's schema,
 * so the wizard accepts exactly what a share link would.
 */
export function checkAnswer(
  template: TemplateInfo,
  parameter: Parameter,
  answer: string | undefined,
): AnswerCheck {
  if (parameter.kind === 'choice' && answer === undefined) {
    return parameter.required
      ? { ok: false, message: 'Choose one option to continue.' }
      : { ok: true, value: undefined };
  }
  if ((answer ?? '').trim() === '' && !parameter.required) return { ok: true, value: undefined };
  const result = parameterSchema(parameter).safeParse(answer ?? '');
  if (result.success) return { ok: true, value: result.data };
  const problem = result.error.issues[0]?.message ?? 'is not valid';
  return { ok: false, message: `${stepName(template, parameter)} ${problem}.` };
}
