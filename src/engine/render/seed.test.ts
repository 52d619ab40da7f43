import { describe, expect, it } from 'vitest';
import { renderGuide, type Guide } from '../index';
import { helperNames } from './helpers';
import { protectLiteralBraces } from '../template/protect-literal-braces';
import { combinations, handlebarsReference, loadFixture, readFixture } from '../testing/fixtures';

const seed = loadFixture('seed.md');
const reference = handlebarsReference(readFixture('seed.md'));
const names = {
  parameters: new Set(seed.parameters.map((parameter) => parameter.name)),
  helpers: helperNames,
};

// The Python f-string in "Performance Monitoring Dashboard" writes CSS with doubled braces.
const F_STRING_LINES = [
  'body {{ font-family: Arial, sans-serif; margin: 40px; }}',
  '.metric {{ background: #f5f5f5; padding: 10px; margin: 10px 0; border-radius: 5px; }}',
  '.alert {{ background: #ffebee; padding: 10px; margin: 10px 0; border-radius: 5px; border-left: 4px solid #f44336; }}',
  '.success {{ color: #4caf50; }}',
  '.warning {{ color: #ff9800; }}',
  '.critical {{ color: #f44336; }}',
  'table {{ border-collapse: collapse; width: 100%; margin: 20px 0; }}',
  'th, td {{ border: 1px solid #ddd; padding: 8px; text-align: left; }}',
  'th {{ background-color: #f2f2f2; }}',
];

/** What every block of the seed's guide must be, from reading the seed. */
function expectedBlocks(choices: Record<string, string>): [string, string][] {
  const profiling: Record<string, [string, string]> = {
    nodejs: ['javascript', 'api-performance-profiling-framework.js'],
    python: ['python', 'api_performance_profiling_framework.py'],
    go: ['go', 'api_performance_profiling_framework.go'],
  };
  const hasSql = ['complex-queries', 'real-time'].includes(choices.data_complexity ?? '');
  return [
    ...(profiling[choices.backend_technology ?? '']
      ? [profiling[choices.backend_technology ?? '']!]
      : []),
    ['yaml', 'multi-level-caching-implementation.yaml'],
    ['python', 'advanced_caching_implementation.py'],
    hasSql
      ? ['sql', 'query_optimization_strategies.sql']
      : ['yaml', 'query-optimization-strategies.yaml'],
    ['javascript', 'comprehensive-load-testing-framework.js'],
    ['python', 'performance_monitoring_dashboard.py'],
  ];
}

describe('the seed, for all 7,680 configurations', () => {
  const all = [...combinations(seed)];

  it('has 7,680 configurations', () => {
    expect(all).toHaveLength(5 * 6 * 4 * 4 * 4 * 4);
  });

  it('renders every configuration exactly as Handlebars does, with no template syntax left and the f-string braces intact', () => {
    const failures: string[] = [];
    for (const choices of all) {
      const guide = renderGuide(seed, choices);
      const label = JSON.stringify(choices);
      if (guide.markdown !== reference(choices)) failures.push(`differs from Handlebars: ${label}`);
      if (protectLiteralBraces(guide.markdown, names).source.includes('{{')) {
        failures.push(`template syntax left: ${label}`);
      }
      const missing = F_STRING_LINES.filter((line) => !guide.markdown.includes(line));
      if (missing.length > 0) failures.push(`f-string braces lost (${missing[0]}): ${label}`);
      checkBlocks(guide, choices, failures);
      if (failures.length > 5) break;
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('writes the chosen values where the template names them', () => {
    const choices = all[1234]!;
    const guide = renderGuide(seed, choices);
    expect(guide.title).toBe(`API Performance Optimization: ${choices.api_architecture} API`);
    expect(guide.markdown).toContain(`**Backend Technology:** ${choices.backend_technology}  \n`);
    expect(guide.markdown).toContain(`api_architecture: '${choices.api_architecture}',`);
  });
});

function checkBlocks(guide: Guide, choices: Record<string, string>, failures: string[]): void {
  const actual = guide.blocks.map((block) => [block.language, block.filename]);
  const expected = expectedBlocks(choices);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    failures.push(
      `blocks ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)} for ${JSON.stringify(choices)}`,
    );
  }
  const empty = !['nodejs', 'python', 'go'].includes(choices.backend_technology ?? '');
  const notices = guide.notices.map((notice) => notice.message);
  const expectedNotices = empty
    ? [
        `This guide has no code for “API Performance Profiling Framework” with backend_technology “${choices.backend_technology}” yet.`,
      ]
    : [];
  if (JSON.stringify(notices) !== JSON.stringify(expectedNotices)) {
    failures.push(`notices ${JSON.stringify(notices)} for ${JSON.stringify(choices)}`);
  }
  if (guide.blocks.some((block) => block.code.trim() === '' || !block.code.endsWith('\n'))) {
    failures.push(`empty or unterminated block for ${JSON.stringify(choices)}`);
  }
}

describe('the seed guide model', () => {
  const guide = renderGuide(seed, {
    api_architecture: 'grpc',
    backend_technology: 'go',
    expected_load: 'extreme',
    data_complexity: 'real-time',
    performance_targets: 'sub-100ms',
    infrastructure: 'containerized',
  });

  it('has a table of contents of the numbered sections and their subsections', () => {
    expect(
      guide.toc.map((section) => [section.id, section.children.map((child) => child.id)]),
    ).toEqual([
      ['1-performance-analysis--baseline', ['api-performance-profiling-framework']],
      [
        '2-caching-strategies',
        ['multi-level-caching-implementation', 'advanced-caching-implementation'],
      ],
      ['3-database-optimization', ['query-optimization-strategies']],
      [
        '4-load-testing--performance-validation',
        ['comprehensive-load-testing-framework', 'performance-monitoring-dashboard'],
      ],
      ['conclusion', []],
    ]);
  });

  it('gives every block a stable id, its section path and the fence it came from', () => {
    const first = guide.blocks[0]!;
    expect(first).toMatchObject({
      id: 'api-performance-profiling-framework-code-1',
      section: ['1. Performance Analysis & Baseline', 'API Performance Profiling Framework'],
      sectionId: 'api-performance-profiling-framework',
      language: 'go',
      fenceLanguage: 'javascript',
    });
    expect(first.code).toMatch(/^\/\/ Go API performance optimization\npackage main\n/);
    expect(first.code).toContain('PoolSize: 100,');
    const ids = guide.blocks.map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps block ids when a choice changes the code inside them', () => {
    const other = renderGuide(seed, { ...guide.choices, backend_technology: 'python' });
    expect(other.blocks.map((block) => block.id)).toEqual(guide.blocks.map((block) => block.id));
    expect(other.blocks[0]!.code).not.toBe(guide.blocks[0]!.code);
  });

  it('turns the empty profiling block of a backend without code into a notice in its place', () => {
    const rust = renderGuide(seed, { ...guide.choices, backend_technology: 'rust' });
    const position = rust.body.findIndex((node) => node.type === 'notice');
    expect(rust.body[position - 1]).toMatchObject({
      type: 'heading',
      id: 'api-performance-profiling-framework',
    });
    expect(rust.notices[0]).toMatchObject({
      id: 'api-performance-profiling-framework-code-1',
      kind: 'empty-code',
      fenceLanguage: 'javascript',
      reads: [{ name: 'backend_technology', value: 'rust' }],
    });
  });
});
