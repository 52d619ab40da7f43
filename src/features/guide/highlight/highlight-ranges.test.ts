import { describe, expect, it } from 'vitest';
import type { HighlightPayload } from './highlight-payload';
import { colourRanges, highlightName } from './highlight-ranges';

describe('colourRanges', () => {
  const code = 'package main\n\n// hi\nfunc f() {}\n';
  const payload: HighlightPayload = {
    palette: ['#d73a49', '#f97583', '#6a737d', '#8b949e'],
    lines: [[7, 0, 1, 5, -1, -1], [], [5, 2, 3], [4, 0, 1, 7, -1, -1]],
  };

  it('groups offsets into the code by pair of colours, skipping the code’s own colour', () => {
    const groups = colourRanges(code, payload);
    expect(groups).toEqual([
      { name: 'hl-d73a49-f97583', light: '#d73a49', dark: '#f97583', offsets: [0, 7, 20, 24] },
      { name: 'hl-6a737d-8b949e', light: '#6a737d', dark: '#8b949e', offsets: [14, 19] },
    ]);
    const covered = groups.flatMap(({ offsets }) =>
      offsets.flatMap((start, index) =>
        index % 2 === 0 ? [code.slice(start, offsets[index + 1])] : [],
      ),
    );
    expect(covered.sort()).toEqual(['// hi', 'func', 'package']);
  });

  it('gives no ranges for code in its own colour only', () => {
    expect(colourRanges('a b\n', { palette: [], lines: [[3, -1, -1]] })).toEqual([]);
  });

  it('counts offsets in UTF-16 code units, as DOM ranges do', () => {
    const emoji = '"😀" x\ny\n';
    const groups = colourRanges(emoji, {
      palette: ['#111111', '#eeeeee'],
      lines: [
        [4, 0, 0, 2, -1, -1],
        [1, 1, 1],
      ],
    });
    expect(groups.map(({ offsets }) => offsets)).toEqual([
      [0, 4],
      [7, 8],
    ]);
    expect(emoji.slice(7, 8)).toBe('y');
  });
});

describe('highlightName', () => {
  it('is a CSS identifier naming both colours', () => {
    expect(highlightName('#0550ae', '#79c0ff')).toBe('hl-0550ae-79c0ff');
  });
});
