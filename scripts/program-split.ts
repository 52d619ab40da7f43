/**
 * Which parameters the shipped program is split on. A guide needs only the branches its
 * choices take, so the build ships one specialised program per combination of the parameters
 * that branch most (src/engine/template/specialize.ts) and the guide loads one of them.
 */
import type { Parameter, Template, TemplateNode } from '../src/engine/index';
import { specializeProgram } from '../src/engine/index';

/** At most this many programs: each is its own small file, fetched once per guide. */
const MAX_PROGRAMS = 150;
/** Stop splitting when the largest program would shrink by less than this share. */
const MIN_GAIN = 0.1;

type Choice = Extract<Parameter, { kind: 'choice' }>;
type Fixed = Record<string, string>;

/** Every assignment of values to the parameters, in template order. */
export function assignments(parameters: readonly Choice[]): Fixed[] {
  let all: Fixed[] = [{}];
  for (const parameter of parameters) {
    all = all.flatMap((fixed) =>
      parameter.options.map((option) => ({ ...fixed, [parameter.name]: option.value })),
    );
  }
  return all;
}

const largest = (program: readonly TemplateNode[], split: readonly Choice[]): number =>
  Math.max(
    ...assignments(split).map((fixed) => JSON.stringify(specializeProgram(program, fixed)).length),
  );

/**
 * Greedily the parameter that shrinks the largest program most, while it pays: the names in
 * template order (empty for a template with no choices worth splitting on).
 */
export function chooseSplit(template: Template): string[] {
  const choices = template.parameters.filter((p): p is Choice => p.kind === 'choice');
  const split: Choice[] = [];
  let size = JSON.stringify(template.program).length;
  for (;;) {
    let best: { parameter: Choice; size: number } | undefined;
    for (const parameter of choices) {
      if (split.includes(parameter)) continue;
      const count = assignments([...split, parameter]).length;
      if (count > MAX_PROGRAMS) continue;
      const candidate = largest(template.program, [...split, parameter]);
      if (!best || candidate < best.size) best = { parameter, size: candidate };
    }
    if (!best || best.size > size * (1 - MIN_GAIN)) break;
    split.push(best.parameter);
    size = best.size;
  }
  return choices.filter((parameter) => split.includes(parameter)).map((p) => p.name);
}

/** The key of one program: its values joined, in the split's order. */
export function programKey(
  split: readonly string[],
  fixed: Readonly<Record<string, string>>,
): string {
  return split.map((name) => fixed[name] ?? '').join('/');
}
