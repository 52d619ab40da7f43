import { count, LIMITS } from '../template/limits';
import type { BlockNode, Expr, PathExpr, TemplateNode, ValueNode } from '../template/program';
import { RenderLimitError } from '../template/template-error';
import { HelperResultTooLong, helpers, toText } from './helpers';
import type { Origin } from './markdown-limits';
import { escapeValue, MarkdownPosition } from './value-escape';

/** A block helper's arguments read these parameters at this offset of the output. */
export interface ReadMark {
  offset: number;
  reads: readonly string[];
}

export interface Interpretation {
  output: string;
  /** Where the output's branches were decided, to explain sections that came out empty. */
  marks: ReadMark[];
  /** Where each value and block started writing, to place a message about the output. */
  origins: Origin[];
}

interface DataFrame {
  index?: number;
  key?: string | number;
  first?: boolean;
  last?: boolean;
}

interface Scope {
  /** Context stack, innermost last; only `each` and `with` push (as in Handlebars). */
  contexts: readonly unknown[];
  data: readonly DataFrame[];
  blockParams: readonly Map<string, unknown>[];
}

const own = (value: unknown, key: string): unknown =>
  value != null && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/** Handlebars' `isEmpty`: falsy but not 0, or an empty array. */
const isEmpty = (value: unknown): boolean =>
  (!value && value !== 0) || (Array.isArray(value) && value.length === 0);

/** Where a located node is, as messages say it. */
function located(node: BlockNode | ValueNode, what: string): string {
  return `${what} at line ${node.line}${node.column === undefined ? '' : `, column ${node.column}`}`;
}

/** A block's opening tag as the author wrote it, for messages. */
const tag = (node: BlockNode): string => `{{#${node.block}}}`;

/**
 * Runs a compiled template with Handlebars semantics in `compat` mode (names are resolved
 * through the enclosing contexts), without HTML escaping and without generating code.
 * Loops and output are bounded (limits.ts): past a bound it throws RenderLimitError.
 */
