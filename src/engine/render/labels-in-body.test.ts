import { describe, expect, it } from 'vitest';
import { loadTemplate, renderGuide, withLabels } from '../index';

const FRONTMATTER = `---
name: labels_test
title: Labels test
description: A body that names the choices in words
category: testing
difficulty: easy
author: tests
version: 1.0.0
arguments:
  - name: kind
    description: Kind (rest, grpc)
    required: true
  - name: note
    description: A free-text note
    default: "none"
---
`;
const LABELS = {
  parameters: {
    kind: {
      step: 'Kind',
      options: {
        rest: { label: 'REST', description: 'Resources' },
        grpc: { label: 'gRPC', description: 'RPC' },
      },
    },
  },
};

const render = (body: string, choices: Record<string, string>, labels: unknown = LABELS) => {
  const loaded = loadTemplate(`${FRONTMATTER}${body}`);
  const template = labels === null ? loaded : withLabels(loaded, labels);
  return renderGuide(template, choices).markdown.trim();
};

describe('{{@labels.name}}: a choice in words', () => {
  it('is the chosen option’s label, in prose, headings and inside blocks', () => {
    const body =
      '# A {{@labels.kind}} API\n\n{{#if (eq kind "grpc")}}Pick {{@labels.kind}}.{{/if}}\n';
    expect(render(body, { kind: 'grpc', note: 'none' })).toBe('# A gRPC API\n\nPick gRPC.');
    expect(
      render('{{#each (split "a,b")}}{{this}} {{@labels.kind}} {{/each}}', {
        kind: 'rest',
        note: 'x',
      }),
    ).toBe('a REST b REST');
  });

  it('is the value itself without a labels file, and for a free-text answer', () => {
    expect(render('{{@labels.kind}}', { kind: 'grpc', note: 'none' }, null)).toBe('grpc');
    expect(render('Note: {{@labels.note}}', { kind: 'rest', note: 'mine' })).toBe('Note: mine');
  });

  it('escapes a free-text answer as any value is escaped, so it never becomes markup', () => {
    expect(render('Note: {{@labels.note}}', { kind: 'rest', note: '<b>*x*</b>' })).not.toContain(
      '<b>',
    );
  });

  it('is literal text for a name the template does not declare', () => {
    expect(render('{{@labels.other}} and {{@labels}}', { kind: 'rest', note: 'none' })).toBe(
      '{{@labels.other}} and {{@labels}}',
    );
  });
});
