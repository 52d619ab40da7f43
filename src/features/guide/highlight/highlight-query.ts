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

/** Colours asked for while a guide renders, before the blocks' own queries start. */
let prefetched = new Map<string, Promise<HighlightPayload | null>>();
/** Prefetches are never cancelled: a block's query may have taken one over meanwhile. */
const NEVER = new AbortController().signal;

function prefetchKey(language: LanguageId, code: string): string {
  return `${language}\n${code}`;
}

/**
 * Starts fetching the colours of a guide's blocks while React is still rendering it, so the
 * requests travel meanwhile; each block's query takes its request over. Asking for a new guide
 * forgets what the previous one asked and nobody took (the requests finish, unread): at most
 * one guide's colours wait here.
 */
export function prefetchHighlights(blocks: readonly { language: LanguageId; code: string }[]) {
  const next = new Map<string, Promise<HighlightPayload | null>>();
  for (const { language, code } of blocks) {
    if (language === 'text') continue;
    const key = prefetchKey(language, code);
    const request = prefetched.get(key) ?? highlightOrPlain(language, code, NEVER);
    request.catch(() => undefined);
    next.set(key, request);
  }
  prefetched = next;
}

function takePrefetched(language: LanguageId, code: string) {
  const key = prefetchKey(language, code);
  const request = prefetched.get(key);
  prefetched.delete(key);
  return request;
}

/**
 * The tokens of one code block, cached by content: a changed choice re-highlights only the
 * blocks whose code changed. The result of a (language, code) pair never changes.
 */
export function highlightQueryOptions(language: LanguageId, code: string) {
  return queryOptions({
    queryKey: ['highlight', language, code] as const,
    queryFn: ({ signal }) =>
      takePrefetched(language, code) ?? highlightOrPlain(language, code, signal),
    staleTime: Infinity,
    // Dropped as soon as no block shows it: a guide's colours are kept by its ranges, the
    // code of guides no longer shown must not pile up (the query key holds it), and coming
    // back is cheap: the asset is in the HTTP cache, the worker remembers its last results.
    gcTime: 0,
    retry: false,
  });
}

/** For tests: forget that the failure warning was already given. */
export function resetHighlightWarning() {
  warned = false;
}
