/**
 * The helpers this family of templates uses. Each is a plain function of its arguments;
 * arithmetic reads numeric strings as numbers, since parameter values are strings.
 */

import { count, LIMITS } from '../template/limits';

type Helper = (...args: unknown[]) => unknown;

/** Thrown by `join` before it builds a text longer than a whole guide may be. */
export class HelperResultTooLong extends Error {
  constructor(
    readonly helper: string,
    readonly length: number,
  ) {
    super(
      `${helper} would make a text of ${count(length)} characters; a guide has at most ${count(LIMITS.guideChars)}`,
    );
    this.name = 'HelperResultTooLong';
  }
}

/** Text of a value as JavaScript's `String()` gives it, which is what Handlebars writes. */
export function toText(value: unknown): string {
  if (value == null || typeof value === 'function') return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toText).join(',');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return typeof value === 'object' ? '[object Object]' : '';
}

const toNumber = (value: unknown): number =>
  typeof value === 'number' ? value : Number(toText(value).trim());

const isNumeric = (value: unknown): boolean =>
  typeof value === 'number' ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim())));

/** Equal as numbers when both read as numbers, otherwise strictly equal. */
const equal = (a: unknown, b: unknown): boolean =>
  isNumeric(a) && isNumeric(b) ? toNumber(a) === toNumber(b) : a === b;

/** Keeps results like 33 × 0.1 readable (3.3, not 3.3000000000000003). */
const arithmetic =
  (op: (a: number, b: number) => number): Helper =>
  (a, b) => {
    const result = op(toNumber(a), toNumber(b));
    return Number.isFinite(result) ? Number(result.toPrecision(12)) : '';
  };

const text = toText;

const has = (collection: unknown, item: unknown): boolean =>
  Array.isArray(collection)
    ? collection.some((entry) => equal(entry, item))
    : text(collection).includes(text(item));

export const helpers: Readonly<Record<string, Helper>> = {
  // The family writes `eq x "a" "b"` to mean "x is a or b".
  eq: (a, ...candidates) => candidates.some((candidate) => equal(a, candidate)),
  ne: (a, ...candidates) => !candidates.some((candidate) => equal(a, candidate)),
  and: (...args) => args.every(Boolean),
  or: (...args) => args.some(Boolean),
  not: (a) => !a,
  includes: has,
  contains: has,
  gt: (a, b) => toNumber(a) > toNumber(b),
  gte: (a, b) => toNumber(a) >= toNumber(b),
  lt: (a, b) => toNumber(a) < toNumber(b),
  lte: (a, b) => toNumber(a) <= toNumber(b),
  add: arithmetic((a, b) => a + b),
  subtract: arithmetic((a, b) => a - b),
  multiply: arithmetic((a, b) => a * b),
  divide: arithmetic((a, b) => a / b),
  split: (value, separator) => text(value).split(separator === undefined ? ',' : text(separator)),
  trim: (value) => text(value).trim(),
  join: (value, separator) => {
    if (!Array.isArray(value)) return text(value);
    const glue = separator === undefined ? ', ' : text(separator);
    const items = value.map(text);
    let length = glue.length * Math.max(0, items.length - 1);
    for (const item of items) length += item.length;
    if (length > LIMITS.guideChars) throw new HelperResultTooLong('join', length);
    return items.join(glue);
  },
  uppercase: (value) => text(value).toUpperCase(),
  lowercase: (value) => text(value).toLowerCase(),
  capitalize: (value) => {
    const string = text(value);
    return string.charAt(0).toUpperCase() + string.slice(1);
  },
};

/** The names of every registered helper. */
export const helperNames: ReadonlySet<string> = new Set(Object.keys(helpers));
