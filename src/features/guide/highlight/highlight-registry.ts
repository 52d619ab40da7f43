/**
 * The page's CSS custom highlights: one `Highlight` per pair of colours, shared by every code
 * block, and one `::highlight()` rule per pair in a constructed stylesheet. Rules are added
 * through the CSSOM, which a strict CSP allows (no <style> element, no style attribute);
 * light-dark() picks the theme's colour, so switching the theme recolours without any work.
 */
import type { ColourRanges } from './highlight-ranges';

let sheet: CSSStyleSheet | undefined;
const highlights = new Map<string, Highlight>();
let warned = false;

/** Whether this browser can colour code with CSS custom highlights; warns once when not. */
export function canPaintCode(): boolean {
  const supported =
    typeof CSS !== 'undefined' &&
    'highlights' in CSS &&
    typeof Highlight === 'function' &&
    typeof StaticRange === 'function' &&
    typeof CSSStyleSheet === 'function' &&
    'adoptedStyleSheets' in Document.prototype;
  if (!supported && !warned) {
    warned = true;
    console.warn('This browser has no CSS custom highlights; showing plain code.');
  }
  return supported;
}

function highlightFor(group: ColourRanges): Highlight {
  let highlight = highlights.get(group.name);
  if (highlight) return highlight;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.insertRule(
    `::highlight(${group.name}) { color: light-dark(${group.light}, ${group.dark}); }`,
    sheet.cssRules.length,
  );
  highlight = new Highlight();
  highlights.set(group.name, highlight);
  CSS.highlights.set(group.name, highlight);
  return highlight;
}

/**
 * Colours a code block's text node: one range per run of coloured characters, added to the
 * highlight of its colours. Static ranges, because the page never edits code in place: the
 * browser has no live ranges to update when React changes the DOM. Returns the function that
 * takes this block's colours away again (when it unmounts or its code changes).
 */
export function paintCode(text: Text, groups: readonly ColourRanges[]): () => void {
  const painted: [Highlight, StaticRange[]][] = [];
  for (const group of groups) {
    const highlight = highlightFor(group);
    const ranges: StaticRange[] = [];
    for (let index = 0; index < group.offsets.length; index += 2) {
      const range = new StaticRange({
        startContainer: text,
        startOffset: group.offsets[index]!,
        endContainer: text,
        endOffset: group.offsets[index + 1]!,
      });
      highlight.add(range);
      ranges.push(range);
    }
    painted.push([highlight, ranges]);
  }
  return () => {
    for (const [highlight, ranges] of painted) {
      for (const range of ranges) highlight.delete(range);
    }
  };
}
