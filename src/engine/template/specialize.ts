import { helpers } from '../render/helpers';
import type { BlockNode, Expr, TemplateNode } from './program';

/** Helpers whose result depends on their arguments only, so a known input folds them. */
const PURE = new Set(['eq', 'ne', 'and', 'or', 'not']);
const UNKNOWN = Symbol('unknown');

/** The expression's value when it depends on nothing but `fixed`, otherwise UNKNOWN. */
function staticValue(expr: Expr, fixed: Readonly<Record<string, string>>): unknown {
  if ('lit' in expr) return expr.lit;
  if ('path' in expr) {
    const [name, ...rest] = expr.path;
    const known = !expr.up && !expr.data && !expr.scoped && rest.length === 0 && name !== undefined;
    return known && Object.hasOwn(fixed, name) ? fixed[name] : UNKNOWN;
  }
  if ('call' in expr && PURE.has(expr.call) && !expr.hash) {
    const args = expr.args.map((arg) => staticValue(arg, fixed));
    const known = args.filter((arg) => arg !== UNKNOWN);
    // One known false decides `and`, one known true decides `or`, whatever the others are.
    if (expr.call === 'and' && known.some((arg) => !arg)) return false;
    if (expr.call === 'or' && known.some(Boolean)) return true;
    return known.length < args.length ? UNKNOWN : helpers[expr.call]!(...args);
  }
  return UNKNOWN;
}

/**
 * The program as it runs when the parameters in `fixed` have those values: every `if` and
 * `unless` whose condition reads only them keeps the branch it would take and drops the other.
 * The output is identical for every choice that agrees with `fixed` (a test renders them all);
 * the kept branch stays inside an always-true `if` carrying the block's `reads`, so an empty
 * block is still explained by the choice that emptied it. The app ships one such program per
 * value of the parameter that branches most, so a guide loads only the text it can show.
 */
export function specializeProgram(
  program: readonly TemplateNode[],
  fixed: Readonly<Record<string, string>>,
): TemplateNode[] {
  return program.map((node) => specializeNode(node, fixed));
}

function specializeNode(node: TemplateNode, fixed: Readonly<Record<string, string>>): TemplateNode {
  if (typeof node === 'string' || 'value' in node) return node;
  // Inside each/with, a name may resolve on the inner context first: leave those bodies alone.
  if (node.block === 'each' || node.block === 'with') return node;
  const condition = node.args[0] && !node.hash ? staticValue(node.args[0], fixed) : UNKNOWN;
  if (typeof condition !== 'boolean') {
    const specialized: BlockNode = { ...node, body: specializeProgram(node.body, fixed) };
    if (node.inverse) specialized.inverse = specializeProgram(node.inverse, fixed);
    return specialized;
  }
  const taken = condition === (node.block === 'if') ? node.body : (node.inverse ?? []);
  return {
    block: 'if',
    args: [{ lit: true }],
    body: specializeProgram(taken, fixed),
    reads: node.reads,
    line: node.line,
  };
}
