/**
 * A lexer and parser for the inside of one `{{ … }}`, following Handlebars' grammar
 * (handlebars.l / handlebars.yy), so that the scanner can tell a template expression from
 * literal braces in the code a template shows.
 */

export type Operand =
  | { kind: 'path'; data: boolean; parts: readonly string[] }
  | { kind: 'literal' }
  | { kind: 'sexpr'; expr: Expression };

export interface Expression {
  head: Operand;
  params: readonly Operand[];
  hash: readonly (readonly [string, Operand])[];
}

type Punctuation = 'sep' | 'data' | 'open' | 'close' | 'equals' | 'pipe';
export type Token = { t: 'id'; v: string } | { t: Punctuation | 'literal' | 'as' };

/** How deep sub-expressions nest in a lexed mustache: `(a (b c))` is 2. */
export function nestingDepth(tokens: readonly Token[]): number {
  let depth = 0;
  let deepest = 0;
  for (const token of tokens) {
    if (token.t === 'open') deepest = Math.max(deepest, (depth += 1));
    else if (token.t === 'close') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

// Handlebars' ID: anything but whitespace and !"#%&'()*+,./;<=>@[\]^`{|}~, followed by LOOKAHEAD.
const ID = /[^\s!"#%-,./;->@[-^`{-~]+(?=[=~}\s/.)|])/y;
const BRACKET_ID = /\[(?:\\\]|[^\]])*\](?=[=~}\s/.)|])/y;
const LITERAL = /(?:-?[0-9]+(?:\.[0-9]+)?|true|false|undefined|null)(?=[~}\s)])/y;
const STRING = /"(?:\\"|[^"])*"|'(?:\\'|[^'])*'/y;
const DOT = /\.(?=[=~}\s/.)|])/y;
const WHITESPACE = /\s+/y;
const BLOCK_PARAMS = /as\s+\|/y;

function sticky(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/** The end of a mustache: where `}}` (or `}}}` for a triple stash) closes it. */
export interface LexedMustache {
  tokens: Token[];
  /** Index just past the closing braces. */
  end: number;
}

/**
 * Lexes from `start` (just after the opening braces and any `~`) to the closing braces.
 * Returns undefined when the text is not a well-formed Handlebars mustache.
 */
export function lexMustache(
  source: string,
  start: number,
  triple: boolean,
): LexedMustache | undefined {
  const tokens: Token[] = [];
  let at = start;
  // A triple-stash closes with `}}}` or `}~}}`, a mustache with `}}` or `~}}` (handlebars.l).
  const [close, stripped] = triple ? ['}}}', '}~}}'] : ['}}', '~}}'];
  while (at < source.length) {
    const space = sticky(WHITESPACE, source, at);
    if (space) {
      at += space.length;
      continue;
    }
    if (source.startsWith(stripped, at)) return { tokens, end: at + stripped.length };
    if (source.startsWith(close, at)) return { tokens, end: at + close.length };
    const char = source[at];
    if (char === '{') return undefined;
    const literal = sticky(LITERAL, source, at) ?? sticky(STRING, source, at);
    if (literal) {
      tokens.push({ t: 'literal' });
      at += literal.length;
      continue;
    }
    const blockParams = sticky(BLOCK_PARAMS, source, at);
    if (blockParams) {
      tokens.push({ t: 'as' });
      at += blockParams.length;
      continue;
    }
    if (source.startsWith('..', at)) {
      tokens.push({ t: 'id', v: '..' });
      at += 2;
      continue;
    }
    const dot = sticky(DOT, source, at);
    if (dot) {
      tokens.push({ t: 'id', v: '.' });
      at += 1;
      continue;
    }
    const single = SINGLE_TOKENS[char ?? ''];
    if (single) {
      tokens.push({ t: single });
      at += 1;
      continue;
    }
    const id = sticky(ID, source, at) ?? sticky(BRACKET_ID, source, at);
    if (!id) return undefined;
    tokens.push({ t: 'id', v: id.startsWith('[') ? id.slice(1, -1) : id });
    at += id.length;
  }
  return undefined;
}

const SINGLE_TOKENS: Record<string, Punctuation> = {
  '.': 'sep',
  '/': 'sep',
  '@': 'data',
  '(': 'open',
  ')': 'close',
  '=': 'equals',
  '|': 'pipe',
};

/** A parsed mustache body: an expression, and the names of `as |a b|` block params if any. */
export interface ParsedMustache {
  expr: Expression;
  blockParams: readonly string[];
}

/** Parses lexed tokens as `expr params* hash? (as |x y|)?`; undefined when they do not form one. */
export function parseExpression(tokens: readonly Token[]): ParsedMustache | undefined {
  let at = 0;
  const peek = (offset = 0): Token | undefined => tokens[at + offset];

  function path(): Operand | undefined {
    const data = peek()?.t === 'data';
    if (data) at += 1;
    const parts: string[] = [];
    for (;;) {
      const token = peek();
      if (token?.t !== 'id') return undefined;
      parts.push(token.v);
      at += 1;
      if (peek()?.t !== 'sep') break;
      at += 1;
    }
    return { kind: 'path', data, parts };
  }

  function operand(): Operand | undefined {
    const token = peek();
    if (token?.t === 'literal') {
      at += 1;
      return { kind: 'literal' };
    }
    if (token?.t === 'open') {
      at += 1;
      const inner = expression();
      if (!inner || peek()?.t !== 'close') return undefined;
      at += 1;
      return { kind: 'sexpr', expr: inner };
    }
    return path();
  }

  function expression(): Expression | undefined {
    const head = operand();
    if (!head || head.kind === 'sexpr') return head ? { head, params: [], hash: [] } : undefined;
    const params: Operand[] = [];
    const hash: (readonly [string, Operand])[] = [];
    for (;;) {
      const token = peek();
      if (!token || token.t === 'close' || token.t === 'as') break;
      if (token.t === 'id' && peek(1)?.t === 'equals') {
        at += 2;
        const value = operand();
        if (!value) return undefined;
        hash.push([token.v, value]);
        continue;
      }
      if (hash.length > 0) return undefined;
      const param = operand();
      if (!param) return undefined;
      params.push(param);
    }
    return { head, params, hash };
  }

  const expr = expression();
  if (!expr) return undefined;
  const blockParams: string[] = [];
  if (peek()?.t === 'as') {
    at += 1;
    while (peek()?.t === 'id') {
      const token = peek();
      if (token?.t === 'id') blockParams.push(token.v);
      at += 1;
    }
    if (peek()?.t !== 'pipe' || blockParams.length === 0) return undefined;
    at += 1;
  }
  return at === tokens.length ? { expr, blockParams } : undefined;
}
