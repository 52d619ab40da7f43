import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTemplate, type Template } from '../index';
import { loadFixture, optionsOf } from '../testing/fixtures';
import { MARKUP_CHARACTERS, MAX_TEXT_LENGTH } from './choices-schema';
import { decodeConfigFile, encodeConfigFile } from './config-file';
import { MAX_PROBLEMS } from './problem-limit';
import type { Problem } from './problems';
import {
  decodeShareQuery,
  encodeShareQuery,
  MAX_PAIR_LENGTH,
  MAX_QUERY_LENGTH,
  MAX_QUERY_PAIRS,
  parseShareQuery,
} from './share-query';

// Bounds on everything the link decoder and the config reader give back, whatever they read,
// and round trips over every template this engine serves, the shipped one read from disk.

const shipped = loadTemplate(
  readFileSync(
    new URL('../../../templates/api-performance-optimization.md', import.meta.url),
    'utf8',
  ),
);
const TEMPLATES: [string, Template][] = [
  ['shipped', shipped],
  ['ci-cd', loadFixture('ci-cd-pipeline.md')],
  ['sprint', loadFixture('sprint-planning.md')],
  ['analytics', loadFixture('analytics-dashboard-design.md')],
];
const RUNS = { numRuns: 1000 };

/** What a problem can quote back: one quote, a short list, or a template's allowed values. */
const MAX_MESSAGE = 700;

const escapes = fc.constantFrom(
  '%',
  '%z',
  '%0',
  '%00',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%25',
  '+',
  '=',
  '&',
  '&&',
  '?',
);
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      escapes,
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'api_architecture', 'v'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
/** Now and then far past every limit: a long run of pairs or of one character. */
const anyQuery = fc.oneof(
  { weight: 8, arbitrary: hostileText },
  {
    weight: 1,
    arbitrary: fc
      .tuple(hostileText, fc.integer({ min: 1, max: 3000 }))
      .map(([text, times]) => `${text}&`.repeat(times)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', '%', 'é', '😀', '&', '='), fc.integer({ min: 0, max: 40_000 }))
      .map(([char, times]) => `api_architecture=${char.repeat(times)}`),
  },
);

function expectBoundedProblems(problems: readonly Problem[], max: number): void {
  expect(problems.length).toBeLessThanOrEqual(max);
  for (const problem of problems) {
    expect(problem.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
    // Never half an emoji: quotes are cut on code points.
    expect(problem.message).not.toMatch(/\p{Cs}/u);
    if ('value' in problem) expect(problem.value.length).toBeLessThanOrEqual(MAX_PAIR_LENGTH);
    if ('text' in problem) expect(problem.text.length).toBeLessThanOrEqual(MAX_PAIR_LENGTH);
  }
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

describe('parseShareQuery on anything', () => {
  it('never throws and stays within its limits', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const { entries, versions, problems } = parseShareQuery(query);
        expect(entries.length + versions.length).toBeLessThanOrEqual(MAX_QUERY_PAIRS);
        for (const [key, value] of entries) {
          expect(key.length + value.length).toBeLessThan(MAX_PAIR_LENGTH);
        }
        expectBoundedProblems(problems, MAX_PROBLEMS);
        const read = Math.min(query.replace(/^\?/, '').length, MAX_QUERY_LENGTH);
        const echoed = entries.reduce((sum, [key, value]) => sum + key.length + value.length, 0);
        expect(echoed).toBeLessThanOrEqual(read);
      }),
      RUNS,
    );
  });

  it('reads a 1 MB link of broken escapes quickly', () => {
    const started = performance.now();
    const { problems } = parseShareQuery(`a=${'%E0%A4%A&'.repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems[0]).toMatchObject({ kind: 'oversized', what: 'link' });
    expect(problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
  });
});

describe('decodeShareQuery on anything', () => {
  it.each(TEMPLATES)('never throws and stays within bounds (%s)', (_, template) => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const decoded = decodeShareQuery(template, query);
        expectBoundedProblems(decoded.problems, MAX_PROBLEMS);
        expect(Object.keys(decoded.given).length).toBeLessThanOrEqual(template.parameters.length);
        for (const value of Object.values(decoded.given)) {
          expect(value.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
          expect(value).not.toMatch(MARKUP_CHARACTERS);
        }
      }),
      RUNS,
    );
  });
});

/** Valid choices of any template: its options, or text its schema accepts, optional ones left out. */
function validChoices(template: Template): fc.Arbitrary<Record<string, string>> {
  const word = fc.string({
    unit: fc.constantFrom(...'abcXYZ019_.-éж'),
    minLength: 1,
    maxLength: 10,
  });
  const text = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .map((value) => value.trim())
    .filter(
      (value) =>
        value.length > 0 &&
        !/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(value) &&
        !MARKUP_CHARACTERS.test(value),
    );
  const arbitraries = Object.fromEntries(
    template.parameters.map((parameter) => [
      parameter.name,
      parameter.kind === 'choice'
        ? fc.constantFrom(...optionsOf(parameter))
        : parameter.format === 'number'
          ? fc.stringMatching(/^-?\d{1,9}(?:\.\d{1,4})?$/)
          : parameter.format === 'list'
            ? fc.array(word, { minLength: 1, maxLength: 5 }).map((items) => items.join(','))
            : text,
    ]),
  );
  const required = template.parameters.filter((p) => p.required).map((p) => p.name);
  return fc.record(arbitraries, { requiredKeys: required });
}

describe('round trips of every valid configuration', () => {
  it.each(TEMPLATES)(
    'share link: encode then decode gives the same choices (%s)',
    (_, template) => {
      fc.assert(
        fc.property(validChoices(template), (choices) => {
          const decoded = decodeShareQuery(template, encodeShareQuery(template, choices));
          expect(decoded.problems).toEqual([]);
          expect(decoded.given).toEqual(choices);
          expect(decoded.complete).toMatchObject(choices);
        }),
        RUNS,
      );
    },
  );

  it.each(TEMPLATES)(
    'config file: encode then decode gives the same choices (%s)',
    (_, template) => {
      fc.assert(
        fc.property(validChoices(template), (choices) => {
          const decoded = decodeConfigFile(template, encodeConfigFile(template, choices));
          expect(decoded).toMatchObject({ fatal: false, problems: [], given: choices });
        }),
        RUNS,
      );
    },
  );
});

describe('decodeConfigFile on anything', () => {
  it('never throws and stays within bounds, whatever the choices hold', () => {
    const key = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'api_architecture'),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const value = fc.oneof(
      hostileText,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const file = fc
      .tuple(fc.array(fc.tuple(key, value), { maxLength: 20 }), fc.boolean(), fc.boolean())
      .map(([entries, extraKey, trailingComma]) => {
        const choices = entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
        return `{"template": "api_performance_optimization", "version": "1.0.0", ${
          extraKey ? '"__proto__": {"polluted": 1}, ' : ''
        }"choices": {${choices.join(', ')}${trailingComma && choices.length > 0 ? ',' : ''}}}`;
      });
    fc.assert(
      fc.property(file, (text) => {
        const decoded = decodeConfigFile(shipped, text);
        expectBoundedProblems(decoded.problems, 2 * 20 + 1 + shipped.parameters.length);
        if (decoded.fatal) expect(decoded.given).toEqual({});
        for (const value of Object.values(decoded.given)) {
          expect(value.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
        }
      }),
      RUNS,
    );
  });
});
