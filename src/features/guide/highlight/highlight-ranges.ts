import type { HighlightPayload } from './highlight-payload';

/** Every stretch of a block's code drawn in one pair of colours. */
export interface ColourRanges {
  /** The CSS highlight's name, the same for the same colours in every block. */
  name: string;
  light: string;
  dark: string;
  /** Start and end offsets into the code's text, in pairs: [start, end, start, end, …]. */
  offsets: number[];
}

/** A CSS custom highlight's name for a pair of colours: `hl-<light>-<dark>` without the #. */
export function highlightName(light: string, dark: string): string {
  return `hl-${light.slice(1)}-${dark.slice(1)}`;
}

/**
 * Turns a payload into offsets over the code's single text node, grouped by colour pair: one
 * CSS highlight per pair, whatever the number of tokens. Runs in the code's own colour need no
 * range; the line breaks between lines are one character each.
 */
export function colourRanges(code: string, payload: HighlightPayload): ColourRanges[] {
  const groups = new Map<number, ColourRanges>();
  const width = payload.palette.length;
  let lineStart = 0;
  for (const line of payload.lines) {
    let at = lineStart;
    for (let index = 0; index < line.length; index += 3) {
      const length = line[index]!;
      const light = line[index + 1]!;
      const dark = line[index + 2]!;
      if (light >= 0 && dark >= 0) {
        const pair = light * width + dark;
        let group = groups.get(pair);
        if (!group) {
          const lightColour = payload.palette[light]!;
          const darkColour = payload.palette[dark]!;
          group = {
            name: highlightName(lightColour, darkColour),
            light: lightColour,
            dark: darkColour,
            offsets: [],
          };
          groups.set(pair, group);
        }
        group.offsets.push(at, at + length);
      }
      at += length;
    }
    const lineEnd = code.indexOf('\n', lineStart);
    lineStart = lineEnd < 0 ? code.length : lineEnd + 1;
  }
  return [...groups.values()];
}
