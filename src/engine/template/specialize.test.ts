import { describe, expect, it } from 'vitest';
import { renderMarkdown, specializeProgram, loadTemplate } from '../index';
import { allCombinations, loadFixture } from '../testing/fixtures';

const FRONTMATTER = `---
name: t
title: T
description: d
category: c
tags: [t]
difficulty: easy
author: a
version: 1.0.0
arguments:
  - name: kind
    description: Kind (a, b, c)
    required: true
  - name: size
    description: Size (s, m)
    required: true
---
`;

describe('specializeProgram', () => {
  it('renders every configuration of the seed exactly as the whole program, split on each parameter', () => {
    const template = loadFixture('seed.md');
    const all = allCombinations(template);
    for (const parameter of template.parameters) {
      const programs = new Map<string, ReturnType<typeof specializeProgram>>();
      for (const choices of all.filter((_, index) => index % 7 === 0)) {
        const value = choices[parameter.name]!;
        if (!programs.has(value)) {
          programs.set(value, specializeProgram(template.program, { [parameter.name]: value }));
        }
        const specialized = { ...template, program: programs.get(value)! };
        expect(renderMarkdown(specialized, choices)).toBe(renderMarkdown(template, choices));
      }
    }
  });

  it('drops the branches the fixed value cannot take, and keeps what it does not know', () => {
    const template = loadTemplate(
      `${FRONTMATTER}{{#if (eq kind "a")}}A{{else if (eq kind "b" "c")}}BC{{/if}}` +
        `{{#unless (ne kind "a")}}not-a-is-false{{/unless}}{{#if (eq size "s")}}S{{/if}}` +
        `{{#if (and (eq kind "b") (eq size "m"))}}BM{{/if}}`,
    );
    const text = JSON.stringify(specializeProgram(template.program, { kind: 'b' }));
    expect(text).not.toContain('"A"');
    expect(text).not.toContain('not-a-is-false');
    expect(text).toContain('BC');
    expect(text).toContain('"S"');
    expect(text).toContain('BM');
    expect(JSON.stringify(specializeProgram(template.program, { kind: 'a' }))).not.toContain('BM');
  });

  it('leaves each/with bodies alone, where a name may mean the inner context', () => {
    const template = loadTemplate(
      `${FRONTMATTER}{{#with (split "x" ",")}}{{#if (eq kind "a")}}A{{else}}other{{/if}}{{/with}}`,
    );
    const text = JSON.stringify(specializeProgram(template.program, { kind: 'b' }));
    expect(text).toContain('"A"');
    expect(text).toContain('other');
  });

  it('keeps the reads of a folded block, so an emptied code block still names its choice', () => {
    const template = loadTemplate(
      `${FRONTMATTER}## Code\n\n\`\`\`go\n{{#if (eq kind "a")}}\npackage main\n{{/if}}\n\`\`\`\n`,
    );
    const specialized = {
      ...template,
      program: specializeProgram(template.program, { kind: 'b' }),
    };
    expect(renderMarkdown(specialized, { kind: 'b', size: 's' })).toBe(
      renderMarkdown(template, { kind: 'b', size: 's' }),
    );
  });
});
