/**
 * Does every answer tailor the guide? For each parameter and each two of its values, with the
 * other answers held fixed (every combination of them), whether the two guides differ beyond
 * the lines that merely print a value's name (titles, summaries, "for {{x}}" prose).
 */
import { createHash } from 'node:crypto';
import { renderMarkdown, type Choices, type Template } from '../../src/engine/index';
import { combinations, valuesOf } from './check-template';

export interface PairCoverage {
  parameter: string;
  values: [string, string];
  /** Combinations of the other answers under which the two guides differ, of `bases`. */
  differing: number;
  bases: number;
}

export interface ValueCoverage {
  parameter: string;
  value: string;
  /** Under some combination of the others, its guide differs from every other value's. */
  own: boolean;
}

/** A pattern matching a line that names any of the values as a word. */
function namesAny(values: readonly string[]): RegExp {
  const escaped = values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|[^\\w-])(${escaped.join('|')})($|[^\\w-])`, 'i');
}

export function answerCoverage(template: Template): {
  pairs: PairCoverage[];
  values: ValueCoverage[];
} {
  const all = combinations(template);
  const choiceParameters = template.parameters.filter(
    (parameter) => parameter.kind === 'choice' && parameter.options.length > 1,
  );
  const patterns = choiceParameters.map((parameter) => namesAny(valuesOf(parameter)));
  // Lines repeat across guides: which parameters' values a line names is computed once per line.
  const namedBy = new Map<string, number>();
  const maskOf = (line: string): number => {
    let mask = namedBy.get(line);
    if (mask === undefined) {
      mask = patterns.reduce(
        (bits, pattern, index) => bits | (pattern.test(line) ? 1 << index : 0),
        0,
      );
      namedBy.set(line, mask);
    }
    return mask;
  };
  // Per guide and parameter, a digest of the guide without the lines naming that parameter's values.
  const digests = new Map<Choices, string[]>();
  for (const choices of all) {
    const lines = renderMarkdown(template, choices).split('\n');
    const masks = lines.map(maskOf);
    digests.set(
      choices,
      choiceParameters.map((_, index) => {
        const hash = createHash('sha1');
        lines.forEach((line, at) => {
          if ((masks[at]! & (1 << index)) === 0) hash.update(line).update('\n');
        });
        return hash.digest('hex');
      }),
    );
  }
  const pairs: PairCoverage[] = [];
  const values: ValueCoverage[] = [];
  choiceParameters.forEach((parameter, index) => {
    const options = valuesOf(parameter);
    // One group per combination of the other answers: value → normalised guide.
    const groups = new Map<string, Map<string, string>>();
    for (const choices of all) {
      const { [parameter.name]: value, ...others } = choices;
      const key = JSON.stringify(others);
      const group = groups.get(key) ?? new Map<string, string>();
      group.set(value!, digests.get(choices)![index]!);
      groups.set(key, group);
    }
    options.forEach((a, index) => {
      for (const b of options.slice(index + 1)) {
        const differing = [...groups.values()].filter(
          (group) => group.get(a) !== group.get(b),
        ).length;
        pairs.push({ parameter: parameter.name, values: [a, b], differing, bases: groups.size });
      }
      const own = [...groups.values()].some((group) =>
        options.every((other) => other === a || group.get(other) !== group.get(a)),
      );
      values.push({ parameter: parameter.name, value: a, own });
    });
  });
  return { pairs, values };
}
