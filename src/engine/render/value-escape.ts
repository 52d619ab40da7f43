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
  private scanned = 0;
  private fence: { char: string; length: number } | undefined;

  /** The place a value appended now to `output` would land in. */
  placeAt(output: string): { place: ValuePlace; atLineStart: boolean } {
    const lineStart = output.lastIndexOf('\n') + 1;
    while (this.scanned < lineStart) {
      const end = output.indexOf('\n', this.scanned);
      this.line(output.slice(this.scanned, end));
      this.scanned = end + 1;
    }
    const current = output.slice(lineStart);
    const atLineStart = current.trim() === '';
    if (this.fence) return { place: 'fence', atLineStart };
    const ticks = current.match(/(?<!\\)`/g)?.length ?? 0;
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
