import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { describePlaces, firstTooDeep, locateJsonError, positionsIn } from './json-text';

/** The deepest jsonc-parser's recursive parser goes on `text`, seen through its visitor. */
function parserDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  const enter = () => {
    depth += 1;
    deepest = Math.max(deepest, depth);
  };
  const leave = () => {
    depth -= 1;
  };
  visit(text, {
    onObjectBegin: enter,
    onObjectEnd: leave,
    onArrayBegin: enter,
    onArrayEnd: leave,
  });
  return deepest;
}

describe('positionsIn', () => {
  it('counts lines from 1 and columns from 1, ending lines at \\n, \\r\\n or \\r', () => {
    const positionOf = positionsIn('ab\ncd\r\nef\rg');
    expect([0, 1, 2, 3, 5, 6, 7, 10, 11].map(positionOf)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 2, column: 4 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
    expect(positionsIn('')(0)).toEqual({ line: 1, column: 1 });
  });
});

describe('firstTooDeep', () => {
  it('finds the first bracket past the limit', () => {
    expect(firstTooDeep('['.repeat(10_000), 8)).toBe(8);
    expect(firstTooDeep('{"a":'.repeat(10_000), 8)).toBe(8 * 5);
    expect(firstTooDeep('[[[[]]]]', 4)).toBeUndefined();
    expect(firstTooDeep('[[[[[]]]]]', 4)).toBe(4);
    expect(firstTooDeep('[[], [[]], {"a": {"b": []}}]', 4)).toBeUndefined();
    expect(firstTooDeep('[[], [[]], {"a": {"b": []}}]', 3)).toBe(23);
  });

  it('does not count brackets inside strings or comments', () => {
    expect(firstTooDeep(`["${'['.repeat(100)}"]`, 1)).toBeUndefined();
    expect(firstTooDeep(`[/* ${'{'.repeat(100)} */]`, 1)).toBeUndefined();
  });

  it('lets a closing bracket close only the bracket it matches', () => {
    // "[}" never closes the "[", and jsonc-parser goes one deeper at each "[" after a comma:
    // counting "}" as a close would let "[},[},[},…" overflow its stack.
    expect(firstTooDeep('[}, '.repeat(100), 8)).toBe(8 * 4);
    expect(parserDepth('[}, '.repeat(100))).toBe(100);
    expect(firstTooDeep('[]{}'.repeat(1000), 1)).toBeUndefined();
  });

  it('bounds the depth jsonc-parser reaches on the same text, whatever the text', () => {
    const token = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('[', ']', '{', '}', ',') },
      fc.constantFrom(':', '"a"', '1', 'x', '"', '/*', '*/', '\n'),
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        (parts, limit) => {
          const text = parts.join('');
          if (firstTooDeep(text, limit) === undefined) {
            expect(parserDepth(text)).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('locateJsonError', () => {
  it('names the line, the column and the reason', () => {
    expect(locateJsonError('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      line: 3,
      column: 3,
      detail: 'a comma is expected',
    });
    expect(locateJsonError('{"a": 1,}').detail).toBe(
      'a property name in double quotes is expected (no trailing commas)',
    );
  });
});

describe('describePlaces', () => {
  it('lists lines, or lines and columns when copies share a line, at most three', () => {
    const at = (...lines: number[]) => lines.map((line) => ({ line, column: 3 }));
    expect(describePlaces(at(4))).toBe('line 4');
    expect(describePlaces(at(3, 9))).toBe('lines 3 and 9');
    expect(describePlaces(at(3, 9, 12))).toBe('lines 3, 9 and 12');
    expect(describePlaces(at(3, 9, 12, 20))).toBe('lines 3, 9, 12, …');
    expect(
      describePlaces([
        { line: 1, column: 2 },
        { line: 1, column: 30 },
      ]),
    ).toBe('line 1, column 2; line 1, column 30');
  });
});
