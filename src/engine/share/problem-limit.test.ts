import { describe, expect, it } from 'vitest';
import { limitProblems, MAX_PROBLEMS, thousands } from './problem-limit';
import type { Problem } from './problems';

function unknownKeys(count: number, from = 0): Problem[] {
  return Array.from({ length: count }, (_, index) => ({
    kind: 'unknown-key',
    key: `k${from + index}`,
    message: `“k${from + index}” is not a setting of this guide.`,
  }));
}

function missing(parameter: string): Problem {
  return { kind: 'missing', parameter, message: `${parameter} is missing: ${parameter}.` };
}

describe('limitProblems', () => {
  it('keeps a list of at most MAX_PROBLEMS as it is', () => {
    const problems = unknownKeys(MAX_PROBLEMS);
    expect(limitProblems(problems)).toEqual(problems);
    expect(limitProblems([])).toEqual([]);
  });

  it('cuts a longer list to MAX_PROBLEMS, the last one counting the rest by kind', () => {
    const limited = limitProblems(unknownKeys(3500));
    expect(limited).toHaveLength(MAX_PROBLEMS);
    expect(limited.slice(0, -1)).toEqual(unknownKeys(MAX_PROBLEMS - 1));
    expect(limited.at(-1)).toEqual({
      kind: 'more',
      count: 3437,
      kinds: [{ kind: 'unknown-key', count: 3437 }],
      message: '… and 3,437 more: 3,437 unknown settings.',
    });
  });

  it('keeps what concerns a setting of the guide before unknown keys, in the original order', () => {
    const problems = [...unknownKeys(100), missing('a'), ...unknownKeys(100, 100), missing('b')];
    const limited = limitProblems(problems);
    expect(limited).toHaveLength(MAX_PROBLEMS);
    expect(limited.slice(0, 61)).toEqual(unknownKeys(61));
    expect(limited.slice(61, 63)).toEqual([missing('a'), missing('b')]);
    expect(limited.at(-1)?.message).toBe('… and 139 more: 139 unknown settings.');
  });

  it('names every kind it counts, the most frequent first, singular for one', () => {
    const problems: Problem[] = [
      ...Array.from({ length: MAX_PROBLEMS }, (_, index) => missing(`p${index}`)),
      ...unknownKeys(1),
      { kind: 'bad-encoding', text: '%', message: 'bad %' },
      { kind: 'bad-encoding', text: '%zz', message: 'bad %zz' },
    ];
    expect(limitProblems(problems).at(-1)?.message).toBe(
      '… and 4 more: 2 badly encoded parts, 1 missing setting, 1 unknown setting.',
    );
  });

  it('gives a message once, the first problem that says it, and counts no copy', () => {
    const cut = '“xxxxxxxxxx…” is not a setting of this guide.';
    const problems: Problem[] = [
      { kind: 'unknown-key', key: 'x'.repeat(70), message: cut },
      missing('a'),
      { kind: 'unknown-key', key: 'x'.repeat(80), message: cut },
      missing('a'),
    ];
    expect(limitProblems(problems)).toEqual([problems[0], problems[1]]);
    const many = [...unknownKeys(MAX_PROBLEMS), ...unknownKeys(MAX_PROBLEMS)];
    expect(limitProblems(many)).toEqual(unknownKeys(MAX_PROBLEMS));
  });

  it('folds an earlier summary into its own, and is idempotent', () => {
    const first = limitProblems(unknownKeys(200));
    const again = limitProblems([...first, ...unknownKeys(10, 200)]);
    expect(again).toHaveLength(MAX_PROBLEMS);
    expect(again.at(-1)).toMatchObject({ kind: 'more', count: 147 });
    expect(limitProblems(again)).toEqual(again);
    const short = limitProblems([...unknownKeys(3), ...first.slice(-1)]);
    expect(short).toHaveLength(4);
    expect(short.at(-1)).toMatchObject({ kind: 'more', count: 137 });
  });
});

describe('thousands', () => {
  it('groups digits by three', () => {
    expect([0, 999, 1000, 3437, 1234567].map(thousands)).toEqual([
      '0',
      '999',
      '1,000',
      '3,437',
      '1,234,567',
    ]);
  });
});
