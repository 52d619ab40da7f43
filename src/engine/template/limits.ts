/**
 * How much work one template may ask of the engine. A template is text from anyone (the CLI's
 * --template), so every cost the engine pays is bounded here, and going past a bound ends the
 * work with a message that names the limit and where in the template it was reached. Each
 * bound leaves ample room for the template the app ships (figures for edition 1.1.0).
 */
export const LIMITS = {
  /** Characters in a template file: the shipped one is 427 KB; compiling 2 MB takes about 1 s. */
  templateChars: 2 * 1024 * 1024,
  /** Characters of YAML frontmatter: the shipped one is 1.2 KB. */
  frontmatterChars: 64 * 1024,
  /** Blocks open at once, `{{else if}}` chains counted: the shipped template nests 8 deep. */
  blockDepth: 64,
  /** Sub-expressions inside one another, `(eq (lowercase x) "a")` being 2: shipped 2. */
  expressionDepth: 16,
  /** `{{#each}}` iterations in one guide, all loops together: the shipped template has none. */
  loopIterations: 10_000,
  /** Characters in one rendered guide: the longest shipped guide has 91,436. */
  guideChars: 256 * 1024,
  /**
   * Characters of text made by helpers (`join`, `split`, `uppercase`…) in one guide, written
   * or not: the shipped template's helpers only compare, so it makes none.
   */
  helperChars: 4 * 1024 * 1024,
  /** Containers (quotes, list items, indentation) around one line of a guide: shipped 2. */
  markdownDepth: 32,
  /** Lines of one list item without a blank line: marked reads them again for each new one. */
  listItemLines: 200,
  /**
   * Unescaped emphasis marks, parentheses and ampersands times the length of the text they
   * are in, summed over a guide's paragraphs, headings and cells: marked matches emphasis and
   * trims autolinks by looking ahead, so its cost grows with that product (shipped: 110,820).
   */
  inlineWork: 4_000_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/** 1-based line and column of `offset` in `text`; linear, for the rare message that needs it. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** 12,345 for messages. */
export const count = (value: number): string => value.toLocaleString('en-US');
