import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLabels, loadTemplate, optionLabel, stepName, withLabels } from '../index';
import { loadFixture } from '../testing/fixtures';

const shipped = loadTemplate(
  readFileSync(
    new URL('../../../templates/api-performance-optimization.md', import.meta.url),
    'utf8',
  ),
);
const labels: unknown = JSON.parse(
  readFileSync(
    new URL('../../../templates/api-performance-optimization.labels.json', import.meta.url),
    'utf8',
  ),
);

describe('the shipped labels', () => {
  it('fit the shipped template and name every parameter and option', () => {
    expect(checkLabels(shipped, labels)).toEqual([]);
    const labelled = withLabels(shipped, labels);
    for (const parameter of labelled.parameters) {
      expect(labelled.labels?.parameters[parameter.name]?.step).toBeTruthy();
      if (parameter.kind !== 'choice') continue;
      for (const option of parameter.options) {
        expect(
          labelled.labels?.parameters[parameter.name]?.options?.[option.value],
          option.value,
        ).toBeDefined();
      }
    }
  });

  it('give human words to values', () => {
    const labelled = withLabels(shipped, labels);
    const [architecture, , load] = labelled.parameters;
    expect(optionLabel(labelled, architecture!, 'grpc')).toEqual({
      label: 'gRPC',
      description:
        'Binary RPC over HTTP/2 with a .proto contract. Many gRPC services calling each other? Pick Microservices if the calls between them are the problem',
    });
    expect(optionLabel(labelled, load!, 'high')).toEqual({
      label: 'High',
      description: '10k–100k requests/s',
    });
    expect(stepName(labelled, load!)).toBe('Load');
  });
});

describe('labels that do not fit', () => {
  it('name the unknown parameter or option', () => {
    expect(
      checkLabels(shipped, {
        parameters: {
          api_architectur: { step: 'A' },
          expected_load: { step: 'Load', options: { huge: { label: 'Huge', description: 'x' } } },
        },
      }),
    ).toEqual([
      {
        field: 'parameters.api_architectur',
        message: '"api_architectur" is not a parameter of api_performance_optimization',
      },
      {
        field: 'parameters.expected_load.options.huge',
        message: '"huge" is not an option of expected_load',
      },
    ]);
  });

  it('reject extra keys and empty words', () => {
    expect(
      checkLabels(shipped, { parameters: { expected_load: { step: '', colour: 'red' } } }),
    ).toEqual([
      { field: 'parameters.expected_load.step', message: 'must not be empty' },
      { field: 'parameters.expected_load', message: 'Unrecognized key: "colour"' },
    ]);
  });
});

describe('a template without labels', () => {
  it('falls back to the raw value, its hint and the question', () => {
    const seed = loadFixture('seed.md');
    const load = seed.parameters[2]!;
    expect(optionLabel(seed, load, 'low')).toEqual({ label: 'low', description: '<1k-rps' });
    expect(optionLabel(seed, seed.parameters[0]!, 'rest')).toEqual({ label: 'rest' });
    expect(stepName(seed, load)).toBe('Expected API load');
  });
});
