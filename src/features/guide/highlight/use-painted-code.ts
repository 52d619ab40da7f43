import { useLayoutEffect, type RefObject } from 'react';
import type { HighlightPayload } from './highlight-payload';
import { colourRanges } from './highlight-ranges';
import { paintCode } from './highlight-registry';

/**
 * Lays a block's colours over its code and marks the <pre> with `data-highlighted` while they
 * are on screen. In a layout effect, so colours and code never disagree in a painted frame:
 * when the code changes, the old colours go in the same commit that changes the text.
 */
export function usePaintedCode(
  preRef: RefObject<HTMLPreElement | null>,
  code: string,
  payload: HighlightPayload | null | undefined,
): void {
  useLayoutEffect(() => {
    const pre = preRef.current;
    const text = pre?.querySelector('code')?.firstChild;
    if (!pre || !payload || !(text instanceof Text) || text.data !== code) return;
    const erase = paintCode(text, colourRanges(code, payload));
    // Not React state: the mark must appear in the very commit that adds the colours.
    pre.setAttribute('data-highlighted', 'true');
    return () => {
      erase();
      pre.removeAttribute('data-highlighted');
    };
  }, [preRef, code, payload]);
}
