import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CodeBlock } from '../../../engine/index';
import { highlightQueryOptions } from './highlight-query';
import { canPaintCode } from './highlight-registry';

/**
 * Asks for every block's colours while the guide renders, as TanStack Query's
 * usePrefetchQuery does for one query: the requests then travel while the browser commits and
 * lays out the new guide, instead of starting after it. Each block's own query picks up the
 * request in flight. Memoised on the blocks, so re-renders that change no code (the contents
 * following the reader) do not hash every block's code again; asking twice is harmless.
 */
export function usePrefetchHighlights(blocks: readonly CodeBlock[]): void {
  const client = useQueryClient();
  useMemo(() => {
    if (!canPaintCode()) return;
    for (const { language, code } of blocks) {
      if (language === 'text') continue;
      const options = highlightQueryOptions(language, code);
      if (!client.getQueryState(options.queryKey)) void client.prefetchQuery(options);
    }
  }, [client, blocks]);
}
