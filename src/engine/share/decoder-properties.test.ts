import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTemplate, VERSION_KEY } from '../index';
import { optionsOf } from '../testing/fixtures';
import { applyEntries, type DecodedChoices } from './apply-entries';
import { parameterSchema } from './choices-schema';
import { decodeConfigFile, MAX_CONFIG_BYTES } from './config-file';
import { MAX_PROBLEMS } from './problem-limit';
import type { Problem } from './problems';
import {
  decodeShareQuery,
  MAX_QUERY_LENGTH,
  MAX_QUERY_PAIRS,
  parseShareQuery,
} from './share-query';

// Random and adversarial links and config files up to (and past) their size limits: the
// decoders never throw, finish in time, give at most MAX_PROBLEMS problems, and what they say
// matches what they did. Run counts keep this file near 5 s on two cores.

const shipped = loadTemplate(
  readFileSync(
    new URL('../../../templates/api-performance-optimization.md', import.meta.url),
    'utf8',
  ),
);
const NAME = shipped.meta.name;
const VERSION = shipped.meta.version;
const NAMES = shipped.parameters.map((parameter) => parameter.name);
const OPTIONS = shipped.parameters.flatMap(optionsOf);

/**
 * Per call. The decoders take a few milliseconds on the largest inputs here (76 ms at most seen
 * on a 64 KB file); the margin is for CI, where other test files share the two cores. Work that
 * grows with the square of a 64 KB input takes seconds, so it still fails.
 */
const BUDGET_MS = 500;
/** Words that say what was done with the input: that is the banner's or the CLI's to say. */
const OUTCOME =
  /\b(ignored|ignoring|skipped|dropped|discarded|applied|kept|unchanged|changed|were read|was read|not read)\b/i;

/**
 * Runs `decode` within BUDGET_MS. A run over budget is timed again (up to twice): a pause of
 * the machine passes on a second try, work that grows too fast with the input does not.
 */
function withinBudget<T>(decode: () => T): T {
  let best = Infinity;
  let result: T | undefined;
  for (let attempt = 0; attempt < 3 && best >= BUDGET_MS; attempt += 1) {
    const started = performance.now();
    result = decode();
    best = Math.min(best, performance.now() - started);
  }
  expect(best).toBeLessThan(BUDGET_MS);
  return result as T;
}

