import type { Page } from '@playwright/test';

/**
 * Everything a pointer can activate: links, buttons, form fields, summaries and other tab stops.
 * A radio that sits inside its label is measured by its label, the card the user clicks.
 */
const INTERACTIVE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * The targets on the page smaller than 24×24 CSS px that have neither of WCAG 2.5.8's
 * exceptions: spacing (a 24 px circle on the target's centre meets no other target nor another
 * small target's circle) and inline (a link inside a sentence: its size is set by the
 * line-height of the text around it). Each entry names the element and its size.
 */
export function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const visible = (element: Element) => {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden') return false;
      // Visually hidden (1 px, clipped) controls are reached through their visible label.
      return !(rect.width <= 1 && rect.height <= 1);
    };
    const targetOf = (element: Element): Element => {
      if (element instanceof HTMLInputElement && ['radio', 'checkbox'].includes(element.type)) {
        return element.closest('label') ?? element;
      }
      return element;
    };
    /** A link with words on the same line around it, inside a block of text. */
    const inline = (element: Element) => {
      if (element.tagName !== 'A') return false;
      const block = element.closest('p, li, td, th, dd, blockquote, figcaption');
      if (!block) return false;
      const text = block.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const own = element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      return text.length > own.length;
    };
    const targets = [...new Set([...document.querySelectorAll(selector)].map(targetOf))].filter(
      visible,
    );
    const rects = targets.map((element) => element.getBoundingClientRect());
    const small = rects.map((rect) => rect.width < 23.95 || rect.height < 23.95);
    const describe = (element: Element, rect: DOMRect) => {
      const name =
        element.getAttribute('aria-label') ??
        element.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40) ??
        '';
      const classes = element.getAttribute('class') ?? '';
      return `${element.tagName.toLowerCase()}.${classes} “${name}” ${rect.width.toFixed(1)}×${rect.height.toFixed(1)}`;
    };
    const problems: string[] = [];
    targets.forEach((element, index) => {
      const rect = rects[index]!;
      if (!small[index] || inline(element)) return;
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const spaced = targets.every((other, otherIndex) => {
        if (other === element) return true;
        if (other.contains(element) || element.contains(other)) return true;
        const box = rects[otherIndex]!;
        if (small[otherIndex]) {
          const ox = box.left + box.width / 2;
          const oy = box.top + box.height / 2;
          return Math.hypot(x - ox, y - oy) >= 24;
        }
        const dx = Math.max(box.left - x, 0, x - box.right);
        const dy = Math.max(box.top - y, 0, y - box.bottom);
        return Math.hypot(dx, dy) >= 12;
      });
      if (!spaced) problems.push(describe(element, rect));
    });
    return problems;
  }, INTERACTIVE);
}

/**
 * Why the focused element is not visibly focused, or null when it is: it must lie inside the
 * viewport and not be covered by anything else (a sticky header, an overlay).
 */
export function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nothing has focus';
    const label = `${active.tagName.toLowerCase()} “${active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40) ?? ''}”`;
    // A radio inside a card shows its focus on the card.
    const shown =
      active instanceof HTMLInputElement && active.type === 'radio'
        ? (active.closest('label') ?? active)
        : active;
    const rect = shown.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    if (rect.bottom <= 0 || rect.top >= height || rect.right <= 0 || rect.left >= width) {
      return `${label} is outside the viewport (${Math.round(rect.left)},${Math.round(rect.top)})`;
    }
    const x = Math.min(Math.max(rect.left + Math.min(rect.width, 8) / 2, 0), width - 1);
    const y = Math.min(Math.max(rect.top + rect.height / 2, 0), height - 1);
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== shown && !shown.contains(hit) && !hit.contains(shown)) {
      return `${label} is covered by ${hit.tagName.toLowerCase()}.${hit.getAttribute('class') ?? ''}`;
    }
    return null;
  });
}

/** Whether the page scrolls sideways: its content is wider than the viewport. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/**
 * The longest transition or animation (in seconds) any element or pseudo-element would run,
 * with the element that has it.
 */
export function longestMotion(page: Page): Promise<{ seconds: number; where: string }> {
  return page.evaluate(() => {
    const seconds = (list: string) =>
      Math.max(
        0,
        ...list.split(',').map((part) => {
          const value = parseFloat(part);
          return part.trim().endsWith('ms') ? value / 1000 : value;
        }),
      );
    let longest = { seconds: 0, where: '' };
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const hasAnimation = style.animationName !== 'none';
        const hasTransition =
          style.transitionProperty !== 'none' && style.transitionProperty !== '';
        const duration = Math.max(
          hasAnimation ? seconds(style.animationDuration) : 0,
          hasTransition ? seconds(style.transitionDuration) : 0,
        );
        if (duration > longest.seconds) {
          longest = {
            seconds: duration,
            where: `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}${pseudo ?? ''}`,
          };
        }
      }
    }
    return longest;
  });
}
