import { useQuery } from '@tanstack/react-query';
import type { LanguageId } from '../../../engine/index';
import type { HighlightPayload } from './highlight-payload';
import { highlightQueryOptions } from './highlight-query';
import { canPaintCode } from './highlight-registry';

/**
 * The colours of a code block once known; undefined until then, for plain text, and where the
 * browser could not show them anyway.
 */
export function useHighlight(language: LanguageId, code: string): HighlightPayload | undefined {
  const { data } = useQuery({
    ...highlightQueryOptions(language, code),
    enabled: language !== 'text' && canPaintCode(),
  });
  return data ?? undefined;
}
