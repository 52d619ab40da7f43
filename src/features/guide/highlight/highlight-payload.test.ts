import { describe, expect, it } from 'vitest';
import { codeLines, encodeLine, parsePayload, type HighlightPayload } from './highlight-payload';

describe('encodeLine', () => {
  it('packs runs as [length, light, dark] and merges neighbours of the same colours', () => {
    expect(
      encodeLine([
        { length: 7, light: 0, dark: 1 },
        { length: 1, light: -1, dark: -1 },
        { length: 4, light: -1, dark: -1 },
        { length: 2, light: 0, dark: 1 },
        { length: 0, light: 2, dark: 2 },
      ]),
    ).toEqual([7, 0, 1, 5, -1, -1, 2, 0, 1]);
  });

  it('packs an empty line as nothing', () => {
    expect(encodeLine([])).toEqual([]);
  });
});

describe('parsePayload', () => {
  const code = 'package main\n\nfunc f() {}\n';
  const payload: HighlightPayload = {
    palette: ['#d73a49', '#f97583'],
    lines: [[7, 0, 1, 5, -1, -1], [], [4, 0, 1, 7, -1, -1]],
  };

  it('accepts a payload that fits the code, as it came through JSON', () => {
    expect(parsePayload(JSON.parse(JSON.stringify(payload)), code)).toEqual(payload);
  });

  it('rejects a payload made for other code', () => {
    expect(parsePayload(payload, 'package main\n')).toBeNull();
    expect(parsePayload(payload, code.replace('main', 'mine!'))).toBeNull();
  });

  it('rejects a malformed payload', () => {
    const broken = (change: Partial<Record<keyof HighlightPayload, unknown>>) =>
      parsePayload({ ...payload, ...change }, code);
    expect(parsePayload(null, code)).toBeNull();
    expect(parsePayload('{}', code)).toBeNull();
    expect(broken({ palette: ['red', '#f97583'] })).toBeNull();
    expect(broken({ lines: [[7, 0, 1, 5, -1], [], [4, 0, 1, 7, -1, -1]] })).toBeNull();
    expect(broken({ lines: [[7, 0, 2, 5, -1, -1], [], [4, 0, 1, 7, -1, -1]] })).toBeNull();
    expect(broken({ lines: [[7, 0, -1, 5, -1, -1], [], [4, 0, 1, 7, -1, -1]] })).toBeNull();
    expect(broken({ lines: [[0, 0, 1, 12, -1, -1], [], [4, 0, 1, 7, -1, -1]] })).toBeNull();
    expect(broken({ lines: [[7.5, 0, 1, 4.5, -1, -1], [], [4, 0, 1, 7, -1, -1]] })).toBeNull();
  });
});

describe('codeLines', () => {
  it('is the lines shown: the final newline ends the last line, it does not add one', () => {
    expect(codeLines('a\nb\n')).toEqual(['a', 'b']);
    expect(codeLines('a\n\n')).toEqual(['a', '']);
    expect(codeLines('a')).toEqual(['a']);
  });
});
