import type { Choices } from '../render/render-guide';
import type { TemplateInfo } from '../template/load-template';
import { parameterSchema } from './choices-schema';
import { limitProblems, MAX_PROBLEMS } from './problem-limit';
import { closest, listed, quote, type Problem } from './problems';

/** Choices read from outside, with one problem per thing that could not be applied. */
export interface DecodedChoices {
  /** Every valid choice that was given (defaults not included). */
  given: Choices;
  /** All parameters answered, defaults filled in, when nothing required is missing. */
  complete?: Choices;
  /** At most MAX_PROBLEMS; the last one counts the rest when there are more. */
  problems: Problem[];
}

/**
 * Validates key/value pairs against a template's parameters: the core shared by the share
 * link and the config file; never throws. Never guesses: a key given twice with different
 * values, an unknown key or value, and a required parameter missing from input that was not
 * cut short each become a problem, and every valid choice is kept. A key repeated with the
 * same value counts once.
 */
export function applyEntries(
  template: TemplateInfo,
  entries: readonly (readonly [string, string])[],
  versions: readonly string[],
  problems: Problem[] = [],
  origin: 'link' | 'file' = 'link',
): DecodedChoices {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const values = byKey.get(key);
    if (values) values.push(value);
    else byKey.set(key, [value]);
  }
  checkVersion(template, versions, problems, origin);

  const parameters = new Map(template.parameters.map((parameter) => [parameter.name, parameter]));
  const given: Record<string, string> = {};
  const attempted = new Set<string>();
  // A setting with a copy too long, badly encoded or past the limit on pairs: which value was
  // meant is unknown. After a cut anything may follow, so nothing is said to be missing.
  const unreadable = new Set<string>();
  let cut = false;
  for (const problem of problems) {
    if (problem.kind === 'oversized' || problem.kind === 'bad-encoding') {
      if (problem.key !== undefined) unreadable.add(problem.key);
    }
    if (problem.kind === 'oversized') {
      for (const key of problem.unread ?? []) unreadable.add(key);
      if (problem.cut) cut = true;
    }
  }
  let unknownKeys = 0;
  for (const [key, values] of byKey) {
    const parameter = parameters.get(key);
    if (!parameter) {
      // Past MAX_PROBLEMS unknown keys the problem is only counted in the summary: no suggestion.
      unknownKeys += 1;
      const suggestion =
        unknownKeys <= MAX_PROBLEMS ? closest(key, [...parameters.keys()]) : undefined;
      problems.push({
        kind: 'unknown-key',
        key,
        ...(suggestion ? { suggestion } : {}),
        message: `${quote(key)} is not a setting of this guide${suggestion ? ` (did you mean ${suggestion}?)` : ''}.`,
      });
      continue;
    }
    attempted.add(key);
    const [value = ''] = values;
    if (values.some((other) => other !== value)) {
      problems.push({
        kind: 'duplicate-key',
        parameter: key,
        values,
        message: `${key} is given ${values.length} times (${listed(values)}); keep one.`,
      });
      continue;
    }
    if (value.trim() === '' && !parameter.required) continue;
    const parsed = parameterSchema(parameter).safeParse(value);
    if (parsed.success) {
      if (!unreadable.has(key)) given[key] = parsed.data;
    } else if (parameter.kind === 'choice') {
      const allowed = parameter.options.map((option) => option.value);
      const suggestion = closest(value, allowed);
      problems.push({
        kind: 'unknown-value',
        parameter: key,
        value,
        allowed,
        ...(suggestion ? { suggestion } : {}),
        message: `${key}: ${value === '' ? 'no value given' : `${quote(value)} is not an option`}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; allowed: ${allowed.join(', ')}.`,
      });
    } else {
      const reason = parsed.error.issues[0]?.message ?? 'is not valid';
      problems.push({
        kind: 'invalid-value',
        parameter: key,
        value,
        reason,
        message: `${key}: ${quote(value)} ${reason}.`,
      });
    }
  }

  for (const problem of problems) {
    if ('parameter' in problem) attempted.add(problem.parameter);
  }
  for (const parameter of template.parameters) {
    if (
      !cut &&
      parameter.required &&
      !unreadable.has(parameter.name) &&
      !Object.hasOwn(given, parameter.name) &&
      !attempted.has(parameter.name)
    ) {
      problems.push({
        kind: 'missing',
        parameter: parameter.name,
        message: `${parameter.name} is missing: ${parameter.question}.`,
      });
    }
  }
  const missingRequired = template.parameters.some(
    (parameter) => parameter.required && !Object.hasOwn(given, parameter.name),
  );
  const complete = missingRequired
    ? undefined
    : Object.fromEntries(
        template.parameters.map((parameter) => [
          parameter.name,
          given[parameter.name] ?? parameter.default ?? '',
        ]),
      );
  return { given, ...(complete ? { complete } : {}), problems: limitProblems(problems) };
}

function checkVersion(
  template: TemplateInfo,
  values: readonly string[],
  problems: Problem[],
  origin: 'link' | 'file',
): void {
  const expected = template.meta.version;
  const found = values.find((value) => value !== expected);
  if (values.some((value) => value !== values[0])) {
    problems.push({
      kind: 'duplicate-key',
      parameter: 'v',
      values: [...values],
      message: `The guide version is given ${values.length} times; keep one.`,
    });
  } else if (found !== undefined) {
    problems.push({
      kind: 'version-mismatch',
      expected,
      found,
      message: `This ${origin} was made for version ${quote(found, 20)} of the guide, which is now at version ${expected}; some content may differ.`,
    });
  }
}
