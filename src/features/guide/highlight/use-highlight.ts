import { useQuery } from '@tanstack/react-query';
import type { LanguageId } from '../../../engine/index';
import type { HighlightResult } from './highlight-protocol';
import { highlightQueryOptions } from './highlight-query';

/** The tokens of a code block once highlighted; undefined until then and for plain text. */
export function useHighlight(
  language: LanguageId,
  code: string,
  enabled: boolean,
): HighlightResult | undefined {
  const { data } = useQuery({
    ...highlightQueryOptions(language, code),
    enabled: enabled && language !== 'text',
  });
  return data ?? undefined;
}
