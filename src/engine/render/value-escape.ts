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

  /**
   * Follows the output as it is written: fed every appended piece, it keeps only the current
   * line and the fence state, so each value costs the length of its line, not of the guide
   * (re-reading a growing output string made a large guide quadratic).
   */
  append(text: string): void {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      this.line(this.current + text.slice(start, newline));
      this.current = '';
      start = newline + 1;
    }
    this.current += text.slice(start);
  }

  /** The place a value appended now would land in. */
  place(): { place: ValuePlace; atLineStart: boolean } {
    const atLineStart = this.current.trim() === '';
    if (this.fence) return { place: 'fence', atLineStart };
    const ticks = this.current.match(/(?<!\\)`/g)?.length ?? 0;
    return { place: ticks % 2 === 1 ? 'code-span' : 'prose', atLineStart };
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
