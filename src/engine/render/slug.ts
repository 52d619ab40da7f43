/** GitHub-style heading anchors: lowercase, punctuation dropped, spaces to hyphens, deduplicated. */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base =
      text
        .toLowerCase()
        .trim()
        .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
        .replace(/\s/g, '-') || 'section';
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

/** The words of a heading for a file name: "1. Multi-Level Caching" → multi, level, caching. */
export function nameWords(text: string): string[] {
  return text
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}
