/**
 * GitHub-style heading anchors: lowercase, punctuation dropped, spaces to hyphens, deduplicated
 * as github-slugger does it.
 */
export function createSlugger(): (text: string) => string {
  /** Every anchor handed out, with how many times its base has been repeated so far. */
  const occurrences = new Map<string, number>();
  return (text) => {
    const base =
      text
        .toLowerCase()
        .trim()
        .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
        .replace(/\s/g, '-') || 'section';
    // "Example", "Example", "Example 1" would give example-1 twice if we only counted bases:
    // keep numbering until the anchor is free, and register the numbered anchor too.
    let anchor = base;
    while (occurrences.has(anchor)) {
      const count = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, count);
      anchor = `${base}-${count}`;
    }
    occurrences.set(anchor, 0);
    return anchor;
  };
}

/** Letters NFKD does not decompose, spelled the way their languages write them in ASCII. */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** The words of a heading for a file name: "1. Multi-Level Caching" → multi, level, caching. */
export function nameWords(text: string): string[] {
  return text
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (letter) => TRANSLITERATION[letter] ?? letter)
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}
