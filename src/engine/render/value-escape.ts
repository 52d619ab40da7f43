/**
 * Where a template value lands in the markdown being written, so that it can be escaped for
 * exactly that place: prose, an inline code span, or a fenced code block.
 */
const WORD = /[\p{L}\p{N}]/u;

export type ValuePlace = 'prose' | 'code-span' | 'fence';

/** Backslash-escapes what could turn a value into markup in prose; other places stay as they are. */
export function escapeValue(text: string, place: ValuePlace, atLineStart: boolean): string {
  // Inside code nothing can be escaped; the schema keeps backticks and newlines out instead.
  if (place !== 'prose' || text === '') return text;
  let escaped = text
    // Code spans, links, images, autolinks, HTML, entities, table cells, emphasis, strikethrough
    // and headings (an ATX heading also drops a trailing ` #`).
    .replace(/[\\`*[\]<>|~&#]/g, '\\$&')
    // GFM autolinks (scheme://, www., e-mail) need these characters side by side.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    // Only an underscore at a word's edge can emphasise; snake_case names stay readable.
    .replace(/_/g, (_, offset: number, whole: string) =>
      WORD.test(whole.charAt(offset - 1)) && WORD.test(whole.charAt(offset + 1)) ? '_' : '\\_',
    );
  if (atLineStart) {
    // Block markers count only at the start of a line: list items and setext underlines.
    escaped = escaped
      .replace(/^(\s*)(=|[-+](?=[\s-]|$))/, '$1\\$2')
      .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  }
  return escaped;
}

/** Follows fenced code blocks and code spans as the output grows; output is append-only. */
export class MarkdownPosition {
  /** The text of the line being written, after the last newline. */
  private current = '';
  private fence: { char: string; length: number } | undefined;
  /** Whether the current line is only whitespace so far. */
  private blank = true;
  /** Whether the current line has an odd number of unescaped backticks so far. */
  private inCodeSpan = false;
  /** The current line's last character, for a backtick at the start of the next piece. */
  private last = '';

  /**
   * Follows the output as it is written: fed every appended piece, it keeps only the current
   * line, the fence state and what the line holds so far, so each value costs its own length,
   * not its line's or the guide's (re-reading the output made long lines quadratic).
   */
  append(text: string): void {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      this.line(this.current + text.slice(start, newline));
      this.current = '';
      this.blank = true;
      this.inCodeSpan = false;
      this.last = '';
      start = newline + 1;
    }
    const tail = text.slice(start);
    if (tail === '') return;
    this.current += tail;
    if (this.blank && tail.trim() !== '') this.blank = false;
    for (const tick of tail.matchAll(/`/g)) {
      const before = tick.index === 0 ? this.last : tail.charAt(tick.index - 1);
      if (before !== '\\') this.inCodeSpan = !this.inCodeSpan;
    }
    this.last = tail.charAt(tail.length - 1);
  }

  /** The place a value appended now would land in. */
  place(): { place: ValuePlace; atLineStart: boolean } {
    const atLineStart = this.blank;
    if (this.fence) return { place: 'fence', atLineStart };
    return { place: this.inCodeSpan ? 'code-span' : 'prose', atLineStart };
  }

  /** Any indentation counts: fences inside list items are indented too. */
  private line(text: string): void {
    const marker = /^\s*(`{3,}|~{3,})(.*)$/.exec(text);
    if (!marker) return;
    const [, run = '', rest = ''] = marker;
    const char = run.charAt(0);
    if (!this.fence) {
      if (char === '`' && rest.includes('`')) return;
      this.fence = { char, length: run.length };
    } else if (char === this.fence.char && run.length >= this.fence.length && rest.trim() === '') {
      this.fence = undefined;
    }
  }
}
