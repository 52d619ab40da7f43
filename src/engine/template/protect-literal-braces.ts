import { LIMITS, positionOf } from './limits';
import type { TemplateIssue } from './template-error';
import {
  lexMustache,
  nestingDepth,
  parseExpression,
  type Expression,
  type Operand,
  type Token,
} from './mustache-lexer';

/** The block helpers a template may open with `{{#name}}`. */
export const BLOCK_HELPERS: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with']);
/** Blocks that change the context, inside which `this`, `..` and `@index` mean something. */
const CONTEXT_BLOCKS: ReadonlySet<string> = new Set(['each', 'with']);

/** The names that make a mustache template syntax rather than literal text. */
export interface TemplateNames {
  parameters: ReadonlySet<string>;
  helpers: ReadonlySet<string>;
  /** The values of the template's sizing model (`{{@sizing.name}}`), when it names one. */
  sizing?: ReadonlySet<string>;
}

/** A body rewritten so that Handlebars sees only template mustaches. */
export interface ProtectedBody {
  source: string;
  /** Stands for a literal `{` in `source`. */
  openBrace: string;
  /** Stands for a literal `}` in `source`. */
  closeBrace: string;
  /**
   * Blocks never closed, closed by the wrong tag or nested past the limit, and expressions
   * nested past the limit. Handlebars' own parser is slow on such bodies (quadratic for
   * unclosed blocks, recursive for deep ones), so a body with issues is never handed to it.
   */
  issues: TemplateIssue[];
}

interface Frame {
  name: string;
  blockParams: readonly string[];
  /** Where `{{#name` starts. */
  offset: number;
  /** `{{else if …}}` links so far: each nests one level deeper in Handlebars' tree. */
  chain: number;
}

/** Issues reported at most; the first ones are what the author fixes first. */
const MAX_ISSUES = 10;
/** Unclosed blocks named one by one, innermost first. */
const UNCLOSED_SHOWN = 3;

interface Scan {
  body: string;
  /** File lines before the body, for the issues' line numbers. */
  lineOffset: number;
  frames: Frame[];
  /** Blocks open, chains included. */
  depth: number;
  issues: TemplateIssue[];
  /** Where the next `--}}` is, once looked for: keeps unclosed comments linear. */
  commentEnd: { from: number; at: number } | undefined;
}

/**
 * Decides, for every `{{` in a template body, whether it opens template syntax (a block
 * keyword, an `else`, or an expression that uses a declared parameter, a registered helper or
 * a block variable) or is literal text (Python f-string braces, CSS, JSX, `${{ secrets.X }}`).
 * Literal braces are replaced by private-use sentinels so Handlebars' lexer never sees them;
 * template mustaches nested inside literal braces are therefore still rendered.
 */
export function protectLiteralBraces(
  body: string,
  names: TemplateNames,
  lineOffset = 0,
): ProtectedBody {
  const [openBrace, closeBrace] = pickSentinels(body);
  const scan: Scan = {
    body,
    lineOffset,
    frames: [],
    depth: 0,
    issues: [],
    commentEnd: undefined,
  };
  let out = '';
  let at = 0;
  while (at < body.length) {
    const char = body[at] ?? '';
    if (char === '{' && body[at + 1] === '{') {
      const end = templateMustacheEnd(body, at, names, scan);
      if (end !== undefined) {
        out += body.slice(at, end);
        at = end;
        continue;
      }
    }
    out += char === '{' ? openBrace : char === '}' ? closeBrace : char;
    at += 1;
  }
  // The innermost few; with more, one line for the rest (a body of 50,000 unclosed blocks
  // should not print 50,000 lines).
  const unclosed = scan.frames.slice(-UNCLOSED_SHOWN).reverse();
  for (const frame of unclosed) {
    report(scan, frame.offset, `{{#${frame.name}}} is never closed; add {{/${frame.name}}}`);
  }
  const [outermost] = scan.frames;
  if (outermost && scan.frames.length > unclosed.length) {
    const more = scan.frames.length - unclosed.length;
    report(
      scan,
      outermost.offset,
      `and ${more.toLocaleString('en-US')} more block${more === 1 ? '' : 's'} from here on ${more === 1 ? 'is' : 'are'} never closed`,
    );
  }
  return { source: out, openBrace, closeBrace, issues: scan.issues };
}

