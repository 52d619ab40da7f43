import type { Inline } from './guide';

// Its own module: the page's components use it without loading the markdown reader.
/** The text of inline content, without its formatting. */
export function plainText(children: readonly Inline[]): string {
  return children
    .map((child) => {
      if (child.type === 'text' || child.type === 'code') return child.text;
      if (child.type === 'break') return ' ';
      return plainText(child.children);
    })
    .join('');
}
