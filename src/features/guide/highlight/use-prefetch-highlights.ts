import { useMemo } from 'react';
import type { CodeBlock } from '../../../engine/index';
import { prefetchHighlights } from './highlight-query';
import { canPaintCode } from './highlight-registry';

/**
 * Asks for every block's colours while the guide renders, as TanStack Query's
 * usePrefetchQuery does: the requests then travel while the browser commits and lays out the
 * new guide, instead of starting after it. Memoised on the blocks, so re-renders that change
 * no code (the contents following the reader) do not hash every block's code again.
 */
export function usePrefetchHighlights(blocks: readonly CodeBlock[]): void {
  useMemo(() => {
    if (canPaintCode()) prefetchHighlights(blocks);
  }, [blocks]);
}
