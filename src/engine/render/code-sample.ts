/** Reading a code block for detection: a bounded sample, and its lines with strings set aside. */

/** Enough lines to tell languages apart; more only costs time. */
const SAMPLE_LINES = 120;
/** Longer lines are cut before matching, so no pattern can backtrack over a huge line. */
const SAMPLE_LINE_LENGTH = 240;

/**
 * The first non-blank lines, cut to length, found without splitting the whole block: a huge
 * block costs no more than a small one. `cut` tells whether lines were left out.
 */
export function sample(code: string): { lines: string[]; cut: boolean } {
  const lines: string[] = [];
  for (let start = 0; start <= code.length;) {
    const newline = code.indexOf('\n', start);
    const end = newline === -1 ? code.length : newline;
    const line = code.slice(start, Math.min(end, start + SAMPLE_LINE_LENGTH));
    if (line.trim() !== '') {
      if (lines.length === SAMPLE_LINES) return { lines, cut: true };
      lines.push(line);
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return { lines, cut: false };
}

type Delimiter = '`' | '"""' | "'''";
const QUOTE = /["'`]/g;

/**
 * Two views of the lines, with string literals read the way most languages write them:
 * `code` leaves out what lies inside multi-line strings (JavaScript templates, Go raw strings,
 * Python and Java triple-quoted strings), so HTML sent from an Express handler or written by
 * a Python f-string does not score as markup; `bare` also empties one-line strings, so
 * `'inside <ThemeProvider>'` is not JSX. A whole block that ends inside a multi-line string
 * was misread (a stray backtick in a comment, say), so it is read again without them; a
 * sample cut short may well end inside one.
 */
export function readStrings(lines: readonly string[], cut: boolean): StringViews {
  const views = scanStrings(lines, true);
  return views.unclosed && !cut ? scanStrings(lines, false) : views;
}

export interface StringViews {
  code: string[];
  bare: string[];
  /** Whether the block ends inside a multi-line string. */
  unclosed: boolean;
}

function scanStrings(lines: readonly string[], multiline: boolean): StringViews {
  const code: string[] = [];
  const bare: string[] = [];
  let open: Delimiter | undefined;
  for (const line of lines) {
    let kept = '';
    let emptied = '';
    for (let i = 0; i < line.length;) {
      if (open) {
        const end = closing(line, i, open);
        if (end === -1) break;
        kept += open;
        emptied += open;
        i = end + open.length;
        open = undefined;
        continue;
      }
      const quote = nextQuote(line, i);
      kept += line.slice(i, quote);
      emptied += line.slice(i, quote);
      if (quote === line.length) break;
      const char = line.charAt(quote);
      const triple = line.slice(quote, quote + 3);
      if (multiline && (char === '`' || triple === '"""' || triple === "'''")) {
        open = char === '`' ? '`' : (triple as Delimiter);
        kept += open;
        emptied += open;
        i = quote + open.length;
      } else {
        const end = closing(line, quote + 1, char);
        i = end === -1 ? line.length : end + 1;
        kept += line.slice(quote, i);
        emptied += end === -1 ? char : char + char;
      }
    }
    code.push(kept);
    bare.push(emptied);
  }
  return { code, bare, unclosed: open !== undefined };
}

/** Where the next quote or backtick in `line` is, from `from`; the line's length if none. */
function nextQuote(line: string, from: number): number {
  QUOTE.lastIndex = from;
  return QUOTE.exec(line)?.index ?? line.length;
}

/** Where `delimiter` next closes a string in `line` from `from`, skipping escapes; -1 if not. */
function closing(line: string, from: number, delimiter: string): number {
  for (let i = from; i < line.length; i += 1) {
    if (line.charAt(i) === '\\') i += 1;
    else if (line.startsWith(delimiter, i)) return i;
  }
  return -1;
}
