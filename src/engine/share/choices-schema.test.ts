import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Choices } from '../render/render-guide';
import {
  allCombinations,
  GRPC,
  loadFixture,
  optionsOf,
  parameterOf,
  without,
} from '../testing/fixtures';
import type { Parameter } from '../template/parameters';
import {
  choicesSchema,
  MARKUP_CHARACTERS,
  MAX_TEXT_LENGTH,
  parameterSchema,
} from './choices-schema';

const seed = loadFixture('seed.md');
const ci = loadFixture('ci-cd-pipeline.md');
const sprint = loadFixture('sprint-planning.md');

const SPRINT: Choices = { sprint_number: '12', team_size: '5', product_name: 'Acme' };

/** The first issue's message when the value is refused, or the parsed value. */
function check(parameter: Parameter, value: unknown): { ok: string } | { error: string } {
  const result = parameterSchema(parameter).safeParse(value);
  return result.success ? { ok: result.data } : { error: result.error.issues[0]?.message ?? '' };
}

describe('choicesSchema', () => {
  it('accepts every one of the 7,680 seed combinations unchanged', () => {
    const schema = choicesSchema(seed);
    const combinations = allCombinations(seed);
    expect(combinations).toHaveLength(7680);
    for (const choices of combinations) {
      expect(schema.safeParse(choices)).toEqual({ success: true, data: choices });
    }
  });

  it('accepts every fixture combination with optional parameters left out or given', () => {
    const schema = choicesSchema(ci);
    const required = { platform: 'jenkins', project_type: 'go', deployment_target: 'aws' };
    expect(schema.safeParse(required).success).toBe(true);
    const full = { ...required, environments: 'dev, qa', testing_enabled: 'no' };
    expect(schema.safeParse(full)).toEqual({ success: true, data: full });
  });

  it('accepts arbitrary valid combinations of every fixture', () => {
    for (const template of [seed, ci]) {
      const schema = choicesSchema(template);
      const choiceParameters = template.parameters.filter(
        (parameter) => parameter.kind === 'choice',
      );
      const arb = fc.record(
        Object.fromEntries(
          choiceParameters.map((parameter) => [
            parameter.name,
            fc.constantFrom(...optionsOf(parameter)),
          ]),
        ),
      );
      fc.assert(
        fc.property(arb, (choices) => {
          expect(schema.safeParse(choices).success).toBe(true);
        }),
        { numRuns: 1000 },
      );
    }
  });

  it('rejects an unknown key (strict), __proto__ and constructor included', () => {
    const schema = choicesSchema(seed);
    for (const key of ['extra', '__proto__', 'constructor', 'v']) {
      // Through JSON, as outside data arrives, so that "__proto__" is an own key.
      const input = JSON.parse(JSON.stringify({ ...GRPC, [key]: 'x' })) as object;
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ code: 'unrecognized_keys', keys: [key] }),
      ]);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('rejects a missing required parameter, naming it', () => {
    const schema = choicesSchema(seed);
    for (const name of Object.keys(GRPC)) {
      const result = schema.safeParse(without(GRPC, name));
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path)).toEqual([[name]]);
    }
    const sprintResult = choicesSchema(sprint).safeParse({ sprint_number: '1', team_size: '5' });
    expect(sprintResult.error?.issues.map((issue) => issue.path)).toEqual([['product_name']]);
  });

  it('rejects wrong values and wrong types', () => {
    const schema = choicesSchema(seed);
    for (const value of ['Go', 'go ', '', 'pyhton', 1, null, true, ['go'], { go: true }]) {
      const result = schema.safeParse({ ...GRPC, backend_technology: value });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path)).toEqual([['backend_technology']]);
    }
    expect(schema.safeParse(null).success).toBe(false);
    expect(schema.safeParse([]).success).toBe(false);
    expect(schema.safeParse('grpc').success).toBe(false);
  });

  it('rejects an optional parameter with a wrong value instead of dropping it', () => {
    const schema = choicesSchema(ci);
    const required = { platform: 'jenkins', project_type: 'go', deployment_target: 'aws' };
    expect(schema.safeParse({ ...required, testing_enabled: 'maybe' }).success).toBe(false);
    expect(schema.safeParse({ ...required, environments: 'dev;prod' }).success).toBe(false);
  });

  it('trims free text in its output', () => {
    const result = choicesSchema(sprint).safeParse({
      ...SPRINT,
      team_size: ' 5 ',
      product_name: '  Acme  ',
    });
    expect(result).toEqual({ success: true, data: SPRINT });
  });
});

describe('parameterSchema for a choice', () => {
  const backend = parameterOf(seed, 'backend_technology');

  it('accepts exactly the options', () => {
    for (const option of optionsOf(backend)) expect(check(backend, option)).toEqual({ ok: option });
  });

  it('rejects anything else with the allowed list', () => {
    for (const value of ['Go', ' go', 'go ', '', 'golang', 'constructor', 1]) {
      expect(check(backend, value)).toEqual({
        error: 'must be one of: nodejs, python, java, go, rust, dotnet',
      });
    }
  });
});

