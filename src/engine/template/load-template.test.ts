import { describe, expect, it } from 'vitest';
import { loadTemplate, TemplateError, type TemplateIssue } from '../index';
import { loadFixture } from '../testing/fixtures';

const FRONTMATTER = `---
name: demo
title: Demo
description: A demo template
category: testing
tags: [a, b]
difficulty: beginner
author: us
version: 1.2.0
arguments:
  - name: api_architecture
    description: API architecture type (rest, graphql, grpc)
    required: true
  - name: expected_load
    description: Expected API load (low <1k-rps, medium 1k-10k-rps, extreme >100k-rps)
    required: true
  - name: environments
    description: Deployment environments (comma-separated)
    required: false
    default: "dev,prod"
  - name: testing_enabled
    description: Include testing stage (yes/no)
    required: false
    default: "yes"
---
`;

function issuesOf(source: string): TemplateIssue[] {
  try {
    loadTemplate(source);
  } catch (error) {
    if (error instanceof TemplateError) return [...error.issues];
    throw error;
  }
  return expect.fail('the template loaded, but it should not have');
}

describe('parameters from the frontmatter', () => {
  const template = loadTemplate(
    `${FRONTMATTER}Body {{api_architecture}} {{expected_load}} {{environments}} {{testing_enabled}}\n`,
  );

  it('reads options, hints, defaults and questions', () => {
    expect(template.parameters).toEqual([
      {
        name: 'api_architecture',
        question: 'API architecture type',
        required: true,
        kind: 'choice',
        options: [{ value: 'rest' }, { value: 'graphql' }, { value: 'grpc' }],
      },
      {
        name: 'expected_load',
        question: 'Expected API load',
        required: true,
        kind: 'choice',
        options: [
          { value: 'low', hint: '<1k-rps' },
          { value: 'medium', hint: '1k-10k-rps' },
          { value: 'extreme', hint: '>100k-rps' },
        ],
      },
      {
        name: 'environments',
        question: 'Deployment environments',
        required: false,
        default: 'dev,prod',
        kind: 'text',
        format: 'list',
        hint: 'comma-separated',
      },
      {
        name: 'testing_enabled',
        question: 'Include testing stage',
        required: false,
        default: 'yes',
        kind: 'choice',
        options: [{ value: 'yes' }, { value: 'no' }],
      },
    ]);
  });

  it('keeps the metadata', () => {
    expect(template.meta).toEqual({
      name: 'demo',
      title: 'Demo',
      description: 'A demo template',
      category: 'testing',
      tags: ['a', 'b'],
      difficulty: 'beginner',
      author: 'us',
      version: '1.2.0',
    });
  });

  it('reads the seed’s six parameters with their options', () => {
    const seed = loadFixture('seed.md');
    expect(
      seed.parameters.map((parameter) => [
        parameter.name,
        parameter.kind === 'choice'
          ? parameter.options.map((option) => option.value).join(' ')
          : '',
      ]),
    ).toEqual([
      ['api_architecture', 'rest graphql grpc websocket microservices'],
      ['backend_technology', 'nodejs python java go rust dotnet'],
      ['expected_load', 'low medium high extreme'],
      ['data_complexity', 'simple-crud complex-queries real-time analytics'],
      ['performance_targets', 'sub-100ms sub-500ms sub-1s throughput-focused'],
      ['infrastructure', 'cloud-native containerized serverless traditional'],
    ]);
    expect(seed.warnings).toEqual([]);
  });

  it('warns about declared parameters the body never uses', () => {
    expect(loadTemplate(`${FRONTMATTER}{{api_architecture}} {{expected_load}}\n`).warnings).toEqual(
      [
        'parameter "environments" is declared but the body never uses it',
        'parameter "testing_enabled" is declared but the body never uses it',
      ],
    );
  });
});

