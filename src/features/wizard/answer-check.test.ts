import { describe, expect, it } from 'vitest';
import type { Parameter, TemplateInfo } from '../../engine/index';
import { loadFixture } from '../../engine/testing/fixtures';
import { checkAnswer } from './answer-check';

function parameterOf(template: TemplateInfo, name: string): Parameter {
  const parameter = template.parameters.find((candidate) => candidate.name === name);
  if (!parameter) throw new Error(`no parameter ${name}`);
  return parameter;
}

describe('checkAnswer', () => {
  const seed = loadFixture('seed.md');
  const sprint = loadFixture('sprint-planning.md');
  const pipeline = loadFixture('ci-cd-pipeline.md');

  it('asks for an option when a required choice has none', () => {
    expect(checkAnswer(seed, parameterOf(seed, 'backend_technology'), undefined)).toEqual({
      ok: false,
      message: 'Choose one option to continue.',
    });
    expect(checkAnswer(seed, parameterOf(seed, 'backend_technology'), 'go')).toEqual({
      ok: true,
      value: 'go',
    });
  });

  it('lets an optional step be skipped', () => {
    const testing = parameterOf(pipeline, 'testing_enabled');
    expect(checkAnswer(pipeline, testing, undefined)).toEqual({ ok: true, value: undefined });
    expect(checkAnswer(sprint, parameterOf(sprint, 'velocity'), '  ')).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('trims text and reports the engine’s message, named after the question', () => {
    const product = parameterOf(sprint, 'product_name');
    expect(checkAnswer(sprint, product, '  Atlas  ')).toEqual({ ok: true, value: 'Atlas' });
    expect(checkAnswer(sprint, product, ' ')).toEqual({
      ok: false,
      message: 'Product or project name must not be empty.',
    });
  });

  it('checks numbers and lists by their format', () => {
    const team = parameterOf(sprint, 'team_size');
    expect(checkAnswer(sprint, team, 'seven')).toEqual({
      ok: false,
      message: 'Number of team members must be a number, like 40 or 2.5.',
    });
    expect(checkAnswer(sprint, team, '7')).toEqual({ ok: true, value: '7' });
    const environments = parameterOf(pipeline, 'environments');
    expect(checkAnswer(pipeline, environments, 'dev;prod')).toMatchObject({ ok: false });
    expect(checkAnswer(pipeline, environments, 'dev,prod')).toEqual({
      ok: true,
      value: 'dev,prod',
    });
  });
});
