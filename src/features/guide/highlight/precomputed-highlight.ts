/// <reference types="vite/client" />
// The unit tests type-check this file without the app's types; it reads import.meta.env.
import type { LanguageId } from '../../../engine/index';
import { HIGHLIGHT_ASSET_DIR, highlightKey } from './highlight-key';
import { parsePayload, type HighlightPayload } from './highlight-payload';

/** Whether this build wrote tokens for the shipped template (scripts/highlight-plugin.ts). */
export function hasPrecomputedHighlights(): boolean {
  return import.meta.env.VITE_PRECOMPUTED_HIGHLIGHTS === 'true';
}

/**
 * The tokens the build computed for this code, or undefined when it has none (a 404, another
 * build's template, no Web Crypto outside a secure context, a payload that does not fit):
 * the worker highlights the code then. Only an abort is thrown.
 */
export async function fetchPrecomputed(
  language: LanguageId,
  code: string,
  signal: AbortSignal,
): Promise<HighlightPayload | undefined> {
  if (!hasPrecomputedHighlights() || typeof crypto === 'undefined' || !crypto.subtle) {
    return undefined;
  }
  try {
    const key = await highlightKey(language, code);
    const url = `${import.meta.env.BASE_URL}${HIGHLIGHT_ASSET_DIR}/${key}.json`;
    const response = await fetch(url, { signal });
    // A server that answers every path with the app's page is a miss too.
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return undefined;
    return parsePayload(await response.json(), code) ?? undefined;
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}
