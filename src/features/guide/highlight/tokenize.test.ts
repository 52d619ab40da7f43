import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS } from '../../../engine/index';
import { contrastRatio, MIN_CONTRAST, readableOn } from './contrast';
import { codeLines, type HighlightResult } from './highlight-protocol';
import { GRAMMARS } from './shiki-grammars';
import { CODE_BACKGROUND, MAX_LINE_LENGTH, tokenize } from './tokenize';

const GO = 'package main\n\nimport "fmt"\n\n// Say hello.\nfunc main() {\n\tfmt.Println("hi")\n}\n';

function lineText(result: HighlightResult, index: number): string {
  return (result.lines[index] ?? []).map(([text]) => text).join('');
}

describe('tokenize', () => {
  it('colours Go keywords in both themes and keeps every character of every line', async () => {
    const result = await tokenize('go', GO);
    expect(result).not.toBeNull();
    const lines = codeLines(GO);
    expect(result!.lines).toHaveLength(lines.length);
    lines.forEach((line, index) => expect(lineText(result!, index)).toBe(line));
    const [keyword] = result!.lines[0]!;
    expect(keyword?.[0].trim()).toBe('package');
    expect(result!.palette[keyword![1]]).toMatch(/^#[0-9a-f]{6}$/);
    expect(result!.palette[keyword![2]]).toMatch(/^#[0-9a-f]{6}$/);
    expect(keyword![1]).not.toBe(keyword![2]);
  });

  it('leaves plain text alone', async () => {
    expect(await tokenize('text', 'just words\n')).toBeNull();
  });

  it('leaves a very long line plain but highlights the lines around it', async () => {
    const long = `x = "${'a'.repeat(MAX_LINE_LENGTH * 50)}"`;
    const code = `import os\n${long}\nimport sys\n`;
    const started = performance.now();
    const result = await tokenize('python', code);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result!.lines[1]).toEqual([[long, -1, -1, 0]]);
    expect(result!.lines[2]!.some(([, light]) => light >= 0)).toBe(true);
  });

  it('only uses colours readable on the code background of their theme', async () => {
    const result = await tokenize('go', GO);
    for (const line of result!.lines) {
      for (const [, light, dark] of line) {
        if (light >= 0) {
          const ratio = contrastRatio(result!.palette[light]!, CODE_BACKGROUND.light);
          expect(ratio).toBeGreaterThanOrEqual(MIN_CONTRAST);
        }
        if (dark >= 0) {
          const ratio = contrastRatio(result!.palette[dark]!, CODE_BACKGROUND.dark);
          expect(ratio).toBeGreaterThanOrEqual(MIN_CONTRAST);
        }
      }
    }
  });

  it('has a grammar for every language the engine knows but plain text', () => {
    expect(Object.keys(GRAMMARS).sort()).toEqual(LANGUAGE_IDS.filter((id) => id !== 'text').sort());
  });

  it('knows the code background the app’s design tokens give', () => {
    const css = readFileSync(new URL('../../../app/app.css', import.meta.url), 'utf8');
    const token = /--code-bg:\s*light-dark\((#[0-9a-f]+),\s*(#[0-9a-f]+)\)/i.exec(css);
    expect(token?.slice(1, 3)).toEqual([CODE_BACKGROUND.light, CODE_BACKGROUND.dark]);
  });
});

describe('readableOn', () => {
  it('keeps readable colours and darkens or lightens the others just enough', () => {
    expect(readableOn('#24292e', '#ffffff')).toBe('#24292e');
    const lifted = readableOn('#6a737d', '#0b0f14');
    expect(contrastRatio(lifted, '#0b0f14')).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrastRatio('#6a737d', '#0b0f14')).toBeLessThan(MIN_CONTRAST);
  });
});
