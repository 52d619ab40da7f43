import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Choices } from '../render/render-guide';
import {
  allCombinations,
  GRPC,
  loadFixture,
  optionsOf,
  parameterOf,
  without,
} from '../testing/fixtures';
import { VERSION_KEY, type Template } from '../template/load-template';
import { MARKUP_CHARACTERS, MAX_TEXT_LENGTH, parameterSchema } from './choices-schema';
import { thousands } from './problem-limit';
import type { Problem } from './problems';
import {
  decodeShareQuery,
  encodeShareQuery,
  MAX_PAIR_LENGTH,
  MAX_QUERY_LENGTH,
  MAX_QUERY_PAIRS,
} from './share-query';

const seed = loadFixture('seed.md');
const ci = loadFixture('ci-cd-pipeline.md');
const sprint = loadFixture('sprint-planning.md');

const GRPC_PAIRS = Object.entries(GRPC).map(([key, value]) => `${key}=${value}`);
const GRPC_QUERY = GRPC_PAIRS.join('&');
const SEED_BACKENDS = ['nodejs', 'python', 'java', 'go', 'rust', 'dotnet'];

const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const RUNS = { numRuns: 1000 };

// "About 60": one quote is at most 60 characters plus an ellipsis.
const MAX_ECHO = 64;
const HOSTILE_LETTERS = 'ЖжЯяЮю';
const HOSTILE_CONTROLS = '\u0000\u0007\u001b\u007f\u0085\u200b\u200e\u202e\u2028\u2029\ufeff';

/** How many characters of hostile input a message repeats (controls come back as U+FFFD). */
function hostileCount(message: string): number {
  return [...message].filter((char) => HOSTILE_LETTERS.includes(char) || char === '\uFFFD').length;
}

function choiceRecord(template: Template): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    Object.fromEntries(
      template.parameters.map((parameter) => [
        parameter.name,
        fc.constantFrom(...optionsOf(parameter)),
      ]),
    ),
  );
}

/** Replaces one `key=value` pair of the seed query. */
function seedQueryWith(key: string, value: string): string {
  return GRPC_PAIRS.map((pair) => (pair.startsWith(`${key}=`) ? `${key}=${value}` : pair)).join(
    '&',
  );
}

function safeDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/**
 * The oracle for "never drops or guesses": true exactly when the query holds only correctly
 * encoded pairs of known parameters, each with one value, valid, the right version
 * (if any) and every required parameter. An empty value of an optional parameter means "use
 * the default" and is accepted.
 */
function isCleanQuery(template: Template, query: string): boolean {
  const text = query.startsWith('?') ? query.slice(1) : query;
  if (text.length > MAX_QUERY_LENGTH) return false;
  const segments = text.split('&').filter((segment) => segment !== '');
  if (segments.length > MAX_QUERY_PAIRS) return false;
  const seen = new Map<string, string>();
  const versions: string[] = [];
  for (const segment of segments) {
    if (segment.length > MAX_PAIR_LENGTH) return false;
    const equals = segment.indexOf('=');
    const key = safeDecode(equals === -1 ? segment : segment.slice(0, equals));
    const value = safeDecode(equals === -1 ? '' : segment.slice(equals + 1));
    if (key === undefined || value === undefined) return false;
    if (key === VERSION_KEY) {
      versions.push(value);
      continue;
    }
    const parameter = template.parameters.find((each) => each.name === key);
    if (!parameter) return false;
    // A key repeated with the same value counts once; with another value it is a problem.
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier !== value) return false;
    seen.set(key, value);
    if (value.trim() === '' && !parameter.required) continue;
    if (!parameterSchema(parameter).safeParse(value).success) return false;
  }
  if (new Set(versions).size > 1) return false;
  if (versions.length === 1 && versions[0] !== template.meta.version) return false;
  return template.parameters.every((parameter) => !parameter.required || seen.has(parameter.name));
}

function expectGivenValid(template: Template, given: Choices): void {
  for (const [name, value] of Object.entries(given)) {
    const parameter = parameterOf(template, name);
    if (parameter.kind === 'choice') expect(optionsOf(parameter)).toContain(value);
    expect(parameterSchema(parameter).safeParse(value)).toMatchObject({ success: true });
  }
}

function kinds(problems: readonly Problem[]): string[] {
  return problems.map((problem) => problem.kind);
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
});

describe('encodeShareQuery', () => {
  it('writes a readable query: parameters in template order, then the version', () => {
    expect(encodeShareQuery(seed, GRPC)).toBe(`${GRPC_QUERY}&v=1.0.0`);
  });

  it('uses template order whatever the order of the choices object', () => {
    const reversed = Object.fromEntries(Object.entries(GRPC).reverse());
    expect(encodeShareQuery(seed, reversed)).toBe(`${GRPC_QUERY}&v=1.0.0`);
  });

  it('leaves out parameters that were not chosen and keys that are not parameters', () => {
    const query = encodeShareQuery(ci, {
      platform: 'jenkins',
      project_type: 'go',
      deployment_target: 'aws',
      extra: 'ignored',
    });
    expect(query).toBe('platform=jenkins&project_type=go&deployment_target=aws&v=1.0.0');
  });

  it('keeps , : / @ readable, writes spaces as + and escapes & = + # %', () => {
    const query = encodeShareQuery(sprint, {
      sprint_number: '7',
      team_size: '5',
      product_name: 'Acme API, v2: /billing @ team & co = 100% + #1',
    });
    expect(query).toBe(
      'sprint_number=7&team_size=5&product_name=Acme+API,+v2:+/billing+@+team+%26+co+%3D+100%25+%2B+%231&v=1.0.0',
    );
    expect(decodeShareQuery(sprint, query)).toEqual({
      given: {
        sprint_number: '7',
        team_size: '5',
        product_name: 'Acme API, v2: /billing @ team & co = 100% + #1',
      },
      complete: {
        sprint_number: '7',
        sprint_duration: '2',
        team_size: '5',
        velocity: '40',
        product_name: 'Acme API, v2: /billing @ team & co = 100% + #1',
      },
      problems: [],
    });
  });
});