function report(scan: Scan, offset: number, message: string): void {
  if (scan.issues.length < MAX_ISSUES) scan.issues.push({ ...where(scan, offset), message });
}

/** File line and column of a body offset. */
function where(scan: Scan, offset: number): { line: number; column: number } {
  const { line, column } = positionOf(scan.body, offset);
  return { line: line + scan.lineOffset, column };
}

/** Opens a block, or reports it when it would nest past the limit. */
function open(scan: Scan, frame: Frame): void {
  scan.frames.push(frame);
  scan.depth += 1;
  if (scan.depth === LIMITS.blockDepth + 1) {
    report(
      scan,
      frame.offset,
      `{{#${frame.name}}} opens block number ${scan.depth} inside one another; blocks nest at most ${LIMITS.blockDepth} deep ({{else if}} counting as one more), so close some first`,
    );
  }
}

/** Closes the innermost block, or reports a close that matches none. */
function close(scan: Scan, name: string, offset: number): void {
  const frame = scan.frames.pop();
  if (!frame) {
    report(scan, offset, `{{/${name}}} closes no block; remove it or open {{#${name}}} before it`);
    return;
  }
  scan.depth -= 1 + frame.chain;
  if (frame.name !== name && scan.issues.length < MAX_ISSUES) {
    const opened = where(scan, frame.offset);
    report(
      scan,
      offset,
      `{{/${name}}} would close the {{#${frame.name}}} opened at line ${opened.line}, column ${opened.column}; close that one with {{/${frame.name}}} first`,
    );
  }
}

/** Returns the end of the template mustache starting at `at`, or undefined if it is literal. */
function templateMustacheEnd(
  body: string,
  at: number,
  names: TemplateNames,
  scan: Scan,
): number | undefined {
  const { frames } = scan;
  if (body.startsWith('{{{{', at)) return undefined;
  // Handlebars opens a triple-stash with `{{{` or `{{~{`; a `~` after `{{{` is not syntax.
  const triple = body[at + 2] === '{' || body.startsWith('~{', at + 2);
  const start = triple ? at + (body[at + 2] === '~' ? 4 : 3) : at + (body[at + 2] === '~' ? 3 : 2);

  if (!triple && body.startsWith('!--', start)) return commentEnd(body, start, scan);
  if (triple) return expressionEnd(body, start, true, names, scan);

  const sigil = body[start];
  if (sigil === '#' || sigil === '/') {
    const lexed = lexMustache(body, start + 1, false);
    const first = lexed?.tokens[0];
    const isBlock = first?.t === 'id' && (BLOCK_HELPERS.has(first.v) || names.helpers.has(first.v));
    if (!lexed || first?.t !== 'id' || !isBlock) return undefined;
    if (sigil === '/') {
      close(scan, first.v, at);
      return lexed.end;
    }
    if (tooDeep(lexed.tokens, at, scan)) return lexed.end;
    const parsed = parseExpression(lexed.tokens);
    open(scan, { name: first.v, blockParams: parsed?.blockParams ?? [], offset: at, chain: 0 });
    return lexed.end;
  }
  const elseMatch = /^\s*(?:else(?=[\s~}])|\^(?=\s*~?}}))/.exec(body.slice(start, start + 32));
  if (elseMatch) {
    const frame = frames.at(-1);
    if (!frame) return undefined;
    const lexed = lexMustache(body, start + elseMatch[0].length, false);
    // `{{else if x}}` opens a block inside the inverse of the current one, closed with it.
    if (lexed && lexed.tokens.length > 0 && !tooDeep(lexed.tokens, at, scan)) {
      frame.chain += 1;
      scan.depth += 1;
      if (scan.depth === LIMITS.blockDepth + 1) {
        report(
          scan,
          at,
          `this {{else …}} nests block number ${scan.depth}; blocks nest at most ${LIMITS.blockDepth} deep, each {{else if}} counting as one more, so split the chain`,
        );
      }
    }
    return lexed?.end;
  }
  if (sigil === '!' || sigil === '>' || sigil === '&' || sigil === '*') return undefined;
  return expressionEnd(body, start, false, names, scan);
}

