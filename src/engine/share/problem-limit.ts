import type { Problem } from './problems';

/** Most problems a decoder returns; past that, the last one counts the rest. */
export const MAX_PROBLEMS = 64;

type Kind = Exclude<Problem['kind'], 'more'>;

/** How the summary names each kind of problem, one and many. */
const NOUNS: Record<Kind, [string, string]> = {
  'unknown-value': ['value that is not an option', 'values that are not options'],
  'invalid-value': ['invalid value', 'invalid values'],
  'wrong-type': ['value of the wrong type', 'values of the wrong type'],
  'duplicate-key': ['repeated setting', 'repeated settings'],
  missing: ['missing setting', 'missing settings'],
  'unknown-key': ['unknown setting', 'unknown settings'],
  oversized: ['part over a size limit', 'parts over a size limit'],
  'bad-encoding': ['badly encoded part', 'badly encoded parts'],
  'version-mismatch': ['version note', 'version notes'],
  'not-json': ['JSON error', 'JSON errors'],
  'too-deep': ['nesting error', 'nesting errors'],
  'wrong-template': ['template error', 'template errors'],
  'bad-shape': ['shape error', 'shape errors'],
  'duplicate-field': ['repeated field', 'repeated fields'],
};

// Shown first when the list is cut: what the user cannot act on without the rest of the list
// (an unknown key, a broken escape) gives way to what concerns a setting of the guide.
const MINOR = new Set<Problem['kind']>(['unknown-key', 'bad-encoding']);

/**
 * At most MAX_PROBLEMS problems, in their order, each message once: when there are more, the
 * important ones are kept first and the last one says how many more there are, of which kinds.
 * A summary already in the list (from an earlier step) is folded into the new one.
 */
export function limitProblems(problems: readonly Problem[]): Problem[] {
  const counts = new Map<Kind, number>();
  const count = (kind: Kind, by: number) => counts.set(kind, (counts.get(kind) ?? 0) + by);
  const listed: Exclude<Problem, { kind: 'more' }>[] = [];
  // Two inputs alike up to where their quotes are cut, or the same line given twice, read the
  // same: the reader gains nothing from the second.
  const messages = new Set<string>();
  for (const problem of problems) {
    if (problem.kind === 'more') {
      for (const each of problem.kinds) if (each.kind !== 'more') count(each.kind, each.count);
    } else if (!messages.has(problem.message)) {
      messages.add(problem.message);
      listed.push(problem);
    }
  }
  if (counts.size === 0 && listed.length <= MAX_PROBLEMS) return listed;
  const room = MAX_PROBLEMS - 1;
  const important = listed.filter((problem) => !MINOR.has(problem.kind)).length;
  let roomForImportant = room;
  let roomForMinor = Math.max(0, room - important);
  const kept: Problem[] = [];
  for (const problem of listed) {
    const minor = MINOR.has(problem.kind);
    if (minor ? roomForMinor > 0 : roomForImportant > 0) {
      kept.push(problem);
      if (minor) roomForMinor -= 1;
      else roomForImportant -= 1;
    } else {
      count(problem.kind, 1);
    }
  }
  if (counts.size > 0) kept.push(summary(counts));
  return kept;
}

function summary(counts: ReadonlyMap<Kind, number>): Problem {
  const kinds = [...counts]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count);
  const total = kinds.reduce((sum, each) => sum + each.count, 0);
  const parts = kinds.map(
    ({ kind, count }) => `${thousands(count)} ${NOUNS[kind][count === 1 ? 0 : 1]}`,
  );
  return {
    kind: 'more',
    count: total,
    kinds,
    message: `… and ${thousands(total)} more: ${parts.join(', ')}.`,
  };
}

/** 3437 as "3,437", the same in every locale. */
export function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
