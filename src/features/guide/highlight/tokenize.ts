/**
 * Code to colours, with shiki's grammars. One function for both places that highlight: the
 * build, which writes the shipped template's colours as assets, and the worker, for code the
 * build did not see. Both must give the same colours, so they share this module.
 */
import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript';
import { createShikiPrimitiveAsync, type ShikiPrimitive } from 'shiki/core';
import { INITIAL, type IGrammar, type StateStack } from 'shiki/textmate';
import type { LanguageId } from '../../../engine/index';
import { readableOn } from './contrast';
import { codeLines, encodeLine, type ColourRun, type HighlightPayload } from './highlight-payload';
import { LineMemo } from './line-memo';
import { scopeColours } from './scope-colours';
import { GRAMMARS } from './shiki-grammars';

/** Lines longer than this stay plain: a 100k-character line must not hold the worker for seconds. */
export const MAX_LINE_LENGTH = 2000;
/** Code longer than this is not highlighted at all. */
export const MAX_CODE_LENGTH = 400_000;
/** shiki's own limit for one line; a line that takes longer keeps what was found so far. */
const LINE_TIME_LIMIT = 500;
/** Lines remembered per grammar (see LineMemo). */
const MEMO_LINES = 20_000;

/**
 * The code blocks' background in each theme: `--code-bg` in src/app/app.css (a unit test keeps
 * the two in step). Token colours are made readable on it.
 */
export const CODE_BACKGROUND = { light: '#f6f8fa', dark: '#0b0f14' } as const;

export const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** A token's colours in both themes, readable, or null for the code's own colour. */
type TokenColours = { light: string; dark: string } | null;
type LineTokens = { length: number; colours: TokenColours; blank: boolean }[];

interface Session {
  shiki: ShikiPrimitive;
  coloursOf: (scopes: string[]) => TokenColours;
}

let session: Promise<Session> | undefined;
const grammars = new Map<string, Promise<{ grammar: IGrammar; memo: LineMemo<LineTokens> }>>();

function getSession(): Promise<Session> {
  // The JavaScript engine translates the grammars' Oniguruma patterns to RegExp: no WebAssembly
  // (no 'wasm-unsafe-eval' in the CSP). Not the "raw" engine with precompiled grammars: end
  // patterns that refer back to their begin (Python's """ docstrings, heredocs) are built
  // while tokenizing, and only a translating engine can compile them.
  session ??= createShikiPrimitiveAsync({
    themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  }).then((shiki) => ({ shiki, coloursOf: tokenColours(shiki) }));
  return session;
}

/** Scopes to colours in both themes, remembered by scope path: few paths recur endlessly. */
function tokenColours(shiki: ShikiPrimitive): (scopes: string[]) => TokenColours {
  const light = shiki.getTheme(THEMES.light);
  const dark = shiki.getTheme(THEMES.dark);
  const lightOf = scopeColours(light);
  const darkOf = scopeColours(dark);
  const defaults = { light: light.fg.toLowerCase(), dark: dark.fg.toLowerCase() };
  const known = new Map<string, TokenColours>();
  return (scopes) => {
    const key = scopes.join(' ');
    let colours = known.get(key);
    if (colours === undefined) {
      const [lightColour, darkColour] = [
        lightOf(scopes) || defaults.light,
        darkOf(scopes) || defaults.dark,
      ];
      // A colour in one theme only keeps the other theme's default, spelled out, so every
      // highlight names both of its colours.
      colours =
        lightColour === defaults.light && darkColour === defaults.dark
          ? null
          : {
              light: readableOn(lightColour, CODE_BACKGROUND.light),
              dark: readableOn(darkColour, CODE_BACKGROUND.dark),
            };
      known.set(key, colours);
    }
    return colours;
  };
}

function grammarFor(language: Exclude<LanguageId, 'text'>) {
  const { name, load } = GRAMMARS[language];
  let loading = grammars.get(name);
  if (!loading) {
    loading = getSession().then(async ({ shiki }) => {
      await shiki.loadLanguage(load());
      return { grammar: shiki.getLanguage(name), memo: new LineMemo<LineTokens>(MEMO_LINES) };
    });
    // A failed load may succeed later (a flaky network); do not keep the rejection.
    loading.catch(() => grammars.delete(name));
    grammars.set(name, loading);
  }
  return loading;
}

/** Starts the highlighter and loads grammars ahead of need; failures surface when used. */
export function prepare(languages: readonly LanguageId[]): void {
  getSession().catch(() => undefined);
  for (const language of languages) {
    if (language !== 'text') grammarFor(language).catch(() => undefined);
  }
}

/**
 * Highlights code in both themes and packs it (see HighlightPayload): one palette, runs as
 * palette indexes, neighbours of the same colours merged, whitespace and the themes' default
 * colours left to the code's own colour. Lines are tokenized the way shiki does (empty and
 * over-long lines skipped, the grammar state carried from line to line), once for both
 * themes. Null for plain text and for code too long to be worth it. Font styles are dropped:
 * CSS custom highlights can only change colours.
 */
export async function tokenize(
  language: LanguageId,
  code: string,
): Promise<HighlightPayload | null> {
  if (language === 'text' || code.length > MAX_CODE_LENGTH) return null;
  const [{ coloursOf }, { grammar, memo }] = await Promise.all([
    getSession(),
    grammarFor(language),
  ]);
  const palette: string[] = [];
  const paletteIndex = new Map<string, number>();
  const indexOf = (colour: string): number => {
    let index = paletteIndex.get(colour);
    if (index === undefined) {
      index = palette.length;
      palette.push(colour);
      paletteIndex.set(colour, index);
    }
    return index;
  };

  let state: StateStack = INITIAL;
  const lines = codeLines(code).map((text) => {
    let tokens: LineTokens;
    if (text === '') {
      tokens = [];
    } else if (text.length >= MAX_LINE_LENGTH) {
      tokens = [{ length: text.length, colours: null, blank: false }];
    } else {
      const known = memo.get(text, state);
      if (known) {
        tokens = known.result;
        state = known.after;
      } else {
        const result = grammar.tokenizeLine(text, state, LINE_TIME_LIMIT);
        tokens = result.tokens.map((token) => {
          const end = Math.min(token.endIndex, text.length);
          return {
            length: end - token.startIndex,
            colours: coloursOf(token.scopes),
            blank: text.slice(token.startIndex, end).trim() === '',
          };
        });
        // A line cut short by the time limit is not what the grammar would say: not kept.
        if (!result.stoppedEarly)
          memo.set(text, { before: state, result: tokens, after: result.ruleStack });
        state = result.ruleStack;
      }
    }
    const runs = tokens.map(({ length, colours, blank }): Run => ({
      length,
      light: colours ? indexOf(colours.light) : -1,
      dark: colours ? indexOf(colours.dark) : -1,
      blank,
    }));
    return encodeLine(mergeBlanks(runs));
  });
  return { palette, lines };
}

type Run = ColourRun & { blank: boolean };

/**
 * Whitespace takes no colour, unless it sits between two runs of the same colours: then it
 * joins them, for fewer ranges and the same picture.
 */
function mergeBlanks(runs: Run[]): ColourRun[] {
  return runs.map((run, index) => {
    const before = runs[index - 1];
    const after = runs[index + 1];
    if (!run.blank) return run;
    const between =
      before !== undefined &&
      after !== undefined &&
      before.light >= 0 &&
      before.light === after.light &&
      before.dark === after.dark;
    return between
      ? { length: run.length, light: before.light, dark: before.dark }
      : { length: run.length, light: -1, dark: -1 };
  });
}
