import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { LanguageId } from '../../../engine/index';
import { readableOn } from './contrast';
import { codeLines, type HighlightResult, type HighlightToken } from './highlight-protocol';
import { GRAMMARS } from './shiki-grammars';

/** Lines longer than this stay plain: a 100k-character line must not hold the worker for seconds. */
export const MAX_LINE_LENGTH = 2000;
/** Code longer than this is not highlighted at all. */
export const MAX_CODE_LENGTH = 400_000;

/**
 * The code blocks' background in each theme: `--code-bg` in src/app/app.css (a unit test keeps
 * the two in step). Token colours are made readable on it.
 */
export const CODE_BACKGROUND = { light: '#f6f8fa', dark: '#0b0f14' } as const;

const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

let highlighter: Promise<HighlighterCore> | undefined;
const loadedGrammars = new Map<string, Promise<void>>();

function getHighlighter(): Promise<HighlighterCore> {
  // The JavaScript regex engine needs no WebAssembly, so no 'wasm-unsafe-eval' in the CSP;
  // `forgiving` skips the odd pattern it cannot translate instead of failing the grammar.
  highlighter ??= createHighlighterCore({
    themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
    langs: [],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
  return highlighter;
}

async function grammarFor(language: Exclude<LanguageId, 'text'>): Promise<HighlighterCore> {
  const core = await getHighlighter();
  const grammar = GRAMMARS[language];
  let loading = loadedGrammars.get(grammar.name);
  if (!loading) {
    loading = core.loadLanguage(grammar.load());
    // A failed load may succeed later (a flaky network); do not keep the rejection.
    loading.catch(() => loadedGrammars.delete(grammar.name));
    loadedGrammars.set(grammar.name, loading);
  }
  await loading;
  return core;
}

/** Starts the highlighter and loads grammars ahead of need; failures surface when used. */
export function prepare(languages: readonly LanguageId[]): void {
  getHighlighter().catch(() => undefined);
  for (const language of languages) {
    if (language !== 'text') grammarFor(language).catch(() => undefined);
  }
}

/**
 * Highlights code in both themes and packs the tokens: one palette of colours, tokens as
 * palette indexes, neighbours of the same colours merged, the theme's default colour left out.
 * Returns null for plain text and for code too long to be worth it.
 */
export async function tokenize(
  language: LanguageId,
  code: string,
): Promise<HighlightResult | null> {
  if (language === 'text' || code.length > MAX_CODE_LENGTH) return null;
  const core = await grammarFor(language);
  const themed = core.codeToTokensWithThemes(code.replace(/\n$/, ''), {
    lang: GRAMMARS[language].name,
    themes: THEMES,
    tokenizeMaxLineLength: MAX_LINE_LENGTH,
  });
  const defaults = {
    light: core.getTheme(THEMES.light).fg.toLowerCase(),
    dark: core.getTheme(THEMES.dark).fg.toLowerCase(),
  };
  const palette: string[] = [];
  const paletteIndex = new Map<string, number>();
  const colorIndex = (color: string | undefined, theme: 'light' | 'dark'): number => {
    const normalized = color?.toLowerCase();
    if (!normalized || normalized === defaults[theme]) return -1;
    const readable = readableOn(normalized, CODE_BACKGROUND[theme]);
    let index = paletteIndex.get(readable);
    if (index === undefined) {
      index = palette.length;
      palette.push(readable);
      paletteIndex.set(readable, index);
    }
    return index;
  };

  const lines = themed.map((line): HighlightToken[] => {
    const packed: HighlightToken[] = [];
    for (const token of line) {
      const light = colorIndex(token.variants.light?.color, 'light');
      const dark = colorIndex(token.variants.dark?.color, 'dark');
      const fontStyle = Math.max(token.variants.light?.fontStyle ?? 0, 0);
      const previous = packed[packed.length - 1];
      const blank = token.content.trim() === '';
      if (
        previous &&
        (blank || (previous[1] === light && previous[2] === dark && previous[3] === fontStyle))
      ) {
        previous[0] += token.content;
      } else {
        packed.push([token.content, blank ? -1 : light, blank ? -1 : dark, blank ? 0 : fontStyle]);
      }
    }
    return packed;
  });
  // shiki and the view must agree on the lines, or the tokens would be shown against other text.
  if (lines.length !== codeLines(code).length) return null;
  return { palette, lines };
}
