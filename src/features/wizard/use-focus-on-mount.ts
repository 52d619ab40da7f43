import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element (a step's heading, tabIndex -1) when it first appears, so keyboard
 * and screen-reader users start each new step at its question, and shows the step from the top.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    window.scrollTo({ top: 0 });
    ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
