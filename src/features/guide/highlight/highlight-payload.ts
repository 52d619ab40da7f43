/**
 * Highlighted code, compact enough to ship as a build asset, post between threads and keep in
 * the query cache: no text (the page has the code), only run lengths and colours.
 */
export interface HighlightPayload {
  /** The colours the runs use, as CSS hex colours. */
  palette: string[];
  /**
   * One flat array per line of the code: [length, light, dark, length, light, dark, …], where
   * light and dark index the palette, or are both -1 for the code's own colour. The lengths of a
   * line add up to the line's length in UTF-16 code units.
   */
  lines: number[][];
}

/** One run of equally coloured characters, as the tokenizer sees it. */
export interface ColourRun {
  length: number;
  light: number;
  dark: number;
}

/** The lines of a code block as they are shown: the engine ends every block with one newline. */
export function codeLines(code: string): string[] {
  return code.replace(/\n$/, '').split('\n');
}

/** Packs one line's runs, merging neighbours of the same colours and dropping empty runs. */
export function encodeLine(runs: readonly ColourRun[]): number[] {
  const packed: number[] = [];
  for (const { length, light, dark } of runs) {
    if (length <= 0) continue;
    const last = packed.length - 3;
    if (last >= 0 && packed[last + 1] === light && packed[last + 2] === dark) {
      packed[last] = packed[last]! + length;
    } else {
      packed.push(length, light, dark);
    }
  }
  return packed;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/;

/**
 * A payload read from outside (a fetched asset), or null when it does not fit this code: wrong
 * shape, a colour that is not hex, an index outside the palette, or run lengths that do not add
 * up to the lines' lengths. Tokens laid over the wrong text would colour nonsense.
 */
export function parsePayload(value: unknown, code: string): HighlightPayload | null {
  if (typeof value !== 'object' || value === null) return null;
  const { palette, lines } = value as Partial<HighlightPayload>;
  if (!Array.isArray(palette) || !Array.isArray(lines)) return null;
  if (!palette.every((colour) => typeof colour === 'string' && HEX_COLOUR.test(colour))) {
    return null;
  }
  const expected = codeLines(code);
  if (lines.length !== expected.length) return null;
  const fits = lines.every((line, index) => {
    if (!Array.isArray(line) || line.length % 3 !== 0) return false;
    let total = 0;
    for (let at = 0; at < line.length; at += 3) {
      const [length, light, dark] = [line[at], line[at + 1], line[at + 2]];
      if (!Number.isInteger(length) || (length as number) <= 0) return false;
      if (!isColourPair(light, dark, palette.length)) return false;
      total += length as number;
    }
    return total === expected[index]!.length;
  });
  return fits ? { palette, lines } : null;
}

/** Both colours from the palette, or both the code's own (-1): never one of each. */
function isColourPair(light: unknown, dark: unknown, size: number): boolean {
  if (light === -1 && dark === -1) return true;
  const inPalette = (index: unknown) =>
    Number.isInteger(index) && (index as number) >= 0 && (index as number) < size;
  return inPalette(light) && inPalette(dark);
}
