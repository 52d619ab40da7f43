// zod/mini: the same validation as zod, tree-shakable, so the browser's first screen stays light.
import { z } from 'zod/mini';
import type { TemplateInfo } from '../template/load-template';
import type { Parameter } from '../template/parameters';

/** Longest free-text value a parameter accepts. */
export const MAX_TEXT_LENGTH = 200;

const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const LIST_ITEM = /^[\p{L}\p{N}_. -]+$/u;
/**
 * Characters free text may not hold: the ones that open markdown code, links, images, HTML
 * and table cells. Inside a code fence nothing can be escaped, so they are kept out here;
 * in prose the renderer escapes whatever else could be markup. Names, URLs (without
 * brackets), e-mail addresses, quotes and any script stay possible.
 */
export const MARKUP_CHARACTERS = /[`<>[\]|\\]|~~~/;

/** The schema of one parameter's value: one of its options, or text in its format. */
export function parameterSchema(parameter: Parameter): z.ZodMiniType<string> {
  if (parameter.kind === 'choice') {
    const [first, ...rest] = parameter.options.map((option) => option.value);
    return z.enum([first ?? '', ...rest], {
      error: `must be one of: ${parameter.options.map((option) => option.value).join(', ')}`,
    });
  }
  const format =
    parameter.format === 'number'
      ? [
          z.refine<string>(
            (value) => /^-?\d+(?:\.\d+)?$/.test(value),
            'must be a number, like 40 or 2.5',
          ),
        ]
      : parameter.format === 'list'
        ? [
            z.refine<string>(
              (value) => value.split(',').every((item) => LIST_ITEM.test(item.trim())),
              'must be a comma-separated list of words, like dev,staging,production',
            ),
          ]
        : [
            z.refine<string>(
              (value) => !MARKUP_CHARACTERS.test(value),
              'must not contain ` < > [ ] | \\ or ~~~',
            ),
          ];
  return z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`),
    z.refine<string>((value) => !CONTROL.test(value), 'must not contain control characters'),
    ...format,
  );
}

/** The schema of a complete set of choices for a template: strict, one key per parameter. */
export function choicesSchema(template: TemplateInfo) {
  return z.strictObject(
    Object.fromEntries(
      template.parameters.map((parameter) => {
        const schema = parameterSchema(parameter);
        return [parameter.name, parameter.required ? schema : z.optional(schema)];
      }),
    ),
  );
}

export type ChoicesInput = z.infer<ReturnType<typeof choicesSchema>>;
