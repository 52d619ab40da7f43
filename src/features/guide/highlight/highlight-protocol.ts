import type { LanguageId } from '../../../engine/index';

/**
 * One token of highlighted code: its text, its colour in the light and dark themes as indexes
 * into the result's palette (-1: the code's own colour), and shiki's font-style bits.
 */
export type HighlightToken = [text: string, light: number, dark: number, fontStyle: number];

/** Highlighted code, compact enough to post between threads and keep in the query cache. */
export interface HighlightResult {
  /** The colours the tokens use, as CSS hex colours. */
  palette: string[];
  /** One array of tokens per line of the code, without the trailing newline's empty line. */
  lines: HighlightToken[][];
}

/** Font-style bits, as shiki's FontStyle enum has them. */
export const FONT_ITALIC = 1;
export const FONT_BOLD = 2;
export const FONT_UNDERLINE = 4;
export const FONT_STRIKETHROUGH = 8;

export type HighlightRequest =
  | { type: 'highlight'; id: number; language: LanguageId; code: string }
  | { type: 'cancel'; id: number }
  /** Start the highlighter and fetch these grammars now, before any block asks. */
  | { type: 'prepare'; languages: LanguageId[] };

export type HighlightResponse =
  /** A null result: the code is plain text or too long to highlight. */
  | { id: number; ok: true; result: HighlightResult | null }
  | { id: number; ok: false; error: string };

/** The lines of a code block as they are shown: the engine ends every block with one newline. */
export function codeLines(code: string): string[] {
  return code.replace(/\n$/, '').split('\n');
}