describe('a malformed template file', () => {
  it('without frontmatter says how a template starts', () => {
    expect(issuesOf('# Just markdown\n')).toEqual([
      { line: 1, message: expect.stringContaining('YAML frontmatter between two "---" lines') },
    ]);
  });

  it('with broken YAML gives the line in the file', () => {
    const [issue] = issuesOf('---\nname: demo\ntags: [a, b\ntitle: x\n---\nbody\n');
    expect(issue?.line).toBe(4);
    expect(issue?.message).toMatch(/^frontmatter is not valid YAML/);
  });

  it('with a duplicated YAML key gives its line', () => {
    const [issue] = issuesOf(FRONTMATTER.replace('title: Demo\n', 'title: Demo\ntitle: Again\n'));
    expect(issue?.line).toBe(4);
  });

  it('names every missing or invalid field, with its line', () => {
    const source = FRONTMATTER.replace('title: Demo\n', '')
      .replace('version: 1.2.0', 'version: ""')
      .replace('  - name: expected_load', '  - name: expected-load');
    expect(issuesOf(source)).toEqual([
      { field: 'title', message: expect.stringContaining('expected string') },
      { line: 8, column: 10, field: 'version', message: 'must not be empty' },
      {
        line: 13,
        column: 11,
        field: 'arguments[1].name',
        message: expect.stringContaining('must be an identifier'),
      },
    ]);
  });

  it('rejects a default that is not one of the options', () => {
    expect(issuesOf(FRONTMATTER.replace('default: "yes"', 'default: "maybe"'))).toEqual([
      {
        field: 'arguments[3].default',
        message: 'default "maybe" is not one of the options (yes, no)',
      },
    ]);
  });

  it('rejects duplicated and reserved parameter names', () => {
    const source = FRONTMATTER.replace('name: environments', 'name: api_architecture').replace(
      'name: testing_enabled',
      'name: split',
    );
    expect(issuesOf(source).map((issue) => `${issue.field}: ${issue.message}`)).toEqual([
      'arguments[2].name: "api_architecture" is declared twice',
      'arguments[3].name: "split" is reserved (a helper, keyword or share-link key); rename it',
    ]);
  });

  it('names an unknown helper and its line', () => {
    const [issue] = issuesOf(`${FRONTMATTER}line one\n{{uppercse api_architecture}}\n`);
    expect(issue).toEqual({
      line: 27,
      column: 1,
      message: expect.stringContaining('unknown helper "uppercse"'),
    });
  });

  it('names a misspelt parameter inside a condition and its line', () => {
    const [issue] = issuesOf(`${FRONTMATTER}\n\n{{#if (eq api_architectur "rest")}}x{{/if}}\n`);
    expect(issue).toEqual({
      line: 28,
      column: 11,
      message: expect.stringContaining('unknown name "api_architectur"'),
    });
  });

  it('reports an unclosed block where it opens', () => {
    expect(issuesOf(`${FRONTMATTER}x {{#if (eq api_architecture "rest")}}\nx\n`)).toEqual([
      { line: 26, column: 3, message: '{{#if}} is never closed; add {{/if}}' },
    ]);
  });

  it('reports a mismatched closing tag with both places', () => {
    expect(
      issuesOf(`${FRONTMATTER}{{#if (eq api_architecture "rest")}}\nx\n  {{/each}}\n`),
    ).toEqual([
      {
        line: 28,
        column: 3,
        message:
          '{{/each}} would close the {{#if}} opened at line 26, column 1; close that one with {{/if}} first',
      },
    ]);
  });

  it('reports a close that matches no block', () => {
    expect(issuesOf(`${FRONTMATTER}x\n{{/if}}\n`)).toEqual([
      {
        line: 27,
        column: 1,
        message: '{{/if}} closes no block; remove it or open {{#if}} before it',
      },
    ]);
  });

  it('still reports what only Handlebars finds, with its line', () => {
    const [issue] = issuesOf(`${FRONTMATTER}{{#if api_architecture}}\n{{else}}{{else}}\n{{/if}}\n`);
    expect(issue?.message).toMatch(/^the Handlebars body does not parse/);
    expect(issue?.line).toBe(27);
  });

  it('refuses helpers used as blocks', () => {
    const issues = issuesOf(
      `${FRONTMATTER}{{#each (split environments ",")}}{{#uppercase this}}x{{/uppercase}}{{/each}}\n`,
    );
    expect(issues).toEqual([
      {
        line: 26,
        column: 35,
        message: '{{#uppercase}} is not a block helper; use if, unless, each or with',
      },
    ]);
  });

  it('formats every issue in the error message', () => {
    expect(() => loadTemplate('no frontmatter')).toThrow(
      /^line 1: a template starts with YAML frontmatter/,
    );
  });
});
