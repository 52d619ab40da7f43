import { useEffect, useState } from 'react';
import { SECTION_PICKED } from './go-to-section';

/** How far down the viewport a heading must have come for its section to count as being read. */
const READING_LINE = 0.3;

/** What the reader does to scroll by themselves, which ends the hold on a picked section. */
const OWN_SCROLL = ['wheel', 'touchstart', 'pointerdown'] as const;
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/**
 * The id of the section being read: the last heading above the reading line, or, at the very
 * bottom of the page, the last heading on screen. An IntersectionObserver on a band at the top
 * of the viewport says when a heading crosses the line; `scrollend` covers the page's end.
 * A section the reader picked (contents, anchor, link) stays current until they scroll
 * themselves: a heading followed closely by its first subheading would otherwise hand the
 * mark to the subheading the moment the jump ends.
 */
export function useActiveSection(ids: readonly string[]): string | undefined {
  const [active, setActive] = useState<string | undefined>(undefined);
  const key = ids.join('\n');

  useEffect(() => {
    const headings = key
      .split('\n')
      .map((id) => (id ? document.getElementById(id) : null))
      .filter((element): element is HTMLElement => element !== null);
    if (headings.length === 0) return;
    let picked: string | undefined;

    const update = () => {
      if (picked) return;
      const line = window.innerHeight * READING_LINE;
      const atBottom =
        window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      let current: string | undefined;
      for (const heading of headings) {
        const top = heading.getBoundingClientRect().top;
        if (top <= line || (atBottom && top < window.innerHeight)) current = heading.id;
        else break;
      }
      setActive(current);
    };
    const onPicked = (event: Event) => {
      const id = (event as CustomEvent<string>).detail;
      if (!headings.some((heading) => heading.id === id)) return;
      picked = id;
      setActive(id);
    };
    const release = () => {
      if (!picked) return;
      picked = undefined;
      update();
    };
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key)) release();
    };

    const observer = new IntersectionObserver(update, {
      rootMargin: `0px 0px -${(1 - READING_LINE) * 100}% 0px`,
    });
    for (const heading of headings) observer.observe(heading);
    window.addEventListener(SECTION_PICKED, onPicked);
    window.addEventListener('scrollend', update);
    window.addEventListener('resize', update);
    for (const type of OWN_SCROLL) window.addEventListener(type, release, { passive: true });
    window.addEventListener('keydown', onKey);
    // No update() here: the observer reports every heading once after the next layout, and
    // measuring now would force that layout of the whole new guide inside this task.
    return () => {
      observer.disconnect();
      window.removeEventListener(SECTION_PICKED, onPicked);
      window.removeEventListener('scrollend', update);
      window.removeEventListener('resize', update);
      for (const type of OWN_SCROLL) window.removeEventListener(type, release);
      window.removeEventListener('keydown', onKey);
    };
  }, [key]);

  return active;
}
