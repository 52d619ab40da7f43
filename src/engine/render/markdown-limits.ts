import { Lexer, type MarkedOptions, type Token } from 'marked';
import { count, LIMITS } from '../template/limits';
import { RenderLimitError } from '../template/template-error';

/** Where in the guide a value or block of the template started writing. */
export interface Origin {
  offset: number;
  /** Its place in the template file. */
  line: number;
  column?: number;
  /**
   * The guide from `offset` on is the template's text as written, up to the next origin (the
   * body's start): a place there is found by counting lines, not only "after" the origin.
   */
  verbatim?: true;
}

/**
 * marked, bounded: it reads nested containers recursively and matches emphasis by looking
 * ahead (so `*a **b _c` repeated costs the square of its length), which a hostile template
 * could make take minutes. Before lexing, the nesting of every line is checked; while lexing,
 * the inline work is counted; either going past its limit throws a RenderLimitError that says
 * which line of the guide and which part of the template.
 */
export function lexGuide(markdown: string, origins: readonly Origin[]): Token[] {
  checkNesting(markdown, origins);
  return new BoundedLexer(markdown, origins, { gfm: true }).lex(markdown);
}

class BoundedLexer extends Lexer {
  private work = 0;

  constructor(
    private readonly markdown: string,
    private readonly origins: readonly Origin[],
    options: MarkedOptions,
  ) {
    super(options);
  }

  override inlineTokens(src: string, tokens?: Token[]): Token[] {
    const marks = src.match(/(?<!\\)(?:[*_~]+|[(&])/g)?.length ?? 0;
    this.work += marks * src.length;
    if (this.work > LIMITS.inlineWork) {
      const offset = Math.max(0, this.markdown.indexOf(src));
      throw limitError(
        this.markdown,
        this.origins,
        offset,
        `holds too many emphasis marks, parentheses or ampersands for markdown to read in time (${count(marks)} *, _, ~, ( or & in ${count(src.length)} characters; their product summed over a guide may be at most ${count(LIMITS.inlineWork)}): split the paragraph, or escape the marks with a backslash`,
      );
    }
    return super.inlineTokens(src, tokens);
  }
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const MARKER = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/y;

const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Throws when a line outside code fences sits inside more containers than the limit, or when
 * one list item runs on for more lines than the limit without a blank line.
 */
function checkNesting(markdown: string, origins: readonly Origin[]): void {
  let fence: string | undefined;
  let offset = 0;
  let itemLines = 0;
  let inItem = false;
  let afterBlank = false;
  for (const line of markdown.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener?.startsWith(fence) && line.trim() === opener) fence = undefined;
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      continue;
    }
    const depth = nesting(line);
    if (depth > LIMITS.markdownDepth) {
      throw limitError(
        markdown,
        origins,
        start,
        `sits inside ${count(depth)} quotes, list items or indentation levels; markdown reads them one inside another, at most ${LIMITS.markdownDepth} deep: flatten them`,
      );
    }
    if (line.trim() === '') {
      [itemLines, afterBlank] = [0, true];
      continue;
    }
    if (LIST_ITEM.test(line)) [inItem, itemLines] = [true, 1];
    else if (afterBlank && !/^[ \t]/.test(line)) inItem = false;
    else if (inItem && (itemLines += 1) > LIMITS.listItemLines) {
      throw limitError(
        markdown,
        origins,
        start,
        `is line ${count(itemLines)} of one list item without a blank line; markdown reads an item's lines again for each new one, so an item has at most ${LIMITS.listItemLines}: end the list with a blank line before long text`,
      );
    }
    afterBlank = false;
  }
}

/** Quote and list markers at the start of a line, plus one level per two columns of indent. */
function nesting(line: string): number {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  let columns = 0;
  for (const char of indent) columns += char === '\t' ? 4 - (columns % 4) : 1;
  let depth = Math.floor(columns / 2);
  MARKER.lastIndex = indent.length;
  while (MARKER.test(line)) {
    depth += 1;
    if (depth > LIMITS.markdownDepth) break;
  }
  return depth;
}

/** The guide's line, a glimpse of it, and the template location that wrote it. */
function limitError(
  markdown: string,
  origins: readonly Origin[],
  offset: number,
  problem: string,
): RenderLimitError {
  let line = 1;
  for (
    let at = markdown.indexOf('\n');
    at !== -1 && at < offset;
    at = markdown.indexOf('\n', at + 1)
  ) {
    line += 1;
  }
  const text = markdown.slice(offset, offset + 24).split('\n')[0] ?? '';
  const glimpse = `“${text}${text.length === 24 ? '…' : ''}”`;
  // The issue's own line and column are the template's: where the text was written.
  const origin = originOf(origins, offset);
  return new RenderLimitError({
    ...(origin ? placeIn(markdown, origin, offset) : {}),
    message: `the guide's line ${count(line)} (${glimpse}) ${problem}`,
  });
}

/** The template's line and column for a guide offset at or after `origin`. */
function placeIn(
  markdown: string,
  origin: Origin,
  offset: number,
): { line: number; column?: number } {
  if (!origin.verbatim) {
    return origin.column === undefined
      ? { line: origin.line }
      : { line: origin.line, column: origin.column };
  }
  let line = origin.line;
  let lineStart = origin.offset;
  for (let at = markdown.indexOf('\n', origin.offset); at !== -1 && at < offset;) {
    line += 1;
    lineStart = at + 1;
    at = markdown.indexOf('\n', at + 1);
  }
  return {
    line,
    column: offset - lineStart + (lineStart === origin.offset ? (origin.column ?? 1) : 1),
  };
}

/** The last value or block that started writing at or before `offset`. */
function originOf(origins: readonly Origin[], offset: number): Origin | undefined {
  let low = 0;
  let high = origins.length - 1;
  let found: Origin | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const origin = origins[middle];
    if (origin && origin.offset <= offset) {
      found = origin;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