describe('decodeShareQuery round trip', () => {
  it('round-trips every one of the 7,680 seed combinations', () => {
    const combinations = allCombinations(seed);
    expect(combinations).toHaveLength(7680);
    const names = seed.parameters.map((parameter) => parameter.name);
    for (const choices of combinations) {
      const query = encodeShareQuery(seed, choices);
      expect(query).toBe(`${names.map((name) => `${name}=${choices[name]}`).join('&')}&v=1.0.0`);
      const decoded = decodeShareQuery(seed, query);
      expect(decoded.problems).toEqual([]);
      expect(decoded.complete).toEqual(choices);
      expect(decoded.given).toEqual(choices);
    }
  });

  it('accepts a leading ? and gives the same result as without it', () => {
    const withMark = decodeShareQuery(seed, `?${GRPC_QUERY}&v=1.0.0`);
    expect(withMark).toEqual({ given: GRPC, complete: GRPC, problems: [] });
    expect(withMark).toEqual(decodeShareQuery(seed, `${GRPC_QUERY}&v=1.0.0`));
  });

  it('accepts a query without a version, and ignores empty segments', () => {
    expect(decodeShareQuery(seed, `&&${GRPC_PAIRS.join('&&')}&`)).toEqual({
      given: GRPC,
      complete: GRPC,
      problems: [],
    });
  });

  it('fills in defaults in complete but not in given', () => {
    const decoded = decodeShareQuery(ci, 'platform=jenkins&project_type=go&deployment_target=aws');
    expect(decoded).toEqual({
      given: { platform: 'jenkins', project_type: 'go', deployment_target: 'aws' },
      complete: {
        platform: 'jenkins',
        project_type: 'go',
        deployment_target: 'aws',
        environments: 'dev,staging,production',
        testing_enabled: 'yes',
      },
      problems: [],
    });
  });
});

