import { describe, expect, it } from 'vitest';
import type { Parameter, TemplateInfo } from '../../engine/index';
import { missingRequired, reachableUntil, stepAt, stepIndex, stepStatuses } from './wizard-steps';

function choice(name: string, required = true): Parameter {
  return {
    kind: 'choice',
    name,
    question: name,
    required,
    options: [{ value: 'x' }, { value: 'y' }],
  };
}

const template = {
  meta: {},
  parameters: [choice('a'), choice('b'), choice('c', false), choice('d')],
  program: [],
  warnings: [],
} as unknown as TemplateInfo;

describe('wizard steps', () => {
  it('places parameters in template order and the review last', () => {
    expect(stepIndex(template, { kind: 'step', parameter: 'c' })).toBe(2);
    expect(stepIndex(template, { kind: 'review' })).toBe(4);
    expect(stepAt(template, 1)).toEqual({ kind: 'step', parameter: 'b' });
    expect(stepAt(template, 4)).toEqual({ kind: 'review' });
  });

  it('treats an unknown parameter as the first step', () => {
    expect(stepIndex(template, { kind: 'step', parameter: 'nope' })).toBe(0);
  });

  it('lists the required parameters without an answer', () => {
    expect(missingRequired(template, { b: 'x' }).map((p) => p.name)).toEqual(['a', 'd']);
    expect(missingRequired(template, { a: 'x', b: 'x', d: 'y' })).toEqual([]);
  });

  it('reaches up to the first unanswered required step; optional ones do not block', () => {
    expect(reachableUntil(template, {})).toBe(0);
    expect(reachableUntil(template, { a: 'x', b: 'y' })).toBe(3);
    expect(reachableUntil(template, { a: 'x', b: 'y', d: 'x' })).toBe(4);
  });

  it('marks answered steps done, the next ones open and the rest locked', () => {
    expect(stepStatuses(template, { a: 'x' }, { kind: 'step', parameter: 'b' })).toEqual([
      'done',
      'current',
      'locked',
      'locked',
      'locked',
    ]);
    expect(stepStatuses(template, { a: 'x', b: 'x' }, { kind: 'step', parameter: 'a' })).toEqual([
      'current',
      'done',
      'open',
      'open',
      'locked',
    ]);
  });

  it('opens the review once every required answer is given, and marks it current there', () => {
    const all = { a: 'x', b: 'x', d: 'x' };
    expect(stepStatuses(template, all, { kind: 'step', parameter: 'a' }).at(-1)).toBe('open');
    expect(stepStatuses(template, all, { kind: 'review' })).toEqual([
      'done',
      'done',
      'open',
      'done',
      'current',
    ]);
  });
});