export function interpret(
  program: readonly TemplateNode[],
  root: object,
  options: {
    escape?: boolean;
    bodyLine?: number;
    /** What `{{@labels.name}}` reads: each parameter's chosen option, in words. */
    labels?: Readonly<Record<string, string>>;
    /** What `{{@sizing.name}}` reads: the values of the template's sizing model. */
    sizing?: Readonly<Record<string, unknown>>;
  } = {},
): Interpretation {
  let output = '';
  const marks: ReadMark[] = [];
  // Before the first value or block, the guide is the body's text as written.
  const origins: Origin[] =
    options.bodyLine === undefined ? [] : [{ offset: 0, line: options.bodyLine, verbatim: true }];
  const position = options.escape ? new MarkdownPosition() : undefined;
  let iterations = 0;
  let helperChars = 0;
  /** Open blocks, innermost last, and the last value or block started: to place a message. */
  const open: BlockNode[] = [];
  let lastStarted: BlockNode | ValueNode | undefined;

  function write(text: string): void {
    output += text;
    position?.append(text);
    if (output.length > LIMITS.guideChars) throw tooLong();
  }

  /** A helper's result over a limit, placed at the value or block being evaluated. */
  function helperLimit(problem: string): RenderLimitError {
    return new RenderLimitError({
      ...at(lastStarted),
      message: `${problem} make shorter texts (fewer or smaller items to split or join)`,
    });
  }

  function tooLong(): RenderLimitError {
    const inner = open.at(-1);
    const where = inner
      ? `in the ${located(inner, tag(inner))}`
      : lastStarted
        ? `after the ${located(lastStarted, 'value' in lastStarted ? 'value' : tag(lastStarted))}`
        : 'in the text at the start of the body';
    return new RenderLimitError({
      ...at(inner ?? lastStarted),
      message: `the guide would be longer than ${count(LIMITS.guideChars)} characters, the most one guide may have (the longest the shipped template makes is 91,436); it gets there ${where}`,
    });
  }

  function run(nodes: readonly TemplateNode[], scope: Scope): void {
    for (const node of nodes) {
      if (typeof node === 'string') write(node);
      else if ('value' in node) {
        lastStarted = node;
        origins.push(originOf(node, output.length));
        const text = toText(evaluate(node.value, scope));
        if (!position) write(text);
        else {
          const { place, atLineStart } = position.place();
          write(escapeValue(text, place, atLineStart));
        }
      } else {
        lastStarted = node;
        origins.push(originOf(node, output.length));
        open.push(node);
        block(node, scope);
        open.pop();
      }
    }
  }

  function block(node: BlockNode, scope: Scope): void {
    if (node.reads.length > 0) marks.push({ offset: output.length, reads: node.reads });
    const value = node.args[0] === undefined ? undefined : evaluate(node.args[0], scope);
    const hash = node.hash
      ? Object.fromEntries(
          Object.entries(node.hash).map(([key, expr]) => [key, evaluate(expr, scope)]),
        )
      : {};
    switch (node.block) {
      case 'if':
      case 'unless': {
        const truthy = !((!hash.includeZero && !value) || isEmpty(value));
        const branch = truthy === (node.block === 'if') ? node.body : node.inverse;
        if (branch) run(branch, scope);
        return;
      }
      case 'with':
        if (isEmpty(value)) {
          if (node.inverse) run(node.inverse, scope);
          return;
        }
        run(node.body, enter(scope, value, undefined, node.blockParams, [value]));
        return;
      case 'each':
        each(node, value, scope);
        return;
    }
  }

  function each(node: BlockNode, collection: unknown, scope: Scope): void {
    const entries: [string | number, unknown][] = [];
    if (collection && typeof collection === 'object') {
      if (Array.isArray(collection))
        collection.forEach((item, index) => entries.push([index, item]));
      else if (Symbol.iterator in collection) {
        let index = 0;
        for (const item of collection as Iterable<unknown>) entries.push([index++, item]);
      } else for (const key of Object.keys(collection)) entries.push([key, own(collection, key)]);
    }
    if (entries.length === 0) {
      if (node.inverse) run(node.inverse, scope);
      return;
    }
    iterations += entries.length;
    if (iterations > LIMITS.loopIterations) {
      throw new RenderLimitError({
        ...at(node),
        message: `this {{#each}} would make loops run ${count(iterations)} times in this guide; all loops together run at most ${count(LIMITS.loopIterations)} times, so loop over a shorter list or nest fewer loops`,
      });
    }
    entries.forEach(([key, item], index) => {
      const data: DataFrame = {
        index,
        key,
        first: index === 0,
        last: index === entries.length - 1,
      };
      run(node.body, enter(scope, item, data, node.blockParams, [item, key]));
    });
  }

  return {
    output: (run(program, { contexts: [root], data: [{}], blockParams: [] }), output),
    marks,
    origins,
  };

  function enter(
    scope: Scope,
    context: unknown,
    data: DataFrame | undefined,
    names: readonly string[] | undefined,
    values: readonly unknown[],
  ): Scope {
    const params = new Map<string, unknown>();
    names?.forEach((name, index) => params.set(name, values[index]));
    return {
      contexts: [...scope.contexts, context],
      // `with` keeps the data frame of its surroundings, so @index still works inside it.
      data: data ? [...scope.data, data] : scope.data,
      blockParams: names ? [params, ...scope.blockParams] : scope.blockParams,
    };
  }

  function evaluate(expr: Expr, scope: Scope): unknown {
    if ('lit' in expr) return expr.lit;
    if ('undef' in expr) return undefined;
    if ('call' in expr) {
      const helper = helpers[expr.call];
      if (!helper || !Object.hasOwn(helpers, expr.call)) return undefined;
      const args = expr.args.map((arg) => evaluate(arg, scope));
      let result: unknown;
      try {
        result = helper(...args);
      } catch (error) {
        if (!(error instanceof HelperResultTooLong)) throw error;
        throw helperLimit(`${error.message}, so`);
      }
      helperChars += sizeOf(result);
      if (helperChars > LIMITS.helperChars) {
        throw helperLimit(
          `helpers such as ${expr.call} would make more than ${count(LIMITS.helperChars)} characters of text in this guide, the most they may make; so`,
        );
      }
      return result;
    }
    return lookup(expr, scope);
  }

  function lookup(expr: PathExpr, scope: Scope): unknown {
    const [first, ...rest] = expr.path;
    if (expr.data) {
      if (first === 'root') return walk(root, rest);
      if (first === 'labels' && options.labels) return walk(options.labels, rest);
      if (first === 'sizing' && options.sizing) return walk(options.sizing, rest);
      const frame = scope.data[scope.data.length - 1 - (expr.up ?? 0)];
      return walk(frame, expr.path);
    }
    const depth = expr.up ?? 0;
    const context = scope.contexts[Math.max(0, scope.contexts.length - 1 - depth)];
    if (first === undefined) return context;
    if (expr.scoped || depth > 0) return walk(context, expr.path);
    for (const params of scope.blockParams) {
      if (params.has(first)) return walk(params.get(first), rest);
    }
    for (let index = scope.contexts.length - 1; index >= 0; index -= 1) {
      const context = scope.contexts[index];
      // As Handlebars' `lookup(depths, name)`: a falsy context such as "" ends the search.
      const found = context && own(context, first);
      if (found != null) return walk(own(context, first), rest);
    }
    return undefined;
  }
}

function originOf(node: BlockNode | ValueNode, offset: number): Origin {
  return node.column === undefined
    ? { offset, line: node.line }
    : { offset, line: node.line, column: node.column };
}

/** Characters of text a helper made: a string's, or a list's items'. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (!Array.isArray(value)) return 0;
  let size = value.length;
  for (const item of value) if (typeof item === 'string') size += item.length;
  return size;
}

/** Line and column of a node, when there is one. */
function at(node: BlockNode | ValueNode | undefined): { line?: number; column?: number } {
  if (!node) return {};
  return node.column === undefined ? { line: node.line } : { line: node.line, column: node.column };
}

function walk(value: unknown, parts: readonly string[]): unknown {
  let current = value;
  for (const part of parts) {
    if (current == null) return current;
    current = own(current, part);
  }
  return current;
}