/** What every decoded link or file must satisfy, fatal or not. */
function expectHonest(decoded: DecodedChoices & { fatal?: boolean }): void {
  const { given, complete, problems } = decoded;
  expect(problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
  // Two problems saying the same thing tell the reader nothing more, and look like a fault.
  const messages = problems.map((problem) => problem.message);
  expect(new Set(messages).size, messages.join('\n')).toBe(messages.length);
  problems.forEach((problem, index) => {
    expect(problem.message).not.toMatch(OUTCOME);
    expect(problem.message.length).toBeLessThanOrEqual(700);
    if (problem.kind === 'more') {
      expect(index).toBe(MAX_PROBLEMS - 1);
      expect(problem.count).toBeGreaterThan(0);
    }
  });
  if (decoded.fatal) {
    expect(given).toEqual({});
    expect(complete).toBeUndefined();
  }
  for (const [name, value] of Object.entries(given)) {
    const parameter = shipped.parameters.find((each) => each.name === name);
    expect(parameter, name).toBeDefined();
    if (parameter) expect(parameterSchema(parameter).safeParse(value).success).toBe(true);
  }
  // A setting a problem is about was not applied; a version note is about the whole input.
  for (const named of problems.flatMap(namedSettings)) {
    expect(Object.hasOwn(given, named), named).toBe(false);
  }
  if (problems.length === 0) expect(complete).toBeDefined();
  if (complete) expect(complete).toMatchObject(given);
}

/** The settings a problem is about: a link's pairs past the limit on pairs are not applied. */
function namedSettings(problem: Problem): string[] {
  if ('parameter' in problem) return [problem.parameter];
  const named = problem.kind === 'oversized' ? [...(problem.unread ?? [])] : [];
  if (problem.kind === 'oversized' || problem.kind === 'bad-encoding') {
    if (problem.key !== undefined) named.push(problem.key);
  }
  return named;
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

// Config files, written as text so that keys can repeat and values can be anything.

const hostileString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)) }),
  fc.constantFrom('\ud800', 'a\udfffb', '\u202e', '\ufeff', '\u2028', ''),
  fc.integer({ min: 1, max: 60_000 }).map((length) => 'x'.repeat(length)),
);
const keyText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', VERSION_KEY, 'choices'),
  hostileString,
);
/** A JSON value as text, of any type; now and then raw control characters or surrogates. */
const valueText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...OPTIONS).map((value) => JSON.stringify(value)) },
  hostileString.map((value) => JSON.stringify(value)),
  fc.constantFrom('null', 'true', '0', '-1.5e300', '[]', '{}', '["go"]', '{"a": {"b": [1]}}'),
  fc.constantFrom('"\ud800"', '"\\ud800"', '"a\u0001b"', '"\\u0000"'),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.integer({ min: 1, max: 20 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
);
const member = (key: fc.Arbitrary<string>, value: fc.Arbitrary<string>) =>
  fc.tuple(key, value).map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
const choicesText = fc
  .oneof(
    { weight: 4, arbitrary: fc.array(member(keyText, valueText), { maxLength: 12 }) },
    // A valid set, some of its settings given again with the same or another value.
    fc
      .tuple(
        fc.record(
          Object.fromEntries(
            shipped.parameters.map((p) => [p.name, fc.constantFrom(...optionsOf(p))]),
          ),
        ),
        fc.array(member(fc.constantFrom(...NAMES), valueText), { maxLength: 3 }),
      )
      .map(([choices, again]) => [
        ...Object.entries(choices).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`),
        ...again,
      ]),
    // Thousands of unknown keys: the list of problems must be cut, not the time blown.
    fc
      .tuple(fc.integer({ min: 60, max: 5000 }), fc.boolean())
      .map(([count, near]) =>
        Array.from(
          { length: count },
          (_, index) => `"${near ? `infrastructur${index}` : `k${index}`}": "x"`,
        ),
      ),
  )
  .map((members) => `{${members.join(', ')}}`);
/** Mostly the right header, so that the choices are read; now and then a wrong or extra field. */
const header = fc.tuple(
  fc.oneof(
    { weight: 8, arbitrary: fc.constant([`"template": ${JSON.stringify(NAME)}`]) },
    fc.constantFrom([], ['"template": "ci_cd_pipeline"'], ['"template": ""']),
    member(fc.constant('template'), valueText).map((text) => [text]),
  ),
  fc.oneof(
    { weight: 6, arbitrary: fc.constant([`"version": ${JSON.stringify(VERSION)}`]) },
    { weight: 2, arbitrary: fc.constant(['"version": "1.0.0"']) },
    fc.constant([]),
    member(fc.constant('version'), valueText).map((text) => [text]),
  ),
  fc.oneof(
    { weight: 8, arbitrary: fc.constant([]) },
    fc.array(member(fc.constantFrom('template', 'version', 'choices'), valueText), {
      maxLength: 2,
    }),
    fc.array(member(keyText, valueText), { maxLength: 2 }),
  ),
);
const structuredFile = fc
  .tuple(
    header,
    fc.oneof(
      { weight: 8, arbitrary: choicesText.map((text) => [text]) },
      fc.array(choicesText, { maxLength: 2 }),
    ),
    fc.constantFrom('\n', '\r\n', '\r', ' '),
  )
  .chain(([[template, version, extra], choices, newline]) => {
    const members = [
      ...template,
      ...version,
      ...extra,
      ...choices.map((text) => `"choices": ${text}`),
    ];
    return fc
      .shuffledSubarray(members, { minLength: members.length })
      .map((shuffled) => `{${newline}${shuffled.join(`,${newline}`)}${newline}}`);
  });
/** Long runs of opening brackets, alone, in a config, or mixed with closers that match nothing. */
const deepFile = fc
  .tuple(
    fc.constantFrom('[', '{', '{"a":', '[{"a":', '[},', '[}', '{]'),
    fc.integer({ min: 1, max: 20_000 }),
    fc.boolean(),
  )
  .map(([unit, times, inConfig]) => {
    const run = unit.repeat(times).slice(0, MAX_CONFIG_BYTES - 200);
    return inConfig
      ? `{"template": ${JSON.stringify(NAME)}, "version": "${VERSION}", "choices": {"x": ${run}}}`
      : run;
  });
/** A structured file with a few characters inserted or removed: broken JSON of every kind. */
const damagedFile = fc
  .tuple(
    structuredFile,
    fc.array(
      fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('', '[', '{', '"', ',', '\\', ':', '\u0000')),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, edits]) =>
    edits.reduce((current, [at, remove, insert]) => {
      const index = current.length === 0 ? 0 : at % current.length;
      return current.slice(0, index) + insert + current.slice(index + remove);
    }, text),
  );
const configFile = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: structuredFile },
      { weight: 2, arbitrary: deepFile },
      { weight: 2, arbitrary: damagedFile },
      fc.string({ unit: 'binary', maxLength: 200 }),
    ),
    fc.constantFrom('', '', '\ufeff'),
  )
  .map(([text, bom]) => bom + text);

describe('decodeConfigFile under attack', () => {
  it('never throws, finishes in time, lists at most MAX_PROBLEMS and says only what is wrong', () => {
    fc.assert(
      fc.property(configFile, (text) => {
        const decoded = withinBudget(() => decodeConfigFile(shipped, text));
        expectHonest(decoded);
        if (decoded.fatal) expect(decoded.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses any nesting deeper than a config at its first bracket too many', () => {
    fc.assert(
      fc.property(deepFile, (text) => {
        const decoded = withinBudget(() => decodeConfigFile(shipped, text));
        expectHonest(decoded);
        if (text.split('[').length > 10 && !text.includes('}')) {
          expect(decoded.problems).toEqual([expect.objectContaining({ kind: 'too-deep' })]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// Links, from the address bar or the CLI's --query.

const pair = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      ...shipped.parameters.flatMap((p) => optionsOf(p).map((o) => `${p.name}=${o}`)),
    ),
  },
  fc.constantFrom(
    `v=${VERSION}`,
    'v=1.0.0',
    'v=',
    '__proto__=x',
    'constructor[prototype][polluted]=1',
  ),
  fc
    .constantFrom(...NAMES)
    .chain((name) =>
      fc
        .constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '', '+', '%00')
        .map((junk) => `${name}=${junk}`),
    ),
  fc
    .tuple(fc.constantFrom(...NAMES, 'notes'), fc.integer({ min: 1, max: 9000 }))
    .map(([name, length]) => `${name}=${'a'.repeat(length)}`),
  fc
    .tuple(hostileString, hostileString)
    .map(([key, value]) => `${encodeURIComponent(key.replace(/[\ud800-\udfff]/g, ''))}=${value}`),
);
const link = fc
  .tuple(
    fc.oneof(
      fc.array(pair, { maxLength: 40 }).map((pairs) => pairs.join('&')),
      // Many pairs, the same ones over and over: repeats count once, the list stays short.
      fc
        .tuple(fc.array(pair, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3000 }))
        .map(([pairs, times]) => `${pairs.join('&')}&`.repeat(times)),
    ),
    fc.boolean(),
  )
  .map(([query, mark]) => (mark ? `?${query}` : query));

/** Every byte as a percent-escape, so that a cut can fall between a "%" and its digits. */
function escaped(text: string): string {
  return Array.from(
    new TextEncoder().encode(text),
    (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
}

/**
 * Up to 40 pairs (`before`), empty segments, then a pair the length limit falls inside: in its
 * key, at its "=", in its value or inside an escape; then anything.
 */
const cutLink = fc
  .tuple(
    fc.array(pair, { maxLength: 20 }),
    fc.constantFrom(
      ...shipped.parameters.flatMap((p) => optionsOf(p).map((o): [string, string] => [p.name, o])),
      ['notes', 'x'],
      [VERSION_KEY, VERSION],
    ),
    fc.boolean(),
    fc.nat(),
    fc.array(pair, { maxLength: 5 }),
  )
  .map(([head, [key, value], escape, at, tail]) => {
    const kept: string[] = [];
    for (const each of head) {
      const next = [...kept, each].join('&');
      if (next.length <= 6000 && next.split('&').length <= 40) kept.push(each);
    }
    const before = kept.join('&');
    const cut = `${key}=${escape ? escaped(value) : value}`;
    const inside = 1 + (at % (cut.length - 1));
    // Empty segments are no pairs: they only move the pair to where the limit falls inside it.
    const padding = '&'.repeat(MAX_QUERY_LENGTH - before.length - inside);
    return { before, query: `${before}${padding}${cut}&${tail.join('&')}` };
  });

/** Pairs whose keys are no settings of the guide: unknown, badly encoded, too long, a version. */
const junkPair = fc.oneof(
  { weight: 4, arbitrary: fc.nat(100).map((index) => `k${index}=x`) },
  fc
    .tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }))
    .map(([key, value]) => [key, value].map((text) => text.replace(/[\ud800-\udfff]/g, '')))
    .filter(([key]) => !NAMES.includes(key ?? ''))
    .map(([key, value]) => `${encodeURIComponent(key ?? '')}=${encodeURIComponent(value ?? '')}`),
  fc.constantFrom(
    '__proto__=x',
    'constructor[prototype][polluted]=1',
    '%zz=1',
    'x=%',
    'x%E0%A4%A',
    `v=${VERSION}`,
    'v=1.0.0',
    'x',
    '=',
  ),
  fc.integer({ min: 1000, max: 1100 }).map((length) => `notes=${'a'.repeat(length)}`),
);
/** 64 junk pairs, then all six settings of the guide with valid values, then a little junk. */
const pastPairLimit = fc
  .tuple(
    fc.array(junkPair, { minLength: MAX_QUERY_PAIRS, maxLength: MAX_QUERY_PAIRS }),
    fc
      .tuple(
        ...shipped.parameters.map((p) =>
          fc.constantFrom(...optionsOf(p).map((o) => `${p.name}=${o}`)),
        ),
      )
      .chain((six) => fc.shuffledSubarray(six, { minLength: six.length })),
    fc.array(junkPair, { maxLength: 3 }),
  )
  .map(([junk, six, extra]) => {
    // At most two pairs over the pair limit, so that the link stays within the length limit.
    let long = 0;
    const pairs = junk.map((each) => (each.length > 200 && ++long > 2 ? 'k0=x' : each));
    return { query: [...pairs, ...six, ...extra].join('&'), six, extra: extra.length };
  })
  .filter(({ query }) => query.length <= MAX_QUERY_LENGTH);

describe('share links under attack', () => {
  it('never throw, finish in time, list at most MAX_PROBLEMS and say only what is wrong', () => {
    fc.assert(
      fc.property(link, (query) => {
        const decoded = withinBudget(() => decodeShareQuery(shipped, query));
        expectHonest(decoded);
        const parsed = parseShareQuery(query);
        expect(parsed.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
        // The CLI adds --set problems to a parsed query before applying it.
        const extra: Problem[] = parsed.problems.concat(
          Array.from({ length: 10 }, () => ({
            kind: 'bad-shape' as const,
            field: '--set',
            detail: 'x',
            message: '--set "x" must look like NAME=VALUE.',
          })),
        );
        expectHonest(applyEntries(shipped, parsed.entries, parsed.versions, extra));
        // Said to be cut exactly when it was.
        const cut = parsed.problems.some(
          (problem) => problem.kind === 'oversized' && problem.limit === MAX_QUERY_LENGTH,
        );
        expect(cut).toBe(query.replace(/^\?/, '').length > MAX_QUERY_LENGTH);
        // A setting is missing only if no pair names it; past a cut, nothing is said missing.
        const missing = decoded.problems.filter((problem) => problem.kind === 'missing');
        if (cut) expect(missing).toEqual([]);
        else for (const problem of missing) expect(keysOf(query)).not.toContain(problem.parameter);
      }),
      { numRuns: 1000 },
    );
  });

  it('say nothing of a pair the length limit falls inside, nor of what follows it', () => {
    fc.assert(
      fc.property(cutLink, ({ before, query }) => {
        const decoded = withinBudget(() => decodeShareQuery(shipped, query));
        expectHonest(decoded);
        // Everything is as if the link had ended before that pair, except that it was cut.
        const alone = decodeShareQuery(shipped, before);
        expect(decoded.given).toEqual(alone.given);
        expect(decoded.problems).toEqual([
          {
            kind: 'oversized',
            what: 'link',
            limit: MAX_QUERY_LENGTH,
            cut: true,
            message: `The link is ${query.length} characters long, over the limit of ${MAX_QUERY_LENGTH}.`,
          },
          ...alone.problems.filter((problem) => problem.kind !== 'missing'),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('name the settings past the limit on pairs and say none of them is missing', () => {
    fc.assert(
      fc.property(pastPairLimit, ({ query, six, extra }) => {
        const decoded = withinBudget(() => decodeShareQuery(shipped, query));
        expectHonest(decoded);
        const limit = decoded.problems.find(
          (problem) => problem.kind === 'oversized' && problem.limit === MAX_QUERY_PAIRS,
        );
        expect(limit?.kind === 'oversized' && limit.unread).toEqual(expect.arrayContaining(NAMES));
        const [a, b, c] = six.map((each) => each.split('=')[0] ?? '');
        const more = extra === 0 ? '3' : '[\\d,]+';
        expect(limit?.message).toMatch(
          new RegExp(
            `^The link has ${64 + 6 + extra} settings, over the limit of ${MAX_QUERY_PAIRS}; beyond it: “${a}”, “${b}”, “${c}” and ${more} more\\.$`,
          ),
        );
        expect(decoded.problems.map((problem) => problem.kind)).not.toContain('missing');
        for (const name of NAMES) expect(decoded.given).not.toHaveProperty(name);
      }),
      { numRuns: 300 },
    );
  });
});

/** The keys of a link's pairs that decode, for a link within MAX_QUERY_LENGTH. */
function keysOf(query: string): string[] {
  return query
    .replace(/^\?/, '')
    .split('&')
    .flatMap((segment) => {
      try {
        return [decodeURIComponent(segment.split('=')[0]?.replaceAll('+', ' ') ?? '')];
      } catch {
        return [];
      }
    });
}