describe('decodeShareQuery problems', () => {
  it('reports an unknown value with the allowed list and a case-insensitive suggestion', () => {
    const decoded = decodeShareQuery(seed, seedQueryWith('backend_technology', 'Go'));
    expect(decoded.problems).toEqual([
      {
        kind: 'unknown-value',
        parameter: 'backend_technology',
        value: 'Go',
        allowed: SEED_BACKENDS,
        suggestion: 'go',
        message:
          'backend_technology: “Go” is not an option (did you mean go?); allowed: nodejs, python, java, go, rust, dotnet.',
      },
    ]);
    const others = without(GRPC, 'backend_technology');
    expect(decoded.given).toEqual(others);
    expect(decoded.complete).toBeUndefined();
  });

  it('suggests python for the transposition typo pyhton', () => {
    const decoded = decodeShareQuery(seed, seedQueryWith('backend_technology', 'pyhton'));
    expect(decoded.problems).toEqual([
      {
        kind: 'unknown-value',
        parameter: 'backend_technology',
        value: 'pyhton',
        allowed: SEED_BACKENDS,
        suggestion: 'python',
        message:
          'backend_technology: “pyhton” is not an option (did you mean python?); allowed: nodejs, python, java, go, rust, dotnet.',
      },
    ]);
  });

  it('gives no suggestion for a value that is nowhere near an option', () => {
    const [problem] = decodeShareQuery(seed, seedQueryWith('backend_technology', 'cobol')).problems;
    expect(problem).toEqual({
      kind: 'unknown-value',
      parameter: 'backend_technology',
      value: 'cobol',
      allowed: SEED_BACKENDS,
      message:
        'backend_technology: “cobol” is not an option; allowed: nodejs, python, java, go, rust, dotnet.',
    });
  });

  it('names the parameter, the bad value and every allowed value in the message', () => {
    for (const parameter of seed.parameters) {
      const [problem] = decodeShareQuery(seed, seedQueryWith(parameter.name, 'nope')).problems;
      expect(problem?.kind).toBe('unknown-value');
      expect(problem?.message).toContain(parameter.name);
      expect(problem?.message).toContain('“nope”');
      for (const option of optionsOf(parameter)) expect(problem?.message).toContain(option);
    }
  });

  it('does not apply a key given twice with different values', () => {
    for (const repeats of [['rust'], ['go', 'rust'], ['rust', 'go']]) {
      const extra = repeats.map((value) => `backend_technology=${value}`).join('&');
      const decoded = decodeShareQuery(seed, `${GRPC_QUERY}&${extra}`);
      const values = ['go', ...repeats];
      expect(decoded.problems).toEqual([
        {
          kind: 'duplicate-key',
          parameter: 'backend_technology',
          values,
          message: `backend_technology is given ${values.length} times (${values.map((value) => `“${value}”`).join(', ')}); keep one.`,
        },
      ]);
      expect(decoded.given).not.toHaveProperty('backend_technology');
      expect(decoded.complete).toBeUndefined();
    }
  });

  it('counts a key repeated with the same value once, silently', () => {
    for (const times of [2, 3, MAX_QUERY_PAIRS - 6]) {
      const repeats = Array.from({ length: times - 1 }, () => 'backend_technology=go');
      const decoded = decodeShareQuery(seed, [GRPC_QUERY, ...repeats].join('&'));
      expect(decoded).toEqual({ given: GRPC, complete: GRPC, problems: [] });
    }
    expect(decodeShareQuery(seed, 'backend_technology=go&backend_technology=go').given).toEqual({
      backend_technology: 'go',
    });
  });

  it('reports each missing required parameter with its question', () => {
    const decoded = decodeShareQuery(seed, GRPC_PAIRS.slice(0, 4).join('&'));
    expect(decoded.problems).toEqual([
      {
        kind: 'missing',
        parameter: 'performance_targets',
        message: 'performance_targets is missing: Performance targets.',
      },
      {
        kind: 'missing',
        parameter: 'infrastructure',
        message: 'infrastructure is missing: Infrastructure type.',
      },
    ]);
    expect(decoded.complete).toBeUndefined();
    expect(Object.keys(decoded.given)).toHaveLength(4);
  });

  it('reports every required parameter of an empty query as missing', () => {
    for (const query of ['', '?', '&', '?&&']) {
      const decoded = decodeShareQuery(seed, query);
      expect(decoded.given).toEqual({});
      expect(decoded.complete).toBeUndefined();
      expect(decoded.problems).toEqual(
        seed.parameters.map((parameter): unknown =>
          expect.objectContaining({ kind: 'missing', parameter: parameter.name }),
        ),
      );
    }
  });

  it('reports an unknown key with a suggestion for a near-miss', () => {
    const query = GRPC_QUERY.replace('infrastructure=', 'infrastucture=');
    const decoded = decodeShareQuery(seed, query);
    expect(decoded.problems).toEqual([
      {
        kind: 'unknown-key',
        key: 'infrastucture',
        suggestion: 'infrastructure',
        message: '“infrastucture” is not a setting of this guide (did you mean infrastructure?).',
      },
      {
        kind: 'missing',
        parameter: 'infrastructure',
        message: 'infrastructure is missing: Infrastructure type.',
      },
    ]);
  });

  it('reports an unknown key without a suggestion when nothing is close', () => {
    const decoded = decodeShareQuery(seed, `${GRPC_QUERY}&utm_source=newsletter`);
    expect(decoded.problems).toEqual([
      {
        kind: 'unknown-key',
        key: 'utm_source',
        message: '“utm_source” is not a setting of this guide.',
      },
    ]);
    expect(decoded.complete).toEqual(GRPC);
  });

  it('reports __proto__, constructor and toString as unknown keys without polluting', () => {
    const hostile = [
      '__proto__=polluted',
      '__proto__[polluted]=yes',
      'constructor=x',
      'constructor[prototype][polluted]=yes',
      'toString=x',
      'hasOwnProperty=x',
      'prototype=x',
    ];
    const decoded = decodeShareQuery(seed, `${GRPC_QUERY}&${hostile.join('&')}`);
    expect(
      decoded.problems.map((problem) => problem.kind === 'unknown-key' && problem.key),
    ).toEqual([
      '__proto__',
      '__proto__[polluted]',
      'constructor',
      'constructor[prototype][polluted]',
      'toString',
      'hasOwnProperty',
      'prototype',
    ]);
    expect(decoded.given).toEqual(GRPC);
    expect(decoded.complete).toEqual(GRPC);
    expect(Object.getPrototypeOf(decoded.given)).toBe(Object.prototype);
    expect(Object.keys(decoded.given)).toEqual(Object.keys(GRPC));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });

  it('reads only the whole pairs within MAX_QUERY_LENGTH and keeps the valid choices there', () => {
    const query = `${GRPC_QUERY}&junk=${'x'.repeat(MAX_QUERY_LENGTH)}`;
    const decoded = decodeShareQuery(seed, `?${query}`);
    expect(decoded.given).toEqual(GRPC);
    expect(decoded.complete).toEqual(GRPC);
    expect(decoded.problems).toEqual([
      {
        kind: 'oversized',
        what: 'link',
        limit: MAX_QUERY_LENGTH,
        cut: true,
        message: `The link is ${query.length} characters long, over the limit of ${MAX_QUERY_LENGTH}.`,
      },
    ]);
  });

  it('does not read the pair the length limit falls inside, wherever it falls in it', () => {
    const head = GRPC_PAIRS.slice(0, 5).join('&');
    // "r%65st" is "rest": the limit can fall inside a percent-escape too.
    for (const pair of ['infrastructure=containerized', 'api_architecture=r%65st']) {
      for (let inside = 1; inside < pair.length; inside += 1) {
        // Empty segments are no pairs: they move the limit without adding a problem.
        const padding = '&'.repeat(MAX_QUERY_LENGTH - head.length - inside);
        const query = `${head}${padding}${pair}&expected_load=high`;
        const decoded = decodeShareQuery(seed, query);
        const cutAt = `${pair.slice(0, inside)}|${pair.slice(inside)}`;
        expect(decoded.given, cutAt).toEqual(without(GRPC, 'infrastructure'));
        expect(decoded.complete, cutAt).toBeUndefined();
        // Nothing about the fragment, and nothing missing: the rest of the link was not looked at.
        expect(decoded.problems, cutAt).toEqual([
          {
            kind: 'oversized',
            what: 'link',
            limit: MAX_QUERY_LENGTH,
            cut: true,
            message: `The link is ${query.length} characters long, over the limit of ${MAX_QUERY_LENGTH}.`,
          },
        ]);
      }
    }
  });

  it('reads a pair that ends exactly at the length limit', () => {
    const head = GRPC_PAIRS.slice(0, 5).join('&');
    const pair = 'infrastructure=serverless';
    const padding = '&'.repeat(MAX_QUERY_LENGTH - head.length - pair.length);
    const decoded = decodeShareQuery(seed, `${head}${padding}${pair}&expected_load=high`);
    expect(decoded.complete).toEqual(GRPC);
    expect(decoded.problems).toEqual([expect.objectContaining({ limit: MAX_QUERY_LENGTH })]);
  });

  it('does not read a single pair longer than MAX_PAIR_LENGTH, and keeps the rest', () => {
    const long = 'a'.repeat(MAX_PAIR_LENGTH);
    const decoded = decodeShareQuery(seed, `${GRPC_QUERY}&notes=${long}`);
    expect(decoded.problems).toEqual([
      {
        kind: 'oversized',
        what: 'notes',
        key: 'notes',
        limit: MAX_PAIR_LENGTH,
        message: `The value of “notes” is ${MAX_PAIR_LENGTH + 6} characters long, over the limit of ${MAX_PAIR_LENGTH}.`,
      },
    ]);
    expect(decoded.complete).toEqual(GRPC);
  });

  it('does not apply a setting when another copy of it cannot be read', () => {
    for (const unreadable of ['r'.repeat(MAX_PAIR_LENGTH), '%zz']) {
      const query = `${GRPC_QUERY}&api_architecture=${unreadable}`;
      const decoded = decodeShareQuery(seed, query);
      expect(decoded.given).toEqual(without(GRPC, 'api_architecture'));
      expect(decoded.problems).toEqual([expect.objectContaining({ key: 'api_architecture' })]);
    }
  });

  it('does not apply a known parameter whose pair is oversized', () => {
    const query = seedQueryWith('api_architecture', 'r'.repeat(MAX_PAIR_LENGTH));
    const decoded = decodeShareQuery(seed, query);
    expect(decoded.problems).toContainEqual(
      expect.objectContaining({
        kind: 'oversized',
        what: 'api_architecture',
        limit: MAX_PAIR_LENGTH,
      }),
    );
    expect(decoded.given).not.toHaveProperty('api_architecture');
    expect(decoded.complete).toBeUndefined();
    expect(decoded.problems.filter((problem) => problem.kind === 'missing')).toEqual([]);
  });

  it('reads at most MAX_QUERY_PAIRS pairs, and names the setting past them', () => {
    const junk = Array.from({ length: MAX_QUERY_PAIRS - 5 }, (_, index) => `x${index}=1`);
    const query = [...GRPC_PAIRS.slice(0, 5), ...junk, GRPC_PAIRS[5]].join('&');
    const decoded = decodeShareQuery(seed, query);
    expect(decoded.problems[0]).toEqual({
      kind: 'oversized',
      what: 'link',
      limit: MAX_QUERY_PAIRS,
      unread: ['infrastructure'],
      message: `The link has ${MAX_QUERY_PAIRS + 1} settings, over the limit of ${MAX_QUERY_PAIRS}; beyond it: “infrastructure”.`,
    });
    expect(kinds(decoded.problems).filter((kind) => kind === 'unknown-key')).toHaveLength(
      MAX_QUERY_PAIRS - 5,
    );
    // The 65th pair, infrastructure=serverless, is not read, and not missing either.
    expect(decoded.given).toEqual(without(GRPC, 'infrastructure'));
    expect(kinds(decoded.problems)).not.toContain('missing');
  });

  it('names at most three settings past MAX_QUERY_PAIRS and counts the rest', () => {
    const junk = Array.from({ length: MAX_QUERY_PAIRS }, (_, index) => `x${index}=1`);
    const decoded = decodeShareQuery(seed, [...junk, ...GRPC_PAIRS].join('&'));
    expect(decoded.problems[0]).toEqual({
      kind: 'oversized',
      what: 'link',
      limit: MAX_QUERY_PAIRS,
      unread: Object.keys(GRPC),
      message: `The link has ${MAX_QUERY_PAIRS + 6} settings, over the limit of ${MAX_QUERY_PAIRS}; beyond it: “api_architecture”, “backend_technology”, “expected_load” and 3 more.`,
    });
    expect(decoded.problems).toHaveLength(MAX_QUERY_PAIRS);
    expect(kinds(decoded.problems)).not.toContain('missing');
    expect(decoded.given).toEqual({});
  });

  it('names a key past MAX_QUERY_PAIRS as written when it does not decode, each key once', () => {
    const junk = Array.from({ length: MAX_QUERY_PAIRS - 1 }, (_, index) => `x${index}=1`);
    const rest = ['x%zz=1', 'notes=a', 'x%zz=2', 'notes=b'];
    const decoded = decodeShareQuery(seed, ['v=1', ...junk, ...rest].join('&'));
    expect(decoded.problems[0]).toMatchObject({
      unread: ['notes'],
      message: `The link has ${MAX_QUERY_PAIRS + 4} settings, over the limit of ${MAX_QUERY_PAIRS}; beyond it: “x%zz” and “notes”.`,
    });
  });

  it('does not name a pair past MAX_QUERY_PAIRS that repeats one read, and applies neither', () => {
    const junk = Array.from({ length: MAX_QUERY_PAIRS - 6 }, (_, index) => `x${index}=1`);
    // The same value written another way is still a repeat; another value is not.
    const rest = ['api_architecture=grpc', 'backend_technology=g%6F', 'expected_load=high'];
    const decoded = decodeShareQuery(seed, [...GRPC_PAIRS, ...junk, ...rest].join('&'));
    expect(decoded.problems[0]).toMatchObject({
      unread: ['expected_load'],
      message: `The link has ${MAX_QUERY_PAIRS + 3} settings, over the limit of ${MAX_QUERY_PAIRS}; beyond it: “expected_load”.`,
    });
    // Low or high: which was meant is not known.
    expect(decoded.given).toEqual(without(GRPC, 'expected_load'));
    expect(kinds(decoded.problems)).not.toContain('missing');
  });

  it('says how many settings its first MAX_QUERY_LENGTH characters hold when both limits apply', () => {
    const query = Array.from({ length: 3000 }, (_, index) => `k${index}=1`).join('&');
    // The pairs that end within the limit: the one it falls inside is not counted.
    const pairs = query.split('&');
    const whole = pairs.filter(
      (_, index) => pairs.slice(0, index + 1).join('&').length <= MAX_QUERY_LENGTH,
    );
    const decoded = decodeShareQuery(seed, query);
    expect(decoded.problems.slice(0, 2).map((problem) => problem.message)).toEqual([
      `The link is ${query.length} characters long, over the limit of ${MAX_QUERY_LENGTH}.`,
      `The first ${MAX_QUERY_LENGTH} characters of the link hold ${whole.length} settings, over the limit of ${MAX_QUERY_PAIRS}; beyond it: “k64”, “k65”, “k66” and ${thousands(whole.length - MAX_QUERY_PAIRS - 3)} more.`,
    ]);
  });

  it('reports broken percent-encoding and does not apply the pair', () => {
    const decoded = decodeShareQuery(
      seed,
      `${seedQueryWith('backend_technology', '%zz')}&%E0%A4%A&x%E0%A4%A=1`,
    );
    expect(decoded.problems).toEqual([
      {
        kind: 'bad-encoding',
        text: 'backend_technology=%zz',
        key: 'backend_technology',
        message:
          '“backend_technology=%zz” is not correctly percent-encoded (a “%” must be followed by two hex digits).',
      },
      {
        kind: 'bad-encoding',
        text: '%E0%A4%A',
        message:
          '“%E0%A4%A” is not correctly percent-encoded (a “%” must be followed by two hex digits).',
      },
      { kind: 'bad-encoding', text: 'x%E0%A4%A=1', message: expect.any(String) as unknown },
    ]);
    const others = without(GRPC, 'backend_technology');
    expect(decoded.given).toEqual(others);
  });

  it('reports percent-escapes that are not UTF-8 (a lone surrogate, an overlong slash)', () => {
    for (const escape of ['%ED%A0%80', '%C0%AF', '%FF']) {
      const decoded = decodeShareQuery(seed, `${GRPC_QUERY}&note=${escape}`);
      expect(decoded.problems).toEqual([
        expect.objectContaining({ kind: 'bad-encoding', text: `note=${escape}` }),
      ]);
    }
  });

  it('decodes percent-escapes in keys and values', () => {
    const query = GRPC_QUERY.replace('api_architecture=grpc', 'api%5Farchitecture=%67rpc');
    expect(decodeShareQuery(seed, query)).toEqual({ given: GRPC, complete: GRPC, problems: [] });
  });

  it('decodes + as a space and %2B as a plus', () => {
    const decoded = decodeShareQuery(
      sprint,
      'sprint_number=Q3+%2B+1&team_size=5&product_name=Acme++Corp',
    );
    expect(decoded.problems).toEqual([]);
    expect(decoded.given).toEqual({
      sprint_number: 'Q3 + 1',
      team_size: '5',
      product_name: 'Acme  Corp',
    });

    const [problem] = decodeShareQuery(seed, seedQueryWith('api_architecture', 'grpc+')).problems;
    expect(problem).toMatchObject({
      kind: 'unknown-value',
      parameter: 'api_architecture',
      value: 'grpc ',
      suggestion: 'grpc',
    });
  });

  it('reports an empty value of a required choice as no value given', () => {
    for (const pair of ['api_architecture=', 'api_architecture']) {
      const query = GRPC_QUERY.replace('api_architecture=grpc', pair);
      const decoded = decodeShareQuery(seed, query);
      expect(decoded.problems).toEqual([
        {
          kind: 'unknown-value',
          parameter: 'api_architecture',
          value: '',
          allowed: ['rest', 'graphql', 'grpc', 'websocket', 'microservices'],
          message:
            'api_architecture: no value given; allowed: rest, graphql, grpc, websocket, microservices.',
        },
      ]);
      expect(decoded.complete).toBeUndefined();
    }
  });

  it('reports an empty value of a required text parameter as invalid', () => {
    const decoded = decodeShareQuery(sprint, 'sprint_number=+&team_size=5&product_name=X');
    expect(decoded.problems).toEqual([
      {
        kind: 'invalid-value',
        parameter: 'sprint_number',
        value: ' ',
        reason: 'must not be empty',
        message: 'sprint_number: “ ” must not be empty.',
      },
    ]);
    expect(decoded.complete).toBeUndefined();
  });

  it('treats an empty value of an optional parameter as the default', () => {
    const decoded = decodeShareQuery(
      ci,
      'platform=jenkins&project_type=go&deployment_target=aws&environments=&testing_enabled=',
    );
    expect(decoded.problems).toEqual([]);
    expect(decoded.given).toEqual({
      platform: 'jenkins',
      project_type: 'go',
      deployment_target: 'aws',
    });
    expect(decoded.complete).toMatchObject({
      environments: 'dev,staging,production',
      testing_enabled: 'yes',
    });
  });

  it('reports invalid free text with the reason from the schema', () => {
    const decoded = decodeShareQuery(
      sprint,
      `sprint_number=1&team_size=five&velocity=40&product_name=${'n'.repeat(MAX_TEXT_LENGTH + 1)}`,
    );
    expect(decoded.problems).toEqual([
      {
        kind: 'invalid-value',
        parameter: 'team_size',
        value: 'five',
        reason: 'must be a number, like 40 or 2.5',
        message: 'team_size: “five” must be a number, like 40 or 2.5.',
      },
      expect.objectContaining({
        kind: 'invalid-value',
        parameter: 'product_name',
        reason: `must be at most ${MAX_TEXT_LENGTH} characters`,
      }),
    ]);
    expect(decoded.given).toEqual({ sprint_number: '1', velocity: '40' });
  });

  it('applies the choices of another version and reports the mismatch', () => {
    const decoded = decodeShareQuery(seed, `${GRPC_QUERY}&v=2.0.0`);
    expect(decoded.given).toEqual(GRPC);
    expect(decoded.complete).toEqual(GRPC);
    expect(decoded.problems).toEqual([
      {
        kind: 'version-mismatch',
        expected: '1.0.0',
        found: '2.0.0',
        message:
          'This link was made for version “2.0.0” of the guide, which is now at version 1.0.0; some content may differ.',
      },
    ]);
  });

  it('reports an empty version as a mismatch', () => {
    const decoded = decodeShareQuery(seed, `${GRPC_QUERY}&v=`);
    expect(decoded.problems).toEqual([
      expect.objectContaining({ kind: 'version-mismatch', expected: '1.0.0', found: '' }),
    ]);
    expect(decoded.complete).toEqual(GRPC);
  });

  it('counts a version repeated with the same value once', () => {
    expect(decodeShareQuery(seed, `${GRPC_QUERY}&v=1.0.0&v=1.0.0`)).toEqual({
      given: GRPC,
      complete: GRPC,
      problems: [],
    });
    expect(decodeShareQuery(seed, `${GRPC_QUERY}&v=0.9.0&v=0.9.0`).problems).toEqual([
      expect.objectContaining({ kind: 'version-mismatch', found: '0.9.0' }),
    ]);
  });

  it('reports a version given twice with different values', () => {
    for (const versions of [
      ['1.0.0', '2.0.0'],
      ['2.0.0', '1.0.0'],
    ]) {
      const query = `${GRPC_QUERY}&${versions.map((version) => `v=${version}`).join('&')}`;
      const decoded = decodeShareQuery(seed, query);
      expect(decoded.problems).toEqual([
        {
          kind: 'duplicate-key',
          parameter: 'v',
          values: versions,
          message: 'The guide version is given 2 times; keep one.',
        },
      ]);
      expect(decoded.complete).toEqual(GRPC);
    }
  });

  it('keeps every valid choice alongside many problems', () => {
    const query = [
      'api_architecture=grpc',
      'backend_technology=Go',
      'expected_load=low',
      'expected_load=high',
      'data_complexity=analytics',
      'performance_targets=sub-1s',
      'infrastucture=serverless',
      '__proto__=x',
      'bad=%zz',
      'v=0.9.0',
    ].join('&');
    const decoded = decodeShareQuery(seed, query);
    expect(decoded.given).toEqual({
      api_architecture: 'grpc',
      data_complexity: 'analytics',
      performance_targets: 'sub-1s',
    });
    expect(decoded.complete).toBeUndefined();
    expect(kinds(decoded.problems).sort()).toEqual(
      [
        'bad-encoding',
        'version-mismatch',
        'unknown-value',
        'duplicate-key',
        'unknown-key',
        'unknown-key',
        'missing',
      ].sort(),
    );
  });

  it('quotes a huge duplicated key briefly, not every copy of its value', () => {
    const query = Array.from(
      { length: MAX_QUERY_PAIRS },
      (_, index) => `api_architecture=${'Ж'.repeat(100)}${index}`,
    ).join('&');
    const decoded = decodeShareQuery(seed, query);
    const duplicate = decoded.problems.find((problem) => problem.kind === 'duplicate-key');
    expect(duplicate).toBeDefined();
    expect(hostileCount(duplicate?.message ?? '')).toBeLessThanOrEqual(MAX_ECHO);
  });

  it('keeps a lone surrogate out of messages', () => {
    for (const query of [
      `${GRPC_QUERY}&x\uD800=1`,
      seedQueryWith('backend_technology', 'go\uDC00'),
    ]) {
      const [problem] = decodeShareQuery(seed, query).problems;
      expect(problem?.message).not.toMatch(/\p{Cs}/u);
    }
  });

  it('round-trips any free text the schema accepts, a lone surrogate included', () => {
    const choices = { sprint_number: '1', team_size: '5', product_name: 'Acme \uD800' };
    const parameter = parameterOf(sprint, 'product_name');
    // Either the schema refuses the text, or the share link carries it.
    if (parameterSchema(parameter).safeParse(choices.product_name).success) {
      expect(() => encodeShareQuery(sprint, choices)).not.toThrow();
      expect(decodeShareQuery(sprint, encodeShareQuery(sprint, choices)).given).toEqual(choices);
    }
  });
});

