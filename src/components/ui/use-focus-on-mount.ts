import { useEffect, useRef } from 'react';

/** Whether a screen (a wizard step, the guide) has been shown yet in this page's life. */
let screenShown = false;

/**
 * Moves focus to the element (a screen's heading, tabIndex -1) when it first appears, so keyboard
 * and screen-reader users start each new step at its question, and shows the step from the top.
 * With `exceptFirstScreen`, the page's very first screen leaves focus where the browser starts
 * it (the top of the page, before the header's links); returning to it later moves focus, which
 * would otherwise be lost on the body when the previous screen's button disappears.
 */
export function useFocusOnMount<T extends HTMLElement>({ exceptFirstScreen = false } = {}) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const first = !screenShown;
    screenShown = true;
    if (exceptFirstScreen && first) return;
    window.scrollTo({ top: 0 });
    ref.current?.focus({ preventScroll: true });
  }, [exceptFirstScreen]);
  return ref;
}
