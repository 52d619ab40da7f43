import { useEffect, type RefObject } from 'react';

/**
 * Scrolls the nearest scrolling box around `selector` inside the container (not the page) so
 * the matched element is visible: the contents' current entry stays in sight in a side
 * column that is shorter than the contents.
 */
export function useKeepInView(
  container: RefObject<HTMLElement | null>,
  selector: string,
  dependency: unknown,
) {
  useEffect(() => {
    const target = container.current?.querySelector<HTMLElement>(selector);
    if (!target) return;
    const scroller = scrollingAncestor(target);
    if (!scroller) return;
    const box = scroller.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    const margin = 24;
    if (rect.top < box.top + margin) {
      scroller.scrollTop -= box.top + margin - rect.top;
    } else if (rect.bottom > box.bottom - margin) {
      scroller.scrollTop += rect.bottom - (box.bottom - margin);
    }
  }, [container, selector, dependency]);
}

function scrollingAncestor(element: HTMLElement): HTMLElement | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node === document.body || node === document.documentElement) return undefined;
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) {
      return node;
    }
  }
  return undefined;
}