const seedNames = seed.parameters.map((parameter) => parameter.name);
const seedValues = seed.parameters.flatMap(optionsOf);
const junk = fc.string({ unit: 'binary', maxLength: 30 });
const utf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 60,
});
const escapes = fc.constantFrom(
  '%',
  '%z',
  '%zz',
  '%E0%A4%A',
  '%E0%A4%A4',
  '%41',
  '%5F',
  '%ED%A0%80',
  '%C0%AF',
  '%2B',
  '%26',
  '%3D',
  '+',
  '%00',
  '%E2%80%AE',
  '%20',
);
const percentEncodeAll = (text: string): string =>
  [...new TextEncoder().encode(text)]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');

const keyArb = fc.oneof(
  fc.constantFrom(...seedNames, VERSION_KEY),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'V',
    'api_architektur',
    'API_ARCHITECTURE',
  ),
  fc.constantFrom(...seedNames).map(percentEncodeAll),
  junk,
  escapes,
  fc.array(fc.oneof(junk, escapes), { maxLength: 3 }).map((parts) => parts.join('')),
);
const valueArb = fc.oneof(
  fc.constantFrom(...seedValues, '1.0.0', '2.0.0', ''),
  fc.constantFrom(...seedValues).map((value) => value.toUpperCase()),
  fc.constantFrom(...seedValues).map(percentEncodeAll),
  fc.constantFrom(...seedValues).map((value) => `${value}+`),
  junk,
  escapes,
  fc.array(fc.oneof(junk, escapes), { maxLength: 3 }).map((parts) => parts.join('')),
);
const segmentArb = fc.oneof(
  fc.tuple(keyArb, valueArb).map(([key, value]) => `${key}=${value}`),
  keyArb,
);
const seedPairsArb = choiceRecord(seed).map((choices) =>
  Object.entries(choices).map(([key, value]) => `${key}=${value}`),
);
/** Queries from clean to hostile: shuffled subsets of a valid set, with junk mixed in. */
const queryArb = fc.oneof(
  fc.array(segmentArb, { maxLength: 12 }).map((segments) => segments.join('&')),
  fc
    .tuple(
      seedPairsArb,
      fc.array(segmentArb, { maxLength: 3 }),
      fc.constantFrom([], ['v=1.0.0'], ['v=2.0.0']),
    )
    .chain(([valid, extra, version]) => {
      const all = [...valid, ...extra, ...version];
      return fc.shuffledSubarray(all, { minLength: Math.max(0, all.length - 2) });
    })
    .map((segments) => segments.join('&')),
  fc
    .tuple(fc.boolean(), seedPairsArb)
    .map(([mark, pairs]) => `${mark ? '?' : ''}${pairs.join('&')}`),
  // A valid set with some pairs repeated, as they are or with another valid value.
  fc
    .tuple(seedPairsArb, seedPairsArb, fc.array(fc.nat(5), { minLength: 1, maxLength: 4 }))
    .map(([pairs, others, picks]) =>
      [...pairs, ...picks.map((pick) => (pick % 2 === 0 ? pairs : others)[pick] ?? '')].join('&'),
    ),
);

