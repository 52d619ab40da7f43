import type { MouseEvent } from 'react';

/** Fired on window when the reader picks a section, with its id as detail. */
export const SECTION_PICKED = 'guide:section-picked';

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Scrolls to a section and puts its anchor in the address bar without a new history entry:
 * Back leaves the guide instead of walking through every heading clicked. `history.state`
 * holds the app's view, so it is kept as it is.
 */
export function goToSection(id: string, options: { smooth?: boolean } = {}): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const smooth = (options.smooth ?? true) && !prefersReducedMotion();
  target.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
  const url = `${window.location.pathname}${window.location.search}#${encodeURIComponent(id)}`;
  window.history.replaceState(window.history.state, '', url);
  // Keyboard and screen-reader users continue reading from the section they picked.
  target.focus({ preventScroll: true });
  window.dispatchEvent(new CustomEvent<string>(SECTION_PICKED, { detail: id }));
  return true;
}

/**
 * A click on an in-page link, handled by goToSection; modified clicks (new tab, new window)
 * keep their meaning. `before` runs first, e.g. to fold the contents above the target.
 */
export function onSectionLinkClick(
  event: MouseEvent<HTMLAnchorElement>,
  id: string,
  before?: () => void,
) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  before?.();
  if (goToSection(id)) event.preventDefault();
}
