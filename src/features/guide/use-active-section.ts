import { useEffect, useState } from 'react';

/** How far down the viewport a heading must have come for its section to count as being read. */
const READING_LINE = 0.3;

/**
 * The id of the section being read: the last heading above the reading line, or, at the very
 * bottom of the page, the last heading on screen. An IntersectionObserver on a band at the top
 * of the viewport says when a heading crosses the line; `scrollend` covers the page's end.
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

    const update = () => {
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

    const observer = new IntersectionObserver(update, {
      rootMargin: `0px 0px -${(1 - READING_LINE) * 100}% 0px`,
    });
    for (const heading of headings) observer.observe(heading);
    window.addEventListener('scrollend', update);
    window.addEventListener('resize', update);
    update();
    return () => {
      observer.disconnect();
      window.removeEventListener('scrollend', update);
      window.removeEventListener('resize', update);
    };
  }, [key]);

  return active;
}
