import { describe, expect, it } from 'vitest';

import { createSlugger, nameWords } from './slug';

describe('createSlugger: GitHub-style heading anchors', () => {
  it.each([
    ['1. Performance Analysis & Baseline', '1-performance-analysis--baseline'],
    ['API Performance Optimization: rest API', 'api-performance-optimization-rest-api'],
    ['Multi-Level Caching Implementation', 'multi-level-caching-implementation'],
    ['Node.js & Express', 'nodejs--express'],
    ['C# / .NET Tuning', 'c--net-tuning'],
    ['Step_1 - Setup', 'step_1---setup'],
    ['What’s “p99” latency?', 'whats-p99-latency'],
    ['  Trimmed Heading  ', 'trimmed-heading'],
    ['`redis-cli` Commands', 'redis-cli-commands'],
  ])('%j → %s', (heading, expected) => {
    expect(createSlugger()(heading)).toBe(expected);
  });

  it('removes emoji but keeps the space they stood beside, as GitHub does', () => {
    const slug = createSlugger();
    expect(slug('🚀 Quick Start')).toBe('-quick-start');
    expect(slug('Caching ✨ Strategies')).toBe('caching--strategies');
    expect(slug('Done ✅')).toBe('done-');
    expect(slug('👩‍💻 Developer Setup')).toBe('-developer-setup');
  });

  it('keeps letters and digits of every script, and their combining marks', () => {
    const slug = createSlugger();
    expect(slug('Überwachung und Alarmierung')).toBe('überwachung-und-alarmierung');
    expect(slug('Кэширование ответов')).toBe('кэширование-ответов');
    expect(slug('キャッシュ戦略')).toBe('キャッシュ戦略');
    expect(slug('Café au lait')).toBe('café-au-lait');
    expect(slug('नमस्ते दुनिया')).toBe('नमस्ते-दुनिया');
    expect(slug('Ⅻ Roman ٣ Arabic')).toBe('ⅻ-roman-٣-arabic');
  });

  it('numbers repeated headings -1, -2, … in order', () => {
    const slug = createSlugger();
    expect(['Overview', 'Overview', 'overview', 'OVERVIEW'].map(slug)).toEqual([
      'overview',
      'overview-1',
      'overview-2',
      'overview-3',
    ]);
  });

  it('keeps counts per base slug and per slugger', () => {
    const slug = createSlugger();
    expect(['Setup', 'Usage', 'Setup', 'Usage'].map(slug)).toEqual([
      'setup',
      'usage',
      'setup-1',
      'usage-1',
    ]);
    expect(createSlugger()('Setup')).toBe('setup');
  });

  it('never hands out the same anchor twice, even when a heading looks numbered', () => {
    const slug = createSlugger();
    const anchors = ['Example', 'Example', 'Example 1', 'Example-1'].map(slug);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('gives a heading with nothing sluggable a non-empty anchor', () => {
    const slug = createSlugger();
    const anchors = ['🚀', '', '&&&'].map(slug);
    for (const anchor of anchors) expect(anchor).not.toBe('');
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('yields only characters that are safe in a URL fragment without escaping words', () => {
    const slug = createSlugger();
    for (const heading of ['a/b?c#d', 'x<y>z', 'quote "q"', 'tab\there', 'new\nline']) {
      expect(slug(heading)).toMatch(/^[\p{L}\p{N}\p{M}_-]+$/u);
    }
  });
});

describe('nameWords', () => {
  it.each([
    ['1. Multi-Level Caching', ['multi', 'level', 'caching']],
    ['2.3 Cache Warm-up', ['cache', 'warm', 'up']],
    ['4) Load Testing', ['load', 'testing']],
    ['Step 2: Configure Redis', ['step', '2', 'configure', 'redis']],
    ['Stratégie de cache', ['strategie', 'de', 'cache']],
    ['🚀 Launch!', ['launch']],
    ['', []],
    ['性能优化', []],
  ])('%j → %j', (heading, expected) => {
    expect(nameWords(heading)).toEqual(expected);
  });
});
