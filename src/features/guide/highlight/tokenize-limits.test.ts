import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate, renderGuide } from '../../../engine/index';
import { MAX_CODE_LENGTH, MAX_LINE_LENGTH, tokenize } from './tokenize';

// Hostile code can never freeze the highlighter: over-long lines, over-long code and unknown
// languages come back plain, fast. The bounds are generous (1 s against a few milliseconds),
// so a busy CI machine cannot make them flaky; without the caps they take many seconds.

const LONG_LINE = `const x = "${'a<b>`${c}`'.repeat(12_500)}";`.slice(0, 100_000);

function fenced(language: string, code: string) {
  return loadTemplate(`---
name: code_probe
title: Code probe
description: One code block
category: testing
tags: []
difficulty: basic
author: us
version: 1.0.0
arguments:
  - name: kind
    description: Kind (a, b)
    required: true
---

# Probe

\`\`\`${language}
${code}
\`\`\`
`);
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

beforeAll(async () => {
  // Loading shiki and a grammar the first time is not what is measured.
  await tokenize('javascript', 'let a = 1;\n');
  await tokenize('python', 'a = 1\n');
});

describe('highlighting limits', () => {
  it('leaves a 100,000-character single line plain, in well under a second', async () => {
    expect(LONG_LINE).toHaveLength(100_000);
    expect(LONG_LINE.length).toBeGreaterThan(MAX_LINE_LENGTH);
    for (const code of [LONG_LINE, `${LONG_LINE}\n`]) {
      const { result, ms } = await timed(() => tokenize('javascript', code));
      expect(ms).toBeLessThan(1000);
      expect(result?.lines[0]).toEqual([100_000, -1, -1]);
    }
  });

  it('leaves code over MAX_CODE_LENGTH entirely plain, without tokenizing it', async () => {
    const code = 'x = [1, 2, 3]  # numbers\n'.repeat(Math.ceil(MAX_CODE_LENGTH / 24) + 1);
    const { result, ms } = await timed(() => tokenize('python', code));
    expect(code.length).toBeGreaterThan(MAX_CODE_LENGTH);
    expect(result).toBeNull();
    expect(ms).toBeLessThan(1000);
  });

  it('renders a block of an unknown fence language as plain text', async () => {
    const code = 'move forward three steps\nturn left and wait';
    const { result: guide, ms } = await timed(() =>
      renderGuide(fenced('klingon-script', code), { kind: 'a' }),
    );
    expect(ms).toBeLessThan(1000);
    expect(guide.blocks).toMatchObject([{ language: 'text', fenceLanguage: 'klingon-script' }]);
    expect(await tokenize(guide.blocks[0]!.language, guide.blocks[0]!.code)).toBeNull();
  });

  it('renders and highlights a 100,000-character line under an unknown fence quickly', async () => {
    const { result: guide, ms } = await timed(() =>
      renderGuide(fenced('no-such-language', LONG_LINE), { kind: 'a' }),
    );
    expect(ms).toBeLessThan(1000);
    const [block] = guide.blocks;
    expect(block?.code.trimEnd()).toBe(LONG_LINE);
    const highlighted = await timed(() => tokenize(block!.language, block!.code));
    expect(highlighted.ms).toBeLessThan(1000);
    // Plain either way: no grammar, or a grammar that skips the over-long line.
    if (highlighted.result) expect(highlighted.result.lines[0]).toEqual([100_000, -1, -1]);
  });
});
