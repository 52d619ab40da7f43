import {
  createScanner,
  parse as parseJsonc,
  printParseErrorCode,
  type ParseError,
} from 'jsonc-parser';
import type { Position } from './problems';

// jsonc-parser's parse, parseTree and visit recurse once per bracket, so 10,000 "[" overflow
// the stack. Its scanner is a loop: nesting is measured with it first, and the recursive
// parser only ever sees text known to be shallow.

// jsonc-parser's SyntaxKind values: its typings declare a const enum, which isolated modules
// cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** Line and column (from 1) of any offset in `text`; lines end at \n, \r\n or \r, as in editors. */
export function positionsIn(text: string): (offset: number) => Position {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 0x0a || (char === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      starts.push(index + 1);
    }
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

/**
 * The offset of the first `[` or `{` nested deeper than `limit`, or undefined. A closing
 * bracket that does not match the innermost open one closes nothing, as in jsonc-parser's own
 * recovery, so the depth counted here bounds the depth its parser reaches on the same text.
 */
export function firstTooDeep(text: string, limit: number): number | undefined {
  const scanner = createScanner(text, true);
  const open: number[] = [];
  for (let token: number = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (open.length === limit) return scanner.getTokenOffset();
      open.push(token);
    } else if (
      (token === CLOSE_BRACE && open.at(-1) === OPEN_BRACE) ||
      (token === CLOSE_BRACKET && open.at(-1) === OPEN_BRACKET)
    ) {
      open.pop();
    }
  }
  return undefined;
}

/** "twice", "3 times". */
export function timesText(count: number): string {
  return count === 2 ? 'twice' : `${count} times`;
}

/**
 * Where copies of a key are, at most three: "lines 3 and 9", "lines 3, 9, 12, …", or with
 * columns when two share a line ("line 1, column 2; line 1, column 40").
 */
export function describePlaces(at: readonly Position[]): string {
  const shown = at.slice(0, 3);
  const more = at.length > shown.length;
  const lines = new Set(shown.map((place) => place.line));
  if (lines.size < shown.length) {
    const listed = shown.map((place) => `line ${place.line}, column ${place.column}`);
    return `${listed.join('; ')}${more ? '; …' : ''}`;
  }
  const numbers = shown.map((place) => String(place.line));
  if (numbers.length === 1) return `line ${numbers.join('')}`;
  if (more) return `lines ${numbers.join(', ')}, …`;
  return `lines ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1) ?? ''}`;
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected (no trailing commas)',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'the file should end here',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'comments are not allowed',
  UnexpectedEndOfString: 'a string is not closed on its line',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'a control character inside a string',
};

/**
 * Where and why strict JSON fails: JSON.parse's own messages carry no position on Node 20.
 * Only for text that `firstTooDeep` passed.
 */
export function locateJsonError(text: string): Position & { detail: string } {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const [first] = errors;
  return {
    ...positionsIn(text)(first?.offset ?? 0),
    detail: (first && JSON_ERRORS[printParseErrorCode(first.error)]) ?? 'not valid JSON',
  };
}
