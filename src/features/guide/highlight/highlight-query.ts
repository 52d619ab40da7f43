import { queryOptions } from '@tanstack/react-query';
import type { LanguageId } from '../../../engine/index';
import { requestHighlight } from './highlight-client';
import type { HighlightPayload } from './highlight-payload';
import { fetchPrecomputed } from './precomputed-highlight';

let warned = false;

/**
 * The build's tokens when it has them, else the worker's. Highlighting is an enhancement: when
 * both fail the code stays plain, with one warning.
 */
async function highlightOrPlain(
  language: LanguageId,
  code: string,
  signal: AbortSignal,
): Promise<HighlightPayload | null> {
  try {
    return (
      (await fetchPrecomputed(language, code, signal)) ??
      (await requestHighlight(language, code, signal))
    );
  } catch (error) {
    if (signal.aborted) throw error;
    if (!warned) {
      warned = true;
      console.warn('Code highlighting is unavailable; showing plain code.', error);
    }
    return null;
  }
}

/**
 * The tokens of one code block, cached by content: a changed choice re-highlights only the
 * blocks whose code changed. The result of a (language, code) pair never changes.
 */
export function highlightQueryOptions(language: LanguageId, code: string) {
  return queryOptions({
    queryKey: ['highlight', language, code] as const,
    queryFn: ({ signal }) => highlightOrPlain(language, code, signal),
    staleTime: Infinity,
    // Long enough to switch a choice back and forth without fetching again, short enough that
    // a long session does not pile up tokens of guides no longer shown (the HTTP cache keeps
    // the assets; the worker keeps its last few results).
    gcTime: 30_000,
    retry: false,
  });
}

/** For tests: forget that the failure warning was already given. */
export function resetHighlightWarning() {
  warned = false;
}
