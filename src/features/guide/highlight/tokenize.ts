/**
 * Code to colours, with shiki. One function for both places that highlight: the build, which
 * writes the shipped template's tokens as assets, and the worker, for code the build did not
 * see. Both must give the same colours, so they share this module.
 */
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRawEngine } from '@shikijs/engine-javascript/raw';
import type { LanguageId } from '../../../engine/index';
import { readableOn } from './contrast';
import { codeLines, encodeLine, type ColourRun, type HighlightPayload } from './highlight-payload';
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
  // The raw engine runs the grammars' precompiled RegExp literals as they are: no WebAssembly
  // (no 'wasm-unsafe-eval' in the CSP), no pattern translation at run time, and a small chunk.
  highlighter ??= createHighlighterCore({
    themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
    langs: [],
    engine: createJavaScriptRawEngine(),
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
 * Highlights code in both themes and packs it (see HighlightPayload): one palette, runs as
 * palette indexes, neighbours of the same colours merged, whitespace and the themes' default
 * colours left to the code's own colour. Returns null for plain text and for code too long to
 * be worth it. Font styles are dropped: CSS custom highlights can only change colours.
 */
export async function tokenize(
  language: LanguageId,
  code: string,
): Promise<HighlightPayload | null> {
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
  const colourIndex = (colour: string): number => {
    let index = paletteIndex.get(colour);
    if (index === undefined) {
      index = palette.length;
      palette.push(colour);
      paletteIndex.set(colour, index);
    }
    return index;
  };

  const lines = themed.map((line) => {
    const runs = line.map((token): Run => {
      const light = token.variants.light?.color?.toLowerCase() || defaults.light;
      const dark = token.variants.dark?.color?.toLowerCase() || defaults.dark;
      const blank = token.content.trim() === '';
      const length = token.content.length;
      if (blank || (light === defaults.light && dark === defaults.dark)) {
        return { length, light: -1, dark: -1, blank };
      }
      // A colour in one theme only: the other theme's default, spelled out, so every
      // highlight names both of its colours.
      return {
        length,
        light: colourIndex(readableOn(light, CODE_BACKGROUND.light)),
        dark: colourIndex(readableOn(dark, CODE_BACKGROUND.dark)),
        blank,
      };
    });
    return encodeLine(mergeBlanks(runs));
  });
  // shiki and the view must agree on the lines, or the colours would be laid over other text.
  if (lines.length !== codeLines(code).length) return null;
  return { palette, lines };
}

type Run = ColourRun & { blank: boolean };

/** Whitespace between two runs of one colour joins them: fewer ranges, the same picture. */
function mergeBlanks(runs: Run[]): ColourRun[] {
  return runs.map((run, index) => {
    const before = runs[index - 1];
    const after = runs[index + 1];
    const between =
      run.blank &&
      before !== undefined &&
      after !== undefined &&
      before.light >= 0 &&
      before.light === after.light &&
      before.dark === after.dark;
    return between ? { length: run.length, light: before.light, dark: before.dark } : run;
  });
}
