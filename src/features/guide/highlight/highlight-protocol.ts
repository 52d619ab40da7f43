import type { LanguageId } from '../../../engine/index';
import type { HighlightPayload } from './highlight-payload';

export type HighlightRequest =
  | { type: 'highlight'; id: number; language: LanguageId; code: string }
  | { type: 'cancel'; id: number }
  /** Start the highlighter and fetch these grammars now, before any block asks. */
  | { type: 'prepare'; languages: LanguageId[] };

export type HighlightResponse =
  /** A null result: the code is plain text or too long to highlight. */
  | { id: number; ok: true; result: HighlightPayload | null }
  | { id: number; ok: false; error: string };
