import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether an element's work should start now: at once when it is within a screen of the
 * viewport, otherwise once the browser is idle after the first paint. Work for what the reader
 * is about to see goes first, and everything else follows without waiting for a scroll.
 * True at once where IntersectionObserver is missing.
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    const later = whenIdle(() => setNear(true));
    return () => {
      observer.disconnect();
      later();
    };
  }, [ref, near]);
  return near;
}

/** Runs `callback` when the main thread is idle (or after 1 s at the latest); returns a cancel. */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 200);
  return () => clearTimeout(handle);
}
