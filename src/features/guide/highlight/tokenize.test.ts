import { readFileSync } from 'node:fs';
import { createHighlighterCore } from 'shiki/core';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS } from '../../../engine/index';
import { contrastRatio, MIN_CONTRAST, readableOn } from './contrast';
import { codeLines, parsePayload, type HighlightPayload } from './highlight-payload';
import { GRAMMARS } from './shiki-grammars';
import { CODE_BACKGROUND, MAX_LINE_LENGTH, THEMES, tokenize } from './tokenize';

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

  it('gives the colours shiki’s reference engine (Oniguruma) gives, tokenizing once for both themes', async () => {
    const samples = {
      go: GO,
      // The docstring's end pattern refers back to its begin: it is built while tokenizing.
      python:
        'import os\n\n# note\nclass A:\n    def f(self, x: int) -> str:\n        """Doc."""\n        try:\n            return f"{x}"\n        except Exception:\n            pass\n',
      bash: 'cat <<EOF > conf\nkey=value\nEOF\nif [ -f conf ]; then echo ok; fi\n',
      javascript:
        "const a = require('a');\n/* block\n   x = 1 */\nasync function f() {\n  await a.b(`t${1}`);\n}\n",
      yaml: 'apiVersion: v1\nkind: Pod\nspec:\n  replicas: 3 # three\n',
      sql: "SELECT id, name FROM users WHERE created_at > NOW() - INTERVAL '1 day';\n",
    } as const;
    const shiki = await createHighlighterCore({
      themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
      langs: Object.keys(samples).map((id) => GRAMMARS[id as keyof typeof samples].load()),
      engine: createOnigurumaEngine(import('shiki/wasm')),
    });
    const defaults = {
      light: shiki.getTheme(THEMES.light).fg.toLowerCase(),
      dark: shiki.getTheme(THEMES.dark).fg.toLowerCase(),
    };
    for (const [language, code] of Object.entries(samples) as [keyof typeof samples, string][]) {
      const ours = (await tokenize(language, code))!;
      const theirs = shiki.codeToTokensWithThemes(code.replace(/\n$/, ''), {
        lang: GRAMMARS[language].name,
        themes: THEMES,
      });
      codeLines(code).forEach((_, index) => {
        const expected = (theirs[index] ?? []).flatMap((token) => {
          const light = token.variants.light?.color?.toLowerCase() || defaults.light;
          const dark = token.variants.dark?.color?.toLowerCase() || defaults.dark;
          const plain = light === defaults.light && dark === defaults.dark;
          return [...token.content].map((char): [string, string | null, string | null] => [
            char,
            plain ? null : readableOn(light, CODE_BACKGROUND.light),
            plain ? null : readableOn(dark, CODE_BACKGROUND.dark),
          ]);
        });
        const actual = runsOf(ours, code, index).flatMap(([chunk, light, dark]) =>
          [...chunk].map((char): [string, string | null, string | null] => [char, light, dark]),
        );
        // Whitespace may take either colour: it shows none.
        const visible = (chars: [string, string | null, string | null][]) =>
          chars.filter(([char]) => char.trim() !== '');
        expect(visible(actual), `${language} line ${index + 1}`).toEqual(visible(expected));
      });
    }
  });

  it('remembers lines by grammar state: the same text inside a comment is a comment', async () => {
    const outside = await tokenize('javascript', 'x = 1;\n');
    const inside = await tokenize('javascript', '/*\nx = 1;\n*/\n');
    const again = await tokenize('javascript', 'x = 1;\n');
    expect(again).toEqual(outside);
    const [comment] = runsOf(inside!, '/*\nx = 1;\n*/\n', 1);
    expect(comment![0]).toBe('x = 1;');
    expect(runsOf(outside!, 'x = 1;\n', 0).length).toBeGreaterThan(1);
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
