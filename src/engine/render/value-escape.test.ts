import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  loadTemplate,
  plainText,
  renderGuide,
  type Guide,
  type GuideNode,
  type Inline,
} from '../index';
import { MARKUP_CHARACTERS, parameterSchema } from '../share/choices-schema';

// A template of this family with one free-text value in a heading, in prose, at the start of
// a line, inside a table cell, inside an inline code span and inside a code fence.
const HOSTILE_TEMPLATE = loadTemplate(`---
name: hostile_probe
title: Hostile probe
description: Free text everywhere it can land
category: testing
tags: []
difficulty: basic
author: us
version: 1.0.0
arguments:
  - name: service
    description: Service name
    required: true
---

# Probe {{service}}

## Service {{service}}

The service is called {{service}} here.

{{service}}

| Name | Value |
| --- | --- |
| service | {{service}} |

Run \`deploy {{service}}\` to ship it.

\`\`\`yaml
name: {{service}}
\`\`\`
`);

const SERVICE = HOSTILE_TEMPLATE.parameters[0]!;

const HOSTILE = [
  '![](https://example.invalid/x.png)',
  '[click](https://example.invalid/)',
  '<img src=x onerror="window.__pwned=1">',
  '<https://example.invalid/>',
  'https://example.invalid/x.png',
  'www.example.invalid',
  'ops@example.invalid',
  '`code` and ```fence',
  '```',
  '~~~',
  'a | b | c',
  '# heading',
  '- item',
  '1. item',
  '> quote',
  '---',
  '*strong* ~~struck~~ **bold**',
  '\\[escaped\\](x)',
  '&amp; &#x41;',
  '{{7*7}} ${{ secrets.TOKEN }}',
];

function walk(nodes: readonly GuideNode[], visit: (node: GuideNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.type === 'quote') walk(node.children, visit);
    if (node.type === 'list') for (const item of node.items) walk(item.children, visit);
  }
}

function inlinesOf(guide: Guide): Inline[] {
  const all: Inline[] = [];
  const add = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      all.push(inline);
      if ('children' in inline) add(inline.children);
    }
  };
  walk(guide.body, (node) => {
    if (node.type === 'heading' || node.type === 'paragraph') add(node.children);
    if (node.type === 'table') {
      add(node.header.flat());
      node.rows.forEach((row) => add(row.flat()));
    }
  });
  return all;
}

/** Every promise of the escaping, for one value. */
function expectInert(value: string): void {
  const guide = renderGuide(HOSTILE_TEMPLATE, { service: value });
  const inlines = inlinesOf(guide);
  expect(inlines.filter((inline) => inline.type === 'link')).toEqual([]);
  // The one code span of the template, and nothing else as code or formatting.
  // (The guide reads entities inside code spans, so `&amp;` there shows as `&`: still text.)
  const span = value.includes('&') ? expect.stringMatching(/^deploy /) : `deploy ${value}`;
  expect(inlines.filter((inline) => inline.type !== 'text')).toEqual([
    { type: 'code', text: span },
  ]);
  expect(guide.title).toBe(`Probe ${value}`);
  expect(guide.blocks).toHaveLength(1);
  expect(guide.blocks[0]?.code.trimEnd()).toBe(`name: ${value}`);
  const kinds: string[] = [];
  walk(guide.body, (node) => kinds.push(node.type));
  expect(kinds).toEqual(['heading', 'paragraph', 'paragraph', 'table', 'paragraph', 'code']);
  const texts = guide.body.flatMap((node) =>
    node.type === 'heading' || node.type === 'paragraph' ? [plainText(node.children)] : [],
  );
  expect(texts).toEqual([
    `Service ${value}`,
    `The service is called ${value} here.`,
    value,
    expect.stringMatching(/^Run deploy .* to ship it\.$/),
  ]);
  const table = guide.body.find((node) => node.type === 'table');
  expect(table?.type === 'table' && table.rows.map((row) => row.map(plainText))).toEqual([
    ['service', value],
  ]);
}

describe('free-text values in the rendered guide', () => {
  it('the schema refuses values that could break out of code', () => {
    for (const value of ['`x`', '```', '~~~', '[a](b)', '<b>', 'a | b', 'a\\b']) {
      expect(parameterSchema(SERVICE).safeParse(value).success).toBe(false);
    }
  });

  it('every schema-valid hostile value stays text: no link, image, code or extra block', () => {
    const valid = HOSTILE.filter((value) => parameterSchema(SERVICE).safeParse(value).success);
    expect(valid.length).toBeGreaterThanOrEqual(10);
    for (const value of valid) expectInert(value);
  });

  it('keeps a plain value exactly as given, in prose and in code', () => {
    expectInert('payments-api_v2 (beta) 100% #1 O’Brien');
  });

  it('escapes in prose even values that bypassed the schema', () => {
    for (const value of [
      '![](https://example.invalid/x.png)',
      '[a](https://x.invalid)',
      '<b>x</b>',
    ]) {
      const guide = renderGuide(HOSTILE_TEMPLATE, { service: value });
      expect(inlinesOf(guide).filter((inline) => inline.type === 'link')).toEqual([]);
      expect(guide.markdown).not.toContain(`called ${value} here`);
      expect(guide.markdown).toContain(`deploy ${value}`);
    }
  });

  it('property: any schema-valid value made of markdown punctuation renders as that text', () => {
    const value = fc
      .string({
        unit: fc.constantFrom(...'!#$%&()*+-./:;=?@^_{}~\'" aZ09éw'.split('')),
        minLength: 1,
        maxLength: 40,
      })
      .map((text) => text.trim())
      .filter((text) => text.length > 0 && !MARKUP_CHARACTERS.test(text))
      // Markdown collapses nothing inside a line but trims each paragraph's ends.
      .filter((text) => !/\s{2,}/.test(text));
    fc.assert(
      fc.property(value, (text) => {
        expect(parameterSchema(SERVICE).safeParse(text).success).toBe(true);
        expectInert(text);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);
});
