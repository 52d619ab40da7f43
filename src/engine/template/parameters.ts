import type { TemplateArgument } from './frontmatter';
import type { TemplateIssue } from './template-error';

/** One allowed value of a choice parameter, with the hint the template gave beside it. */
export interface ParameterOption {
  value: string;
  hint?: string;
}

/** How a free-text value is read: plain text, a number, or a comma-separated list. */
export type TextFormat = 'text' | 'number' | 'list';

interface ParameterBase {
  name: string;
  /** The argument's description without its trailing parenthesis. */
  question: string;
  required: boolean;
  default?: string;
}

/** A parameter whose description lists its allowed values. */
export interface ChoiceParameter extends ParameterBase {
  kind: 'choice';
  options: readonly ParameterOption[];
}

/** A parameter that takes free text (numbers and comma-separated lists included). */
export interface TextParameter extends ParameterBase {
  kind: 'text';
  format: TextFormat;
  /** The description's parenthesis when it is not a list of options, e.g. "comma-separated". */
  hint?: string;
}

export type Parameter = ChoiceParameter | TextParameter;

const TRAILING_PARENTHESIS = /^(.*?)\s*\(([^()]*)\)\s*$/;
const OPTION_VALUE = /^[a-z0-9][a-z0-9._+-]*$/i;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Turns a frontmatter argument into a parameter, reading options from its description. */
export function toParameter(argument: TemplateArgument, field: string): Parameter | TemplateIssue {
  const match = TRAILING_PARENTHESIS.exec(argument.description);
  const question = (match?.[1] ?? argument.description).trim() || argument.description;
  const base: ParameterBase = {
    name: argument.name,
    question,
    required: argument.required,
    ...(argument.default === undefined ? {} : { default: argument.default }),
  };
  const listText = match?.[2]?.trim() ?? '';
  const options = match ? parseOptions(listText) : undefined;
  if (!options) {
    const format: TextFormat =
      argument.default !== undefined && NUMBER.test(argument.default.trim())
        ? 'number'
        : /comma[- ]separated/i.test(listText)
          ? 'list'
          : 'text';
    return { ...base, kind: 'text', format, ...(listText ? { hint: listText } : {}) };
  }
  const seen = new Set<string>();
  for (const option of options) {
    if (seen.has(option.value)) {
      return { field, message: `option "${option.value}" is listed twice in the description` };
    }
    seen.add(option.value);
  }
  if (argument.default !== undefined && !seen.has(argument.default)) {
    return {
      field: `${field}.default`,
      message: `default "${argument.default}" is not one of the options (${[...seen].join(', ')})`,
    };
  }
  return { ...base, kind: 'choice', options };
}

/**
 * Reads `rest, graphql, grpc`, `low <1k-rps, medium 1k-10k-rps` or `yes/no` as options;
 * anything that is not a list of at least two value-like words is not a list of options.
 */
function parseOptions(listText: string): ParameterOption[] | undefined {
  const items = listText.includes(',')
    ? listText.split(',')
    : /^[^\s/]+(?:\/[^\s/]+)+$/.test(listText)
      ? listText.split('/')
      : [listText];
  if (items.length < 2) return undefined;
  const options: ParameterOption[] = [];
  for (const item of items) {
    const [value = '', ...rest] = item.trim().split(/\s+/);
    if (!OPTION_VALUE.test(value)) return undefined;
    const hint = rest.join(' ');
    options.push(hint ? { value, hint } : { value });
  }
  return options;
}
