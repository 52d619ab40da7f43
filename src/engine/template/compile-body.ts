import Handlebars from 'handlebars';
import { positionOf } from './limits';
import type { BlockName, Expr, TemplateNode } from './program';
import { BLOCK_HELPERS, protectLiteralBraces, type TemplateNames } from './protect-literal-braces';
import type { TemplateIssue } from './template-error';

type AstNode = hbs.AST.Node;

/** What the compiler learned about how the body uses each parameter. */
export interface BodyUsage {
  used: Set<string>;
  /** Parameters passed straight to an arithmetic or comparison helper. */
  numeric: Set<string>;
  /** Parameters passed straight to `split`. */
  split: Set<string>;
}

export interface CompiledBody {
  program: TemplateNode[];
  usage: BodyUsage;
  issues: TemplateIssue[];
}

const NUMERIC_HELPERS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'gt',
  'gte',
  'lt',
  'lte',
]);

/** Compiles a template body into the JSON program the interpreter runs. */
export function compileBody(body: string, names: TemplateNames, lineOffset: number): CompiledBody {
  const issues: TemplateIssue[] = [];
  const usage: BodyUsage = { used: new Set(), numeric: new Set(), split: new Set() };
  if (body.includes('\0')) {
    const { line, column } = positionOf(body, body.indexOf('\0'));
    const message =
      'the body contains a NUL byte, so this is not a text file: save the template as UTF-8 text';
    return { program: [], usage, issues: [{ line: line + lineOffset, column, message }] };
  }
  const guarded = protectLiteralBraces(body, names, lineOffset);
  if (guarded.issues.length > 0) return { program: [], usage, issues: guarded.issues };
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(guarded.source);
  } catch (error) {
    return { program: [], usage, issues: [parseIssue(error, lineOffset)] };
  }
  const restore = (text: string): string =>
    text.replaceAll(guarded.openBrace, '{').replaceAll(guarded.closeBrace, '}');

  const lineOf = (node: AstNode): number => node.loc.start.line + lineOffset;
  // Handlebars counts columns from 0.
  const at = (node: AstNode) => ({ line: lineOf(node), column: node.loc.start.column + 1 });

  function program(node: hbs.AST.Program, scope: readonly string[]): TemplateNode[] {
    const out: TemplateNode[] = [];
    for (const statement of node.body) {
      const compiled = statementNode(statement, scope);
      if (compiled === undefined) continue;
      const last = out.at(-1);
      if (typeof compiled === 'string' && typeof last === 'string')
        out[out.length - 1] = last + compiled;
      else if (compiled !== '') out.push(compiled);
    }
    return out;
  }

  function statementNode(node: AstNode, scope: readonly string[]): TemplateNode | undefined {
    switch (node.type) {
      case 'ContentStatement':
        return restore((node as hbs.AST.ContentStatement).value);
      case 'CommentStatement':
        return undefined;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        return { value: call(mustache, scope, true), ...at(node) };
      }
      case 'BlockStatement':
        return blockNode(node as hbs.AST.BlockStatement, scope);
      default:
        issues.push({ ...at(node), message: `${node.type} is not supported in templates` });
        return undefined;
    }
  }

  function blockNode(node: hbs.AST.BlockStatement, scope: readonly string[]): TemplateNode {
    const name = node.path.original;
    const { line, column } = at(node);
    if (!BLOCK_HELPERS.has(name)) {
      issues.push({
        line,
        column,
        message: `{{#${name}}} is not a block helper; use if, unless, each or with`,
      });
      return '';
    }
    const args = node.params.map((param) => expr(param, scope));
    const expected = 1;
    if (args.length !== expected) {
      issues.push({
        line,
        column,
        message: `{{#${name}}} takes exactly one argument, got ${args.length}`,
      });
    }
    const blockParams = node.program?.blockParams ?? [];
    const inner = [...blockParams, ...scope];
    const hash = hashOf(node.hash, scope);
    return {
      block: name as BlockName,
      args,
      ...(hash ? { hash } : {}),
      ...(blockParams.length > 0 ? { blockParams } : {}),
      body: node.program ? program(node.program, inner) : [],
      ...(node.inverse ? { inverse: program(node.inverse, scope) } : {}),
      reads: [...new Set(node.params.flatMap((param) => reads(param)))],
      line,
      column,
    };
  }

  function reads(node: AstNode): string[] {
    if (node.type === 'PathExpression') {
      const path = node as hbs.AST.PathExpression;
      const [first] = path.parts;
      return path.parts.length === 1 && first && names.parameters.has(first) ? [first] : [];
    }
    if (node.type === 'SubExpression') {
      const sub = node as hbs.AST.SubExpression;
      return sub.params.flatMap((param) => reads(param));
    }
    return [];
  }

  /** A mustache or subexpression: a helper call, or a plain value when it has no arguments. */
  function call(
    node: hbs.AST.MustacheStatement | hbs.AST.SubExpression,
    scope: readonly string[],
    isMustache: boolean,
  ): Expr {
    const head = node.path;
    const hash = hashOf(node.hash, scope);
    if (head.type !== 'PathExpression') return expr(head, scope);
    const path = head as hbs.AST.PathExpression;
    const simple = path.parts.length === 1 && !path.data && path.depth === 0 && !isScoped(path);
    const name = path.parts[0] ?? '';
    if (simple && names.helpers.has(name)) {
      const args = node.params.map((param) => expr(param, scope));
      noteUsage(name, node.params);
      return hash ? { call: name, args, hash } : { call: name, args };
    }
    if (node.params.length > 0 || hash || !isMustache) {
      issues.push({
        ...at(node),
        message: `unknown helper "${path.original}"; known helpers: ${[...names.helpers].join(', ')}`,
      });
    }
    return expr(head, scope);
  }

  function noteUsage(helper: string, params: readonly AstNode[]): void {
    for (const param of params) {
      if (param.type !== 'PathExpression') continue;
      const [name] = (param as hbs.AST.PathExpression).parts;
      if (!name || !names.parameters.has(name)) continue;
      if (NUMERIC_HELPERS.has(helper)) usage.numeric.add(name);
      if (helper === 'split' && param === params[0]) usage.split.add(name);
    }
  }

  function hashOf(hash: hbs.AST.Hash | undefined, scope: readonly string[]) {
    if (!hash || hash.pairs.length === 0) return undefined;
    return Object.fromEntries(hash.pairs.map((pair) => [pair.key, expr(pair.value, scope)]));
  }

  function expr(node: AstNode, scope: readonly string[]): Expr {
    switch (node.type) {
      case 'SubExpression':
        return call(node as hbs.AST.SubExpression, scope, false);
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return { lit: (node as hbs.AST.StringLiteral).value };
      case 'NullLiteral':
        return { lit: null };
      case 'UndefinedLiteral':
        return { undef: true };
      case 'PathExpression':
        return pathExpr(node as hbs.AST.PathExpression, scope);
      default:
        issues.push({ ...at(node), message: `${node.type} is not supported in templates` });
        return { undef: true };
    }
  }

  function pathExpr(path: hbs.AST.PathExpression, scope: readonly string[]): Expr {
    const scoped = isScoped(path);
    const [first] = path.parts;
    if (path.data && first === 'sizing' && names.sizing) {
      const name = path.parts[1] ?? '';
      if (path.parts.length !== 2 || !names.sizing.has(name)) {
        issues.push({
          ...at(path),
          message: `unknown sizing value "${path.original}"; the template's sizing model gives: ${[...names.sizing].join(', ')}`,
        });
      }
    }
    if (!path.data && !scoped && path.depth === 0 && first !== undefined) {
      if (names.helpers.has(first) && path.parts.length === 1) {
        issues.push({
          ...at(path),
          message: `helper "${first}" used as a value; call it inside parentheses: (${first} …)`,
        });
      } else if (!names.parameters.has(first) && !scope.includes(first)) {
        issues.push({
          ...at(path),
          message: `unknown name "${path.original}"; declared parameters: ${[...names.parameters].join(', ') || 'none'}`,
        });
      } else if (names.parameters.has(first)) {
        usage.used.add(first);
      }
    }
    return {
      path: [...path.parts],
      ...(path.depth > 0 ? { up: path.depth } : {}),
      ...(path.data ? { data: true as const } : {}),
      ...(scoped ? { scoped: true as const } : {}),
    };
  }

  return { program: program(ast, []), usage, issues };
}

function isScoped(path: hbs.AST.PathExpression): boolean {
  return /^\.|^this\b/.test(path.original);
}

function parseIssue(error: unknown, lineOffset: number): TemplateIssue {
  const message = error instanceof Error ? error.message : String(error);
  // Jison's "Parse error on line 3:" has no column; Handlebars' own errors end in " - 3:7".
  const located = /(?:Parse error on line |- )(\d+)(?::(\d+))?/.exec(message);
  const firstLine = message.split('\n')[0] ?? message;
  const detail = message.includes('Expecting')
    ? message.slice(message.indexOf('Expecting'))
    : firstLine.replace(/ - \d+:\d+$/, '');
  return {
    ...(located?.[1] ? { line: Number(located[1]) + lineOffset } : {}),
    ...(located?.[2] ? { column: Number(located[2]) + 1 } : {}),
    message: `the Handlebars body does not parse: ${detail.replace(/\s+/g, ' ').trim()}`,
  };
}