describe('parameterSchema for text formats', () => {
  const text = parameterOf(sprint, 'product_name');
  const number = parameterOf(sprint, 'team_size');
  const list = parameterOf(ci, 'environments');

  it('reads the formats from the fixtures', () => {
    expect(text).toMatchObject({ kind: 'text', format: 'text' });
    expect(number).toMatchObject({ kind: 'text', format: 'number' });
    expect(parameterOf(sprint, 'velocity')).toMatchObject({ kind: 'text', format: 'number' });
    expect(list).toMatchObject({ kind: 'text', format: 'list' });
  });

  it('trims every format', () => {
    expect(check(text, '  Acme API \n')).toEqual({ ok: 'Acme API' });
    expect(check(number, '\t40 ')).toEqual({ ok: '40' });
    expect(check(list, ' dev,prod ')).toEqual({ ok: 'dev,prod' });
  });

  it('rejects empty and blank text', () => {
    for (const parameter of [text, number, list]) {
      for (const value of ['', ' ', '\n\t ', '\u00a0']) {
        expect(check(parameter, value)).toEqual({ error: 'must not be empty' });
      }
    }
  });

  it('accepts MAX_TEXT_LENGTH characters after trimming and refuses one more', () => {
    const longest = 'a'.repeat(MAX_TEXT_LENGTH);
    expect(check(text, longest)).toEqual({ ok: longest });
    expect(check(text, `  ${longest}  `)).toEqual({ ok: longest });
    expect(check(text, `${longest}b`)).toEqual({
      error: `must be at most ${MAX_TEXT_LENGTH} characters`,
    });
    const longNumber = '1'.repeat(MAX_TEXT_LENGTH + 1);
    expect(check(number, longNumber)).toEqual({
      error: `must be at most ${MAX_TEXT_LENGTH} characters`,
    });
  });

  it('rejects control, format and separator characters inside the text', () => {
    for (const char of [
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u200b',
      '\u200e',
      '\u202e',
      '\u2028',
      '\u2029',
      '\ufeff',
      '\n',
      '\t',
    ]) {
      expect(check(text, `Acme${char}API`)).toEqual({
        error: 'must not contain control characters',
      });
    }
    expect(check(text, '\u001b[31mred\u001b[0m')).toEqual({
      error: 'must not contain control characters',
    });
  });

  it('accepts ordinary unicode text, emoji and punctuation', () => {
    for (const value of ['Café “API” — v2', '日本語のプロダクト', 'Team 🚀 #1', 'a & b = c%']) {
      expect(check(text, value)).toEqual({ ok: value });
    }
  });

  it('rejects free text that could open code, a link, an image, HTML or a table cell', () => {
    for (const value of [
      'a `b` c',
      '```',
      '~~~',
      '![](https://example.invalid/x.png)',
      '[click](https://example.invalid)',
      '<img src=x onerror=alert(1)>',
      'a | b',
      'back\\slash',
    ]) {
      expect(check(text, value)).toEqual({ error: 'must not contain ` < > [ ] | \\ or ~~~' });
    }
  });

  it('accepts service names, URLs, e-mail addresses and single tildes as free text', () => {
    for (const value of [
      'payments-api_v2',
      'https://api.example.com/v1/users?id=7&sort=asc#top',
      'ops@example.com',
      '/home/~deploy/app',
      "O'Brien (beta) *new* 100%",
    ]) {
      expect(check(text, value)).toEqual({ ok: value });
    }
  });

  it('accepts numbers like 40 or 2.5 and nothing else', () => {
    for (const value of ['40', '2.5', '-3', '0', '007', '-0.25']) {
      expect(check(number, value)).toEqual({ ok: value });
    }
    for (const value of [
      '1e3',
      '2,5',
      '.5',
      '5.',
      '40 pts',
      'NaN',
      'Infinity',
      '+4',
      '0x10',
      '4 0',
    ]) {
      expect(check(number, value)).toEqual({ error: 'must be a number, like 40 or 2.5' });
    }
  });

  it('accepts comma-separated lists of words and nothing else', () => {
    for (const value of [
      'dev,staging,production',
      'dev, staging',
      'qa_1',
      'v1.2-rc',
      'prod eu',
      'ünï,東京',
    ]) {
      expect(check(list, value)).toEqual({ ok: value });
    }
    for (const value of [
      'dev,,prod',
      'dev,',
      ',dev',
      'dev;prod',
      'dev/prod',
      'a,b!',
      'dev, ,prod',
    ]) {
      expect(check(list, value)).toEqual({
        error: 'must be a comma-separated list of words, like dev,staging,production',
      });
    }
  });

  it('accepts any trimmed printable text up to the limit, and only that', () => {
    const printable = fc
      .string({ unit: 'binary', minLength: 1, maxLength: MAX_TEXT_LENGTH })
      .map((value) => value.trim())
      .filter(
        (value) =>
          value.length > 0 &&
          !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(value) &&
          !MARKUP_CHARACTERS.test(value),
      );
    fc.assert(
      fc.property(printable, (value) => {
        expect(check(text, value)).toEqual({ ok: value });
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => {
        const result = check(text, value);
        if ('ok' in result) {
          expect(result.ok).toBe(value.trim());
          expect(result.ok.length).toBeGreaterThan(0);
          expect(result.ok.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
          expect(result.ok).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
          expect(result.ok).not.toMatch(MARKUP_CHARACTERS);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
