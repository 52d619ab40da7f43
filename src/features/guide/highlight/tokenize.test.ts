import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS } from '../../../engine/index';
import { contrastRatio, MIN_CONTRAST, readableOn } from './contrast';
import { codeLines, parsePayload, type HighlightPayload } from './highlight-payload';
import { GRAMMARS } from './shiki-grammars';
import { CODE_BACKGROUND, MAX_LINE_LENGTH, tokenize } from './tokenize';

const GO = 'package main\n\nimport "fmt"\n\n// Say hello.\nfunc main() {\n\tfmt.Println("hi")\n}\n';

/** The runs of one line as [text, light colour, dark colour]; colours null for the code's own. */
function runsOf(result: HighlightPayload, code: string, index: number) {
  const text = codeLines(code)[index]!;
  const line = result.lines[index]!;
  const runs: [string, string | null, string | null][] = [];
  let at = 0;
  for (let run = 0; run < line.length; run += 3) {
    const [length, light, dark] = [line[run]!, line[run + 1]!, line[run + 2]!];
    runs.push([
      text.slice(at, at + length),
      result.palette[light] ?? null,
      result.palette[dark] ?? null,
    ]);
    at += length;
  }
  return runs;
}

describe('tokenize', () => {
  it('colours Go keywords in both themes and covers every character of every line', async () => {
    const result = await tokenize('go', GO);
    expect(result).not.toBeNull();
    // The payload fits the code exactly: the same check the page makes on a fetched asset.
    expect(parsePayload(JSON.parse(JSON.stringify(result)), GO)).toEqual(result);
    const [keyword] = runsOf(result!, GO, 0);
    expect(keyword![0]).toBe('package');
    expect(keyword![1]).toMatch(/^#[0-9a-f]{6}$/);
    expect(keyword![2]).toMatch(/^#[0-9a-f]{6}$/);
    expect(keyword![1]).not.toBe(keyword![2]);
    // The comment line is one run in the comment colour.
    expect(runsOf(result!, GO, 4)).toHaveLength(1);
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
    expect(result!.lines[1]).toEqual([long.length, -1, -1]);
    expect(runsOf(result!, code, 2).some(([, light]) => light !== null)).toBe(true);
  });

  it('only uses colours readable on the code background of their theme', async () => {
    const result = await tokenize('go', GO);
    codeLines(GO).forEach((_, index) => {
      for (const [, light, dark] of runsOf(result!, GO, index)) {
        if (light)
          expect(contrastRatio(light, CODE_BACKGROUND.light)).toBeGreaterThanOrEqual(MIN_CONTRAST);
        if (dark)
          expect(contrastRatio(dark, CODE_BACKGROUND.dark)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      }
    });
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
