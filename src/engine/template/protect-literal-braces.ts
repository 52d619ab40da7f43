import { lexMustache, parseExpression, type Expression, type Operand } from './mustache-lexer';

/** The block helpers a template may open with `{{#name}}`. */
export const BLOCK_HELPERS: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with']);
/** Blocks that change the context, inside which `this`, `..` and `@index` mean something. */
const CONTEXT_BLOCKS: ReadonlySet<string> = new Set(['each', 'with']);

/** The names that make a mustache template syntax rather than literal text. */
export interface TemplateNames {
  parameters: ReadonlySet<string>;
  helpers: ReadonlySet<string>;
}

/** A body rewritten so that Handlebars sees only template mustaches. */
export interface ProtectedBody {
  source: string;
  /** Stands for a literal `{` in `source`. */
  openBrace: string;
  /** Stands for a literal `}` in `source`. */
  closeBrace: string;
}

interface Frame {
  name: string;
  blockParams: readonly string[];
}

/**
 * Decides, for every `{{` in a template body, whether it opens template syntax (a block
 * keyword, an `else`, or an expression that uses a declared parameter, a registered helper or
 * a block variable) or is literal text (Python f-string braces, CSS, JSX, `${{ secrets.X }}`).
 * Literal braces are replaced by private-use sentinels so Handlebars' lexer never sees them;
 * template mustaches nested inside literal braces are therefore still rendered.
 */
export function protectLiteralBraces(body: string, names: TemplateNames): ProtectedBody {
  const [openBrace, closeBrace] = pickSentinels(body);
  const frames: Frame[] = [];
  let out = '';
  let at = 0;
  while (at < body.length) {
    const char = body[at] ?? '';
    if (char === '{' && body[at + 1] === '{') {
      const end = templateMustacheEnd(body, at, names, frames);
      if (end !== undefined) {
        out += body.slice(at, end);
        at = end;
        continue;
      }
    }
    out += char === '{' ? openBrace : char === '}' ? closeBrace : char;
    at += 1;
  }
  return { source: out, openBrace, closeBrace };
}

/** Returns the end of the template mustache starting at `at`, or undefined if it is literal. */
function templateMustacheEnd(
  body: string,
  at: number,
  names: TemplateNames,
  frames: Frame[],
): number | undefined {
  if (body.startsWith('{{{{', at)) return undefined;
  // Handlebars opens a triple-stash with `{{{` or `{{~{`; a `~` after `{{{` is not syntax.
  const triple = body[at + 2] === '{' || body.startsWith('~{', at + 2);
  const start = triple ? at + (body[at + 2] === '~' ? 4 : 3) : at + (body[at + 2] === '~' ? 3 : 2);

  if (!triple && body.startsWith('!--', start)) {
    const comment = /!--[\s\S]*?--~?}}/y;
    comment.lastIndex = start;
    return comment.test(body) ? comment.lastIndex : undefined;
  }
  if (triple) return expressionEnd(body, start, true, names, frames);

  const sigil = body[start];
  if (sigil === '#' || sigil === '/') {
    const lexed = lexMustache(body, start + 1, false);
    const first = lexed?.tokens[0];
    const isBlock = first?.t === 'id' && (BLOCK_HELPERS.has(first.v) || names.helpers.has(first.v));
    if (!lexed || first?.t !== 'id' || !isBlock) return undefined;
    if (sigil === '/') {
      frames.pop();
      return lexed.end;
    }
    const parsed = parseExpression(lexed.tokens);
    frames.push({ name: first.v, blockParams: parsed?.blockParams ?? [] });
    return lexed.end;
  }
  const elseMatch = /^\s*(?:else(?=[\s~}])|\^(?=\s*~?}}))/.exec(body.slice(start, start + 32));
  if (elseMatch) {
    if (frames.length === 0) return undefined;
    const lexed = lexMustache(body, start + elseMatch[0].length, false);
    return lexed?.end;
  }
  if (sigil === '!' || sigil === '>' || sigil === '&' || sigil === '*') return undefined;
  return expressionEnd(body, start, false, names, frames);
}

function expressionEnd(
  body: string,
  start: number,
  triple: boolean,
  names: TemplateNames,
  frames: readonly Frame[],
): number | undefined {
  const lexed = lexMustache(body, start, triple);
  const parsed = lexed && parseExpression(lexed.tokens);
  if (!lexed || !parsed || parsed.blockParams.length > 0) return undefined;
  return usesTemplateName(parsed.expr, names, frames, true) ? lexed.end : undefined;
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
  if (path.data || first === 'this' || first === '.' || first === '..') return inContext;
  if (frames.some((frame) => frame.blockParams.includes(first))) return true;
  if (rest.length > 0) return false;
  return names.parameters.has(first) || (isHead && names.helpers.has(first));
}

/** Two private-use characters that do not occur in the text. */
function pickSentinels(text: string): [string, string] {
  const free: string[] = [];
  for (let code = 0xe000; code <= 0xf8ff && free.length < 2; code += 1) {
    const char = String.fromCharCode(code);
    if (!text.includes(char)) free.push(char);
  }
  const [open = '\ue000', close = '\ue001'] = free;
  return [open, close];
}