describe('decodeShareQuery properties', () => {
  it('never throws on arbitrary strings', () => {
    for (const text of [
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'binary-ascii' }),
      fc.string({ unit: 'grapheme' }),
      utf16,
    ]) {
      fc.assert(
        fc.property(text, (query) => {
          const decoded = decodeShareQuery(seed, query);
          expect(Array.isArray(decoded.problems)).toBe(true);
        }),
        RUNS,
      );
    }
  });

  it('never throws on &-joined pairs of names, values, junk and escapes', () => {
    for (const template of [seed, ci, sprint]) {
      fc.assert(
        fc.property(queryArb, (query) => {
          expect(() => decodeShareQuery(template, query)).not.toThrow();
        }),
        RUNS,
      );
    }
  });

  it('gives only allowed values, never a guess', () => {
    for (const template of [seed, ci, sprint]) {
      fc.assert(
        fc.property(queryArb, (query) => {
          const decoded = decodeShareQuery(template, query);
          expectGivenValid(template, decoded.given);
          if (decoded.complete) expectGivenValid(template, decoded.complete);
        }),
        RUNS,
      );
    }
  });

  it('reports a problem whenever the query is anything but a valid complete set', () => {
    let clean = 0;
    fc.assert(
      fc.property(queryArb, (query) => {
        const decoded = decodeShareQuery(seed, query);
        const expectedClean = isCleanQuery(seed, query);
        if (expectedClean) clean += 1;
        expect(decoded.problems.length === 0).toBe(expectedClean);
        if (decoded.complete === undefined) expect(decoded.problems).not.toEqual([]);
        if (expectedClean) expect(decoded.complete).toEqual(decoded.given);
      }),
      { numRuns: 2000 },
    );
    // The generator must reach both sides of the property.
    expect(clean).toBeGreaterThan(100);
  });

  it('keeps the given choices of a complete decode in complete', () => {
    for (const template of [seed, ci, sprint]) {
      fc.assert(
        fc.property(queryArb, (query) => {
          const decoded = decodeShareQuery(template, query);
          if (decoded.complete) expect(decoded.complete).toMatchObject(decoded.given);
        }),
        RUNS,
      );
    }
  });

  it('round-trips arbitrary valid seed combinations', () => {
    fc.assert(
      fc.property(choiceRecord(seed), (choices) => {
        const decoded = decodeShareQuery(seed, encodeShareQuery(seed, choices));
        expect(decoded).toEqual({ given: choices, complete: choices, problems: [] });
      }),
      RUNS,
    );
  });

  it('round-trips arbitrary valid ci-cd choices, optional ones left out or given', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABZ0189_.-éжß'),
      minLength: 1,
      maxLength: 12,
    });
    const list = fc
      .array(fc.tuple(fc.constantFrom('', ' '), word, fc.constantFrom('', ' ')), {
        minLength: 1,
        maxLength: 8,
      })
      .map((items) => items.map((item) => item.join('')).join(','))
      .map((text) => text.trim())
      .filter((text) => text.length <= MAX_TEXT_LENGTH);
    const choicesArb = fc.record(
      {
        platform: fc.constantFrom(...optionsOf(parameterOf(ci, 'platform'))),
        project_type: fc.constantFrom(...optionsOf(parameterOf(ci, 'project_type'))),
        deployment_target: fc.constantFrom(...optionsOf(parameterOf(ci, 'deployment_target'))),
        environments: list,
        testing_enabled: fc.constantFrom('yes', 'no'),
      },
      { requiredKeys: ['platform', 'project_type', 'deployment_target'] },
    );
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const decoded = decodeShareQuery(ci, encodeShareQuery(ci, choices));
        expect(decoded.problems).toEqual([]);
        expect(decoded.given).toEqual(choices);
        expect(decoded.complete).toEqual({
          environments: 'dev,staging,production',
          testing_enabled: 'yes',
          ...choices,
        });
      }),
      RUNS,
    );
  });

  it('round-trips arbitrary valid sprint-planning text and numbers', () => {
    const text = fc
      .string({ unit: 'binary', minLength: 1, maxLength: MAX_TEXT_LENGTH })
      .map((value) => value.trim())
      .filter(
        (value) => value.length > 0 && !CONTROL.test(value) && !MARKUP_CHARACTERS.test(value),
      );
    const number = fc.stringMatching(/^-?\d{1,12}(?:\.\d{1,6})?$/);
    const choicesArb = fc.record(
      {
        sprint_number: text,
        sprint_duration: number,
        team_size: number,
        velocity: number,
        product_name: text,
      },
      { requiredKeys: ['sprint_number', 'team_size', 'product_name'] },
    );
    fc.assert(
      fc.property(choicesArb, (choices) => {
        const query = encodeShareQuery(sprint, choices);
        const decoded = decodeShareQuery(sprint, query);
        expect(decoded.problems).toEqual([]);
        expect(decoded.given).toEqual(choices);
        expect(decoded.complete).toEqual({ sprint_duration: '2', velocity: '40', ...choices });
      }),
      RUNS,
    );
  });

  it('quotes at most ~60 characters of hostile input and no control characters', () => {
    const hostileText = fc
      .tuple(
        fc.string({
          unit: fc.constantFrom(...HOSTILE_LETTERS, ...HOSTILE_CONTROLS),
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 40 }),
      )
      .map(([text, times]) => text.repeat(times));
    // Few names, so that keys given several times are common.
    const hostileKey = fc.oneof(
      fc.constantFrom('api_architecture', 'backend_technology', VERSION_KEY),
      hostileText,
    );
    const hostilePair = fc.oneof(
      fc.tuple(hostileKey, hostileText).map(([key, value]) => `${key}=${value}`),
      fc.tuple(hostileKey, hostileText).map(([key, value]) => `${key}=${value}%zz`),
      hostileText,
    );
    const hostileQuery = fc.array(hostilePair, { maxLength: 12 }).map((pairs) => pairs.join('&'));
    fc.assert(
      fc.property(hostileQuery, (query) => {
        for (const problem of decodeShareQuery(seed, query).problems) {
          expect(problem.message).not.toMatch(CONTROL);
          expect(hostileCount(problem.message)).toBeLessThanOrEqual(MAX_ECHO);
        }
      }),
      RUNS,
    );
  });
});