/** The end of a `{{!-- … --}}` comment, or undefined when it never closes. */
function commentEnd(body: string, start: number, scan: Scan): number | undefined {
  // The first `--}}` or `--~}}` after start; remembered, since every later unclosed comment
  // would otherwise search the rest of the body again.
  let cached = scan.commentEnd;
  if (!cached || start < cached.from || (cached.at !== -1 && start > cached.at)) {
    const close = /--~?}}/g;
    close.lastIndex = start + 3;
    const found = close.exec(body);
    cached = { from: start, at: found ? found.index : -1 };
    scan.commentEnd = cached;
  }
  if (cached.at === -1) return undefined;
  const match = /--~?}}/y;
  match.lastIndex = cached.at;
  match.test(body);
  return match.lastIndex;
}

/** Reports an expression whose sub-expressions nest past the limit. */
function tooDeep(tokens: readonly Token[], offset: number, scan: Scan): boolean {
  const depth = nestingDepth(tokens);
  if (depth <= LIMITS.expressionDepth) return false;
  report(
    scan,
    offset,
    `this expression nests ${depth} sub-expressions (…) inside one another; at most ${LIMITS.expressionDepth}`,
  );
  return true;
}

function expressionEnd(
  body: string,
  start: number,
  triple: boolean,
  names: TemplateNames,
  scan: Scan,
): number | undefined {
  const lexed = lexMustache(body, start, triple);
  if (lexed && tooDeep(lexed.tokens, start, scan)) return lexed.end;
  const parsed = lexed && parseExpression(lexed.tokens);
  if (!lexed || !parsed || parsed.blockParams.length > 0) return undefined;
  return usesTemplateName(parsed.expr, names, scan.frames, true) ? lexed.end : undefined;
}

function usesTemplateName(
  expr: Expression,
  names: TemplateNames,
  frames: readonly Frame[],
  isHead: boolean,
): boolean {
  const operands: [Operand, boolean][] = [
    [expr.head, isHead],
    ...expr.params.map((param): [Operand, boolean] => [param, false]),
    ...expr.hash.map(([, value]): [Operand, boolean] => [value, false]),
  ];
  return operands.some(([operand, head]) => {
    if (operand.kind === 'sexpr') return usesTemplateName(operand.expr, names, frames, true);
    if (operand.kind === 'literal') return false;
    return pathIsTemplateName(operand, names, frames, head);
  });
}

function pathIsTemplateName(
  path: { data: boolean; parts: readonly string[] },
  names: TemplateNames,
  frames: readonly Frame[],
  isHead: boolean,
): boolean {
  const [first = '', ...rest] = path.parts;
  const inContext = frames.some((frame) => CONTEXT_BLOCKS.has(frame.name));
  // `{{@labels.name}}`: the label of a declared parameter's chosen option, anywhere.
  if (path.data && first === 'labels') {
    return rest.length === 1 && names.parameters.has(rest[0] ?? '');
  }
  // `{{@sizing.name}}`: a value of the template's sizing model; compiling checks the name.
  if (path.data && first === 'sizing' && names.sizing) return rest.length > 0;
  if (path.data || first === 'this' || first === '.' || first === '..') return inContext;
  if (frames.some((frame) => frame.blockParams.includes(first))) return true;
  if (rest.length > 0) return false;
  return names.parameters.has(first) || (isHead && names.helpers.has(first));
}

/** Two private-use characters that do not occur in the text, found in one pass over it. */
function pickSentinels(text: string): [string, string] {
  const used = new Set<number>();
  for (const match of text.matchAll(/[\ue000-\uf8ff]/g)) used.add(match[0].charCodeAt(0));
  const free: string[] = [];
  for (let code = 0xe000; code <= 0xf8ff && free.length < 2; code += 1) {
    if (!used.has(code)) free.push(String.fromCharCode(code));
  }
  // A text holding all 6,400 of them: plane 15's private use area, as surrogate pairs.
  for (let code = 0xf0000; free.length < 2; code += 1) {
    const char = String.fromCodePoint(code);
    if (!text.includes(char)) free.push(char);
  }
  const [openBrace = '\ue000', closeBrace = '\ue001'] = free;
  return [openBrace, closeBrace];
}
