/**
 * Does every answer tailor the guide? For each parameter and each two of its values, with the
 * other answers held fixed (every combination of them), whether the two guides differ beyond
 * the lines that merely print a value's name (titles, summaries, "for {{x}}" prose).
 */
import { createHash } from 'node:crypto';
import { renderGuide, renderMarkdown, type Choices, type Template } from '../../src/engine/index';
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

export interface ProseCoverage {
  parameter: string;
  value: string;
  /** Sections (by number, or heading) whose prose differs from every other value's, somewhere. */
  sections: string[];
}

/** A guide's prose by section: code blocks dropped, numbers and the given words masked. */
function proseBySection(markdown: string, mask: RegExp): Map<string, string> {
  const sections = new Map<string, string>();
  let key = 'top';
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^## (?:(\d+)\.\s)?(.*)$/.exec(line);
    if (heading) key = heading[1] ?? heading[2]!.trim();
    const masked = line.replace(mask, '·').replace(/\d[\d,.]*/g, '#');
    sections.set(key, `${sections.get(key) ?? ''}${masked}\n`);
  }
  return sections;
}

/**
 * For each value of each choice parameter, the sections whose prose is its own: under some
 * combination of the other answers, that section's prose (code dropped, numbers and the
 * parameter's own value names and labels masked) differs from the same section for every other
 * value. `every` takes every n-th combination of the other answers, to keep it quick.
 */
export function proseCoverage(template: Template, every = 1): ProseCoverage[] {
  const choiceParameters = template.parameters.filter(
    (parameter) => parameter.kind === 'choice' && parameter.options.length > 1,
  );
  const all = [...combinations(template)];
  const rendered = new Map<string, string>();
  const markdownOf = (choices: Choices): string => {
    const key = JSON.stringify(choices);
    let markdown = rendered.get(key);
    if (markdown === undefined) {
      markdown = renderGuide(template, choices).markdown;
      rendered.set(key, markdown);
    }
    return markdown;
  };
  const result: ProseCoverage[] = [];
  for (const parameter of choiceParameters) {
    const options = valuesOf(parameter);
    const words = options.flatMap((value) => {
      const label = template.labels?.parameters[parameter.name]?.options?.[value]?.label;
      return label ? [value, label] : [value];
    });
    const escaped = words
      .sort((a, b) => b.length - a.length)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const mask = new RegExp(`(${escaped.join('|')})`, 'gi');
    const bases = all.filter((choices) => choices[parameter.name] === options[0]);
    const own = new Map<string, Set<string>>(options.map((value) => [value, new Set<string>()]));
    bases.forEach((base, index) => {
      if (index % every !== 0) return;
      const prose = options.map((value) =>
        proseBySection(markdownOf({ ...base, [parameter.name]: value }), mask),
      );
      options.forEach((value, at) => {
        for (const [section, text] of prose[at]!) {
          const unique = prose.every((other, o) => o === at || other.get(section) !== text);
          if (unique) own.get(value)!.add(section);
        }
      });
    });
    for (const value of options) {
      result.push({ parameter: parameter.name, value, sections: [...own.get(value)!] });
    }
  }
  return result;
}
