import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { afterEach, describe, expect, it } from 'vitest';
import type { Choices } from '../render/render-guide';
import { allCombinations, GRPC, loadFixture, optionsOf, without } from '../testing/fixtures';
import type { Template } from '../template/load-template';
import { parameterSchema } from './choices-schema';
import {
  decodeConfigFile,
  encodeConfigFile,
  MAX_CONFIG_BYTES,
  MAX_CONFIG_DEPTH,
} from './config-file';
import { readConfigShape } from './config-shape';
import { positionsIn } from './json-text';
import { MAX_PROBLEMS } from './problem-limit';

const seed = loadFixture('seed.md');
const ci = loadFixture('ci-cd-pipeline.md');
const sprint = loadFixture('sprint-planning.md');

const GRPC_FILE = encodeConfigFile(seed, GRPC);

const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const RUNS = { numRuns: 1000 };

/** A config file as text, with the choices written exactly as given (a "__proto__" key too). */
function configText(
  header: Record<string, unknown>,
  entries: readonly (readonly [string, unknown])[],
): string {
  const choices = entries.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  const head = Object.entries(header).map(
    ([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{${[...head, `"choices": {${choices.join(', ')}}`].join(', ')}}`;
}

const SEED_HEADER = { template: 'api_performance_optimization', version: '1.0.0' };

function expectGivenValid(template: Template, given: Choices): void {
  for (const [name, value] of Object.entries(given)) {
    const parameter = template.parameters.find((each) => each.name === name);
    expect(parameter).toBeDefined();
    if (parameter?.kind === 'choice') expect(optionsOf(parameter)).toContain(value);
    if (parameter) expect(parameterSchema(parameter).safeParse(value).success).toBe(true);
  }
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
});

describe('encodeConfigFile', () => {
  it('writes template, version and choices in that order, choices in template order', () => {
    const reversed = Object.fromEntries(Object.entries(GRPC).reverse());
    expect(encodeConfigFile(seed, reversed)).toBe(
      [
        '{',
        '  "template": "api_performance_optimization",',
        '  "version": "1.0.0",',
        '  "choices": {',
        '    "api_architecture": "grpc",',
        '    "backend_technology": "go",',
        '    "expected_load": "low",',
        '    "data_complexity": "analytics",',
        '    "performance_targets": "sub-1s",',
        '    "infrastructure": "serverless"',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves out keys that are not parameters', () => {
    const text = encodeConfigFile(ci, { platform: 'jenkins', extra: 'x' });
    expect(JSON.parse(text)).toEqual({
      template: 'ci_cd_pipeline',
      version: '1.0.0',
      choices: { platform: 'jenkins' },
    });
  });
});

describe('decodeConfigFile round trip', () => {
  it('round-trips every one of the 7,680 seed combinations', () => {
    const combinations = allCombinations(seed);
    expect(combinations).toHaveLength(7680);
    const names = seed.parameters.map((parameter) => parameter.name);
    for (const choices of combinations) {
      const text = encodeConfigFile(seed, choices);
      expect(text.endsWith('}\n')).toBe(true);
      const json = JSON.parse(text) as { choices: object };
      expect(Object.keys(json)).toEqual(['template', 'version', 'choices']);
      expect(Object.keys(json.choices)).toEqual(names);
      expect(decodeConfigFile(seed, text)).toEqual({
        given: choices,
        complete: choices,
        problems: [],
        fatal: false,
      });
    }
  });

  it('accepts a byte-order mark and compact or reformatted JSON', () => {
    const compact = JSON.stringify(JSON.parse(GRPC_FILE));
    for (const text of [`\uFEFF${GRPC_FILE}`, compact, `\n\n  ${compact}  \r\n`]) {
      expect(decodeConfigFile(seed, text)).toEqual({
        given: GRPC,
        complete: GRPC,
        problems: [],
        fatal: false,
      });
    }
  });

  it('round-trips free text and fills in defaults', () => {
    const choices = { sprint_number: 'Q3-7', team_size: '5', product_name: 'Acme “API”, v2 ✓' };
    expect(decodeConfigFile(sprint, encodeConfigFile(sprint, choices))).toEqual({
      given: choices,
      complete: { ...choices, sprint_duration: '2', velocity: '40' },
      problems: [],
      fatal: false,
    });
  });
});

describe('decodeConfigFile problems', () => {
  it('reports a missing comma with the line and column where the parser stopped', () => {
    const text = [
      '{',
      '  "template": "api_performance_optimization",',
      '  "version": "1.0.0" "choices": {}',
      '}',
    ].join('\n');
    expect(decodeConfigFile(seed, text)).toEqual({
      given: {},
      problems: [
        expect.objectContaining({
          kind: 'not-json',
          line: 3,
          column: 22,
          message: expect.stringContaining('line 3, column 22') as unknown,
        }),
      ],
      fatal: true,
    });
    // A comma missing at the end of line 3 is noticed at the start of line 4.
    const endOfLine = GRPC_FILE.replace('"1.0.0",', '"1.0.0"');
    expect(decodeConfigFile(seed, endOfLine).problems).toEqual([
      expect.objectContaining({ kind: 'not-json', line: 4, column: 3 }),
    ]);
  });

  it('reports a trailing comma', () => {
    const text = GRPC_FILE.replace('"serverless"\n', '"serverless",\n');
    const result = decodeConfigFile(seed, text);
    expect(result.fatal).toBe(true);
    expect(result.given).toEqual({});
    expect(result.complete).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'not-json', line: 11, column: 3 }),
    ]);
  });

  it('reports the position of an unexpected token', () => {
    const text = '{\n  "template": "api_performance_optimization",\n  "version": x\n}';
    expect(decodeConfigFile(seed, text).problems).toEqual([
      expect.objectContaining({ kind: 'not-json', line: 3, column: 14 }),
    ]);
  });

  it('reports the position after a byte-order mark on the right line', () => {
    const text = `\uFEFF{\n"template": "api_performance_optimization"\n"version": "1.0.0"}`;
    expect(decodeConfigFile(seed, text).problems).toEqual([
      expect.objectContaining({ kind: 'not-json', line: 3, column: 1 }),
    ]);
  });

  it('reports an empty or blank file as not JSON', () => {
    for (const text of ['', '   ', '\n']) {
      const result = decodeConfigFile(seed, text);
      expect(result.fatal).toBe(true);
      expect(result.given).toEqual({});
      expect(result.problems).toEqual([
        expect.objectContaining({ kind: 'not-json', detail: 'a value is expected' }),
      ]);
    }
  });

  it('reports binary junk as not JSON, applying nothing', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x7b]);
    const result = decodeConfigFile(seed, bytes.toString('latin1'));
    expect(result.fatal).toBe(true);
    expect(result.given).toEqual({});
    // Where the position is reported is checked by "reports the position of an unexpected token".
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'not-json' })]);
  });

  it('keeps control characters of the file out of the message', () => {
    for (const text of ['\u0000', '\u0007abc', '{\n  "a": x\n}', '\u001b[31mred']) {
      const [problem] = decodeConfigFile(seed, text).problems;
      expect(problem?.kind).toBe('not-json');
      expect(problem?.message).not.toMatch(CONTROL);
    }
  });

  it('refuses a 10 MB file quickly, without parsing it', () => {
    const huge = `{"template": "${'x'.repeat(10 * 1024 * 1024)}"}`;
    const started = performance.now();
    const result = decodeConfigFile(seed, huge);
    expect(performance.now() - started).toBeLessThan(50);
    expect(result).toEqual({
      given: {},
      problems: [
        {
          kind: 'oversized',
          what: 'config file',
          limit: MAX_CONFIG_BYTES,
          message:
            'The file is 10240 KB; a config file is at most 64 KB. Choose the JSON file this app downloaded.',
        },
      ],
      fatal: true,
    });
  });

  it('reads a file of exactly MAX_CONFIG_BYTES and refuses one more character', () => {
    const padded = GRPC_FILE.padEnd(MAX_CONFIG_BYTES, ' ');
    expect(decodeConfigFile(seed, padded)).toMatchObject({ problems: [], fatal: false });
    expect(decodeConfigFile(seed, `${padded} `)).toMatchObject({
      problems: [{ kind: 'oversized', limit: MAX_CONFIG_BYTES }],
      fatal: true,
    });
  });

  it('refuses an extra top-level key (strict)', () => {
    const text = GRPC_FILE.replace('"choices"', '"extra": 1,\n  "choices"');
    expect(decodeConfigFile(seed, text)).toEqual({
      given: {},
      problems: [
        {
          kind: 'bad-shape',
          field: 'file',
          detail: 'unexpected key “extra”',
          message:
            'The file has an unexpected key “extra”; a config has only "template", "version" and "choices".',
        },
      ],
      fatal: true,
    });
  });

  it('names three unexpected keys and counts the rest', () => {
    const extra = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`x${index}`, 1]));
    const result = decodeConfigFile(seed, JSON.stringify({ ...JSON.parse(GRPC_FILE), ...extra }));
    expect(result.fatal).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({
        message:
          'The file has unexpected keys “x0”, “x1”, “x2” and 497 more; a config has only "template", "version" and "choices".',
      }),
    ]);
  });

  it('refuses JSON that is not an object, showing what a config looks like', () => {
    const cases: [string, string][] = [
      ['null', 'null'],
      ['[]', 'an array'],
      ['"text"', 'a string'],
      ['42', 'a number'],
      ['true', 'true'],
    ];
    for (const [text, found] of cases) {
      expect(decodeConfigFile(seed, text)).toEqual({
        given: {},
        problems: [
          {
            kind: 'bad-shape',
            field: 'file',
            detail: `${found} instead of an object`,
            message: `The file holds ${found}, not a config; a config looks like {"template": "api_performance_optimization", "version": "1.0.0", "choices": {"api_architecture": "rest"}}.`,
          },
        ],
        fatal: true,
      });
    }
  });

  it('says which field is missing and what to add', () => {
    expect(decodeConfigFile(seed, '{}').problems.map((problem) => problem.message)).toEqual([
      'The file has no "template"; add "template": "api_performance_optimization".',
      'The file has no "version"; add "version": "1.0.0".',
      'The file has no "choices"; add "choices": {"api_architecture": "rest"}.',
    ]);
  });

  it("explains a field of the wrong type with the template's own example", () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { template: 42 },
        'template',
        'template must be a string, the template\'s name "api_performance_optimization", not a number.',
      ],
      [
        { template: '' },
        'template',
        'template must be a string, the template\'s name "api_performance_optimization", not an empty string.',
      ],
      [{ version: 1.1 }, 'version', 'version must be a string like "1.0.0", not a number.'],
      [{ version: '' }, 'version', 'version must be a string like "1.0.0", not an empty string.'],
      [{ version: null }, 'version', 'version must be a string like "1.0.0", not null.'],
      // An empty array is both not a string and too short: still one problem.
      [{ version: [] }, 'version', 'version must be a string like "1.0.0", not an array.'],
      [
        { template: [] },
        'template',
        'template must be a string, the template\'s name "api_performance_optimization", not an array.',
      ],
      [
        { choices: [] },
        'choices',
        'choices must be an object such as {"api_architecture": "rest"}, not an array.',
      ],
      [
        { choices: 'grpc' },
        'choices',
        'choices must be an object such as {"api_architecture": "rest"}, not a string.',
      ],
      [
        { choices: null },
        'choices',
        'choices must be an object such as {"api_architecture": "rest"}, not null.',
      ],
    ];
    for (const [override, field, message] of cases) {
      const text = JSON.stringify({ ...SEED_HEADER, choices: GRPC, ...override });
      expect(decodeConfigFile(seed, text)).toEqual({
        given: {},
        problems: [expect.objectContaining({ kind: 'bad-shape', field, message })],
        fatal: true,
      });
    }
    const ciText = JSON.stringify({ template: 'ci_cd_pipeline', version: 2 });
    expect(decodeConfigFile(ci, ciText).problems.map((problem) => problem.message)).toEqual([
      'version must be a string like "1.0.0", not a number.',
      'The file has no "choices"; add "choices": {"platform": "github-actions"}.',
    ]);
  });

  it('says what is wrong with each field once, even when the schema finds two faults in it', () => {
    const text = '{"template": [], "version": [], "choices": []}';
    const shape = readConfigShape(seed, JSON.parse(text), parseTree(text), positionsIn(text));
    const expected = [
      'template must be a string, the template\'s name "api_performance_optimization", not an array.',
      'version must be a string like "1.0.0", not an array.',
      'choices must be an object such as {"api_architecture": "rest"}, not an array.',
    ];
    expect(shape.ok ? [] : shape.problems.map((problem) => problem.message)).toEqual(expected);
    expect(decodeConfigFile(seed, text).problems.map((problem) => problem.message)).toEqual(
      expected,
    );
  });

  it('reports a choice that is an object, an array or null as a problem of that setting', () => {
    for (const [value, found] of [
      [{}, 'an object'],
      [['grpc'], 'an array'],
      [null, 'null'],
      [{ value: 'grpc' }, 'an object'],
    ] as const) {
      const entries = Object.entries(GRPC).map(([key, choice]): [string, unknown] => [
        key,
        key === 'backend_technology' ? value : choice,
      ]);
      const result = decodeConfigFile(seed, configText(SEED_HEADER, entries));
      expect(result).toEqual({
        given: without(GRPC, 'backend_technology'),
        problems: [
          {
            kind: 'wrong-type',
            parameter: 'backend_technology',
            found,
            message: `backend_technology must be a string such as "nodejs", not ${found}.`,
          },
        ],
        fatal: false,
      });
    }
  });

  it('refuses a top-level field given twice, with the lines of each copy', () => {
    const text = GRPC_FILE.replace(
      '  "choices": {',
      '  "choices": {"backend_technology": "rust"},\n  "choices": {',
    );
    expect(decodeConfigFile(seed, text)).toEqual({
      given: {},
      problems: [
        {
          kind: 'duplicate-field',
          field: 'choices',
          at: [
            { line: 4, column: 3 },
            { line: 5, column: 3 },
          ],
          message: 'The file has "choices" twice (lines 4 and 5); keep one.',
        },
      ],
      fatal: true,
    });
    const oneLine = `{"version": "1.0.0", "version": "1.0.0", "template": "x", "version": "2"}`;
    expect(decodeConfigFile(seed, oneLine).problems).toEqual([
      expect.objectContaining({
        kind: 'duplicate-field',
        field: 'version',
        message:
          'The file has "version" 3 times (line 1, column 2; line 1, column 22; line 1, column 59); keep one.',
      }),
    ]);
  });

  it('reports a setting given twice, with its values and lines, and applies the others', () => {
    const text = GRPC_FILE.replace(
      '"backend_technology": "go",',
      '"backend_technology": "go",\n    "backend_technology": "rust",',
    );
    const result = decodeConfigFile(seed, text);
    expect(result).toEqual({
      given: without(GRPC, 'backend_technology'),
      problems: [
        {
          kind: 'duplicate-key',
          parameter: 'backend_technology',
          values: ['go', 'rust'],
          at: [
            { line: 6, column: 5 },
            { line: 7, column: 5 },
          ],
          message: 'backend_technology is given 2 times (“go”, “rust”; lines 6 and 7); keep one.',
        },
      ],
      fatal: false,
    });
    // A file is edited by hand: even the same value twice is worth a look.
    const same = GRPC_FILE.replace(
      '"expected_load": "low",',
      '"expected_load": "low", "expected_load": "low",',
    );
    expect(decodeConfigFile(seed, same).problems).toEqual([
      expect.objectContaining({
        kind: 'duplicate-key',
        parameter: 'expected_load',
        values: ['low', 'low'],
      }),
    ]);
  });

  it('reports an unknown key given twice once', () => {
    const text = configText(SEED_HEADER, [
      ...Object.entries(GRPC),
      ['colour', 'red'],
      ['colour', 'blue'],
    ]);
    expect(decodeConfigFile(seed, text).problems).toEqual([
      { kind: 'unknown-key', key: 'colour', message: '“colour” is not a setting of this guide.' },
    ]);
  });

  it('refuses 10,000 unclosed [ at the first bracket too deep, without overflowing the stack', () => {
    const deep = '['.repeat(10_000);
    expect(deep.length).toBeLessThan(MAX_CONFIG_BYTES);
    expect(decodeConfigFile(seed, deep)).toEqual({
      given: {},
      problems: [
        {
          kind: 'too-deep',
          line: 1,
          column: MAX_CONFIG_DEPTH + 1,
          limit: MAX_CONFIG_DEPTH,
          message: `The file nests brackets more than 8 levels deep (line 1, column 9); a config file has two levels, like {"template": "api_performance_optimization", "version": "1.0.0", "choices": {"api_architecture": "rest"}}.`,
        },
      ],
      fatal: true,
    });
  });

  it('refuses deep nesting anywhere, closed or not, and brackets that close nothing', () => {
    const inside = GRPC_FILE.replace('"grpc"', `${'['.repeat(20)}${']'.repeat(20)}`);
    expect(decodeConfigFile(seed, inside).problems).toEqual([
      expect.objectContaining({ kind: 'too-deep', line: 5, column: 31 }),
    ]);
    for (const text of [
      '{"a":'.repeat(10_000),
      '[},'.repeat(20_000),
      `\uFEFF${'{'.repeat(60_000)}`,
    ]) {
      expect(decodeConfigFile(seed, text).problems).toEqual([
        expect.objectContaining({ kind: 'too-deep', line: 1 }),
      ]);
    }
  });

  it('reads a wrong value nested up to the limit as a problem of its setting', () => {
    const nested = (depth: number) =>
      GRPC_FILE.replace('"grpc"', `${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}`);
    expect(decodeConfigFile(seed, nested(MAX_CONFIG_DEPTH)).problems).toEqual([
      expect.objectContaining({ kind: 'wrong-type', parameter: 'api_architecture' }),
    ]);
    expect(decodeConfigFile(seed, nested(MAX_CONFIG_DEPTH + 1)).problems).toEqual([
      expect.objectContaining({ kind: 'too-deep' }),
    ]);
  });

  it('lists 3,500 unknown keys as 63 and a count of the rest, applying nothing else wrongly', () => {
    const unknown = Array.from({ length: 3500 }, (_, index) => [`k${index}`, 'x'] as const);
    const text = configText(SEED_HEADER, [...Object.entries(GRPC), ...unknown]);
    expect(text.length).toBeLessThan(MAX_CONFIG_BYTES);
    const result = decodeConfigFile(seed, text);
    expect(result.fatal).toBe(false);
    expect(result.given).toEqual(GRPC);
    expect(result.problems).toHaveLength(MAX_PROBLEMS);
    expect(result.problems[0]).toEqual({
      kind: 'unknown-key',
      key: 'k0',
      message: '“k0” is not a setting of this guide.',
    });
    expect(result.problems.at(-1)).toEqual({
      kind: 'more',
      count: 3437,
      kinds: [{ kind: 'unknown-key', count: 3437 }],
      message: '… and 3,437 more: 3,437 unknown settings.',
    });
    expect(result.problems.map((problem) => problem.message).join('\n').length).toBeLessThan(3000);
  });

  it('lists what concerns a setting even among thousands of unknown keys', () => {
    const unknown = Array.from({ length: 2000 }, (_, index) => [`k${index}`, 'x'] as const);
    const entries = Object.entries(without(without(GRPC, 'infrastructure'), 'backend_technology'));
    const text = configText(SEED_HEADER, [...unknown, ...entries, ['backend_technology', 'Go']]);
    const problems = decodeConfigFile(seed, text).problems;
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems.slice(-3)).toEqual([
      expect.objectContaining({ kind: 'unknown-value', parameter: 'backend_technology' }),
      expect.objectContaining({ kind: 'missing', parameter: 'infrastructure' }),
      expect.objectContaining({ kind: 'more', count: 1939 }),
    ]);
  });

  it('reports __proto__ inside choices as an unknown key, without polluting', () => {
    for (const value of ['x', { polluted: 'yes' }]) {
      const text = configText(SEED_HEADER, [['__proto__', value], ...Object.entries(GRPC)]);
      const result = decodeConfigFile(seed, text);
      expect(result.problems).toEqual([
        {
          kind: 'unknown-key',
          key: '__proto__',
          message: '“__proto__” is not a setting of this guide.',
        },
      ]);
      expect(result.given).toEqual(GRPC);
      expect(Object.getPrototypeOf(result.given)).toBe(Object.prototype);
      expect(Object.keys(result.given)).toEqual(Object.keys(GRPC));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('reports constructor and prototype keys as unknown', () => {
    const text = configText(SEED_HEADER, [
      ...Object.entries(GRPC),
      ['constructor', 'x'],
      ['toString', 'y'],
    ]);
    const result = decodeConfigFile(seed, text);
    expect(result.problems.map((problem) => problem.kind === 'unknown-key' && problem.key)).toEqual(
      ['constructor', 'toString'],
    );
    expect(result.complete).toEqual(GRPC);
  });

  it('reads numbers as text for number-format parameters', () => {
    const text = configText({ template: 'sprint_planning', version: '1.0.0' }, [
      ['sprint_number', 12],
      ['sprint_duration', 3],
      ['team_size', 5],
      ['velocity', 2.5],
      ['product_name', 'Acme'],
    ]);
    expect(decodeConfigFile(sprint, text)).toEqual({
      given: {
        sprint_number: '12',
        sprint_duration: '3',
        team_size: '5',
        velocity: '2.5',
        product_name: 'Acme',
      },
      complete: {
        sprint_number: '12',
        sprint_duration: '3',
        team_size: '5',
        velocity: '2.5',
        product_name: 'Acme',
      },
      problems: [],
      fatal: false,
    });
  });

  it('reports a number JSON writes in exponent form as invalid, not rounded', () => {
    const text = configText({ template: 'sprint_planning', version: '1.0.0' }, [
      ['sprint_number', 1],
      ['team_size', 1e21],
      ['product_name', 'Acme'],
    ]);
    const result = decodeConfigFile(sprint, text);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'invalid-value', parameter: 'team_size', value: '1e+21' }),
    ]);
    expect(result.given).not.toHaveProperty('team_size');
  });

  it('reports booleans and numbers given for a choice as unknown values', () => {
    const text = configText({ template: 'ci_cd_pipeline', version: '1.0.0' }, [
      ['platform', 'jenkins'],
      ['project_type', 1],
      ['deployment_target', 'aws'],
      ['testing_enabled', true],
    ]);
    const result = decodeConfigFile(ci, text);
    expect(result.fatal).toBe(false);
    expect(result.given).toEqual({ platform: 'jenkins', deployment_target: 'aws' });
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'unknown-value', parameter: 'project_type', value: '1' }),
      expect.objectContaining({
        kind: 'unknown-value',
        parameter: 'testing_enabled',
        value: 'true',
        allowed: ['yes', 'no'],
      }),
    ]);
  });

  it('refuses a config of another template and applies nothing', () => {
    const text = encodeConfigFile(ci, { platform: 'jenkins' });
    expect(decodeConfigFile(seed, text)).toEqual({
      given: {},
      problems: [
        {
          kind: 'wrong-template',
          expected: 'api_performance_optimization',
          found: 'ci_cd_pipeline',
          message:
            'The file is a config for “ci_cd_pipeline”, not for api_performance_optimization.',
        },
      ],
      fatal: true,
    });
  });

  it('applies the choices of another version and reports the mismatch', () => {
    const text = GRPC_FILE.replace('"1.0.0"', '"0.9.0"');
    const result = decodeConfigFile(seed, text);
    expect(result).toEqual({
      given: GRPC,
      complete: GRPC,
      problems: [
        expect.objectContaining({ kind: 'version-mismatch', expected: '1.0.0', found: '0.9.0' }),
      ],
      fatal: false,
    });
    expect(result.problems[0]?.message).toContain('“0.9.0”');
    expect(result.problems[0]?.message).toContain('1.0.0');
  });

  it('keeps valid choices beside unknown values, unknown keys and missing ones', () => {
    const text = configText(SEED_HEADER, [
      ['api_architecture', 'grpc'],
      ['backend_technology', 'Go'],
      ['expected_load', 'low'],
      ['infrastucture', 'serverless'],
    ]);
    const result = decodeConfigFile(seed, text);
    expect(result.fatal).toBe(false);
    expect(result.given).toEqual({ api_architecture: 'grpc', expected_load: 'low' });
    expect(result.complete).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'unknown-value',
        parameter: 'backend_technology',
        suggestion: 'go',
      }),
      expect.objectContaining({
        kind: 'unknown-key',
        key: 'infrastucture',
        suggestion: 'infrastructure',
      }),
      expect.objectContaining({ kind: 'missing', parameter: 'data_complexity' }),
      expect.objectContaining({ kind: 'missing', parameter: 'performance_targets' }),
      expect.objectContaining({ kind: 'missing', parameter: 'infrastructure' }),
    ]);
  });
});

const seedNames = seed.parameters.map((parameter) => parameter.name);
const seedValues = seed.parameters.flatMap(optionsOf);
const keyArb = fc.oneof(
  fc.constantFrom(...seedNames),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'infrastucture', 'API_ARCHITECTURE'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const valueArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...seedValues) },
  fc.constantFrom(...seedValues).map((value) => ` ${value.toUpperCase()}`),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const headerArb = fc.record(
  {
    template: fc.oneof(
      { weight: 4, arbitrary: fc.constant('api_performance_optimization') },
      fc.constantFrom('ci_cd_pipeline', '', 'API_PERFORMANCE_OPTIMIZATION'),
      fc.string(),
      fc.integer(),
    ),
    version: fc.oneof(
      { weight: 4, arbitrary: fc.constant('1.0.0') },
      fc.constantFrom('', '2.0.0', '1.0'),
      fc.string(),
      fc.integer(),
    ),
    extra: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);
/** Config-shaped files: a header and unique choice keys, valid sets included. */
const configArb = fc.oneof(
  fc.tuple(headerArb, fc.uniqueArray(fc.tuple(keyArb, valueArb), { selector: ([key]) => key })),
  fc.tuple(
    fc.constant(SEED_HEADER),
    fc
      .record(
        Object.fromEntries(
          seed.parameters.map((parameter) => [
            parameter.name,
            fc.constantFrom(...optionsOf(parameter)),
          ]),
        ),
      )
      .map((choices) => Object.entries(choices)),
  ),
);

/** Oracle: a file applies with no problem exactly when it is a valid, complete seed config. */
function isCleanConfig(
  header: Record<string, unknown>,
  entries: readonly (readonly [string, unknown])[],
): boolean {
  const headerKeys = Object.keys(header).sort().join(',');
  if (headerKeys !== 'template,version') return false;
  if (header.template !== SEED_HEADER.template || header.version !== SEED_HEADER.version) {
    return false;
  }
  const parsed = JSON.parse(JSON.stringify(entries)) as [string, unknown][];
  for (const [key, value] of parsed) {
    const parameter = seed.parameters.find((each) => each.name === key);
    if (!parameter) return false;
    if (!['string', 'number', 'boolean'].includes(typeof value)) return false;
    if (!parameterSchema(parameter).safeParse(String(value)).success) return false;
  }
  return seedNames.every((name) => parsed.some(([key]) => key === name));
}

describe('decodeConfigFile properties', () => {
  it('never throws on arbitrary strings', () => {
    const utf16 = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    });
    for (const text of [fc.string({ unit: 'binary' }), utf16]) {
      fc.assert(
        fc.property(text, (input) => {
          const result = decodeConfigFile(seed, input);
          if (result.fatal) expect(result.given).toEqual({});
          expect(result.problems.length).toBeGreaterThan(0);
        }),
        RUNS,
      );
    }
  });

  it('never throws on random bytes read as latin1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = decodeConfigFile(seed, Buffer.from(bytes).toString('latin1'));
        expect(result.fatal).toBe(true);
        expect(result.given).toEqual({});
        const [problem] = result.problems;
        if (problem?.kind === 'not-json') {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeGreaterThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary JSON values, at the top or as choices', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const text of [
          JSON.stringify(value),
          JSON.stringify({ ...SEED_HEADER, choices: value }),
        ]) {
          const result = decodeConfigFile(seed, text);
          expectGivenValid(seed, result.given);
          if (result.fatal) expect(result.complete).toBeUndefined();
          expect(result.problems.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('applies only valid choices and reports a problem for anything else', () => {
    let clean = 0;
    fc.assert(
      fc.property(configArb, ([header, entries]) => {
        const result = decodeConfigFile(seed, configText(header, entries));
        expectGivenValid(seed, result.given);
        if (result.fatal) {
          expect(result.given).toEqual({});
          expect(result.complete).toBeUndefined();
        }
        const expectedClean = isCleanConfig(header, entries);
        if (expectedClean) clean += 1;
        expect(result.problems.length === 0).toBe(expectedClean);
        if (expectedClean) expect(result.complete).toEqual(result.given);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    expect(clean).toBeGreaterThan(100);
  });
});
