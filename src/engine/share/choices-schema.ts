import { z } from 'zod';
import type { Template } from '../template/load-template';
import type { Parameter } from '../template/parameters';

/** Longest free-text value a parameter accepts. */
export const MAX_TEXT_LENGTH = 200;

const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const LIST_ITEM = /^[\p{L}\p{N}_. -]+$/u;

/** The schema of one parameter's value: one of its options, or text in its format. */
export function parameterSchema(parameter: Parameter): z.ZodType<string> {
  if (parameter.kind === 'choice') {
    const [first, ...rest] = parameter.options.map((option) => option.value);
    return z.enum([first ?? '', ...rest], {
      error: `must be one of: ${parameter.options.map((option) => option.value).join(', ')}`,
    });
  }
  const text = z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
    .refine((value) => !CONTROL.test(value), 'must not contain control characters');
  switch (parameter.format) {
    case 'number':
      return text.refine(
        (value) => /^-?\d+(?:\.\d+)?$/.test(value),
        'must be a number, like 40 or 2.5',
      );
    case 'list':
      return text.refine(
        (value) => value.split(',').every((item) => LIST_ITEM.test(item.trim())),
        'must be a comma-separated list of words, like dev,staging,production',
      );
    case 'text':
      return text;
  }
}

/** The schema of a complete set of choices for a template: strict, one key per parameter. */
export function choicesSchema(template: Template) {
  return z.strictObject(
    Object.fromEntries(
      template.parameters.map((parameter) => {
        const schema = parameterSchema(parameter);
        return [parameter.name, parameter.required ? schema : schema.optional()];
      }),
    ),
  );
}

export type ChoicesInput = z.infer<ReturnType<typeof choicesSchema>>;
