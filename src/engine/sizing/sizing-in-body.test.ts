import { describe, expect, it } from 'vitest';
import { loadTemplate, renderGuide, TemplateError } from '../index';
import { sizeApi } from './api-performance';

const frontmatter = (sizing: string | undefined) => `---
name: sizing_test
title: Sizing test
description: A body that reads the sizing model
category: testing
difficulty: easy
author: tests
version: 1.0.0
${sizing === undefined ? '' : `sizing: ${sizing}\n`}arguments:
  - name: expected_load
    description: Load (low, medium, high, extreme)
    required: true
  - name: infrastructure
    description: Where it runs (cloud-native, serverless)
    required: true
---
`;

const render = (
  body: string,
  choices: Record<string, string>,
  sizing: string | null = 'api-performance',
) =>
  renderGuide(loadTemplate(`${frontmatter(sizing ?? undefined)}${body}`), choices).markdown.trim();

const issuesOf = (source: string): string => {
  try {
    loadTemplate(source);
  } catch (error) {
    if (error instanceof TemplateError)
      return error.issues.map((issue) => issue.message).join('\n');
    throw error;
  }
  return '';
};

describe('{{@sizing.name}}: one source for every number', () => {
  const choices = { expected_load: 'high', infrastructure: 'serverless' };

  it('reads the model’s values for the choices, in prose, code and inside blocks', () => {
    const expected = sizeApi(choices).values;
    const body =
      'Peak {{@sizing.peak_rps}} rps.\n\n```yaml\nReservedConcurrentExecutions: {{@sizing.lambda_reserved_concurrency}}\n```\n\n' +
      '{{#if (eq infrastructure "serverless")}}Timeout {{@sizing.lambda_timeout_s}} s{{/if}}\n';
    expect(render(body, choices)).toBe(
      `Peak ${expected.peak_rps} rps.\n\n\`\`\`yaml\nReservedConcurrentExecutions: ${expected.lambda_reserved_concurrency}\n\`\`\`\n\nTimeout ${expected.lambda_timeout_s} s`,
    );
  });

  it('lists the worksheet with #each, each row with its formula', () => {
    const out = render(
      '{{#each @sizing.worksheet}}- {{this.label}}: {{this.shown}} ({{this.formula}})\n{{/each}}',
      choices,
    );
    const rows = sizeApi(choices).worksheet;
    expect(out.split('\n')).toHaveLength(rows.length);
    expect(out).toContain('- Reserved concurrency: ');
  });

  it('refuses an unknown value when the template loads, naming it and the known ones', () => {
    expect(issuesOf(`${frontmatter('api-performance')}{{@sizing.peak_rsp}}\n`)).toMatch(
      /unknown sizing value "@sizing\.peak_rsp"; the template's sizing model gives: .*peak_rps/,
    );
  });

  it('refuses a sizing model the engine does not have', () => {
    expect(issuesOf(`${frontmatter('guesswork')}x\n`)).toMatch(
      /must name one of the engine's sizing models: api-performance/,
    );
  });

  it('is literal text in a template without a sizing model', () => {
    expect(render('Keep {{@sizing.peak_rps}} as written.\n', choices, null)).toBe(
      'Keep {{@sizing.peak_rps}} as written.',
    );
  });
});
