import { describe, expect, it } from 'vitest';
import { renderGuide, type CodeBlock, type LanguageId } from '../index';
import { sizeApi } from '../sizing/api-performance';
import { loadShipped, optionsOf, parameterOf } from '../testing/fixtures';
import type { Guide, GuideNode } from './guide';

const template = loadShipped();
const options = (name: string): string[] => optionsOf(parameterOf(template, name));

/** Every architecture × backend × infrastructure, each with two settings of the other answers. */
function* covering(): Generator<Record<string, string>> {
  const [loads, data, targets] = ['expected_load', 'data_complexity', 'performance_targets'].map(
    options,
  ) as [string[], string[], string[]];
  let turn = 0;
  for (const api_architecture of options('api_architecture'))
    for (const backend_technology of options('backend_technology'))
      for (const infrastructure of options('infrastructure'))
        for (let variant = 0; variant < 2; variant += 1, turn += 1) {
          yield {
            api_architecture,
            backend_technology,
            infrastructure,
            expected_load: loads[(turn + variant) % loads.length]!,
            data_complexity: data[Math.floor(turn / 4 + variant * 2) % data.length]!,
            performance_targets: targets[Math.floor(turn / 16 + variant * 3) % targets.length]!,
          };
        }
}

const guides = [...covering()].map((choices) => ({
  choices,
  guide: renderGuide(template, choices),
}));

function codeBlocks(guide: Guide): CodeBlock[] {
  const found: CodeBlock[] = [];
  const walk = (nodes: readonly GuideNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'code') found.push(node.block);
      else if (node.type === 'list') for (const item of node.items) walk(item.children);
      else if (node.type === 'quote') walk(node.children);
    }
  };
  walk(guide.body);
  return found;
}

/** The program languages each backend's team writes in. */
const NATIVE: Record<string, readonly LanguageId[]> = {
  nodejs: ['typescript', 'javascript'],
  python: ['python'],
  java: ['java'],
  go: ['go'],
  rust: ['rust'],
  dotnet: ['csharp'],
};
const PROGRAM: ReadonlySet<LanguageId> = new Set(Object.values(NATIVE).flat());

describe('the shipped template: one guide, one language, one set of numbers', () => {
  it(`renders ${guides.length} guides covering every architecture × backend × infrastructure`, () => {
    expect(guides).toHaveLength(240);
  });

  it('every block of program code is in the chosen backend’s language (the k6 load test excepted)', () => {
    const foreign: string[] = [];
    for (const { choices, guide } of guides) {
      const native = NATIVE[choices.backend_technology!]!;
      for (const block of codeBlocks(guide)) {
        if (!PROGRAM.has(block.language) || native.includes(block.language)) continue;
        if (block.language === 'javascript' && /^\/\/ loadtest\//.test(block.code)) continue;
        foreign.push(
          `${Object.values(choices).join('/')}: ${block.language} ${block.code.split('\n')[0]}`,
        );
      }
    }
    expect(foreign.slice(0, 20), `${foreign.length} foreign blocks`).toEqual([]);
  });

  it('the numbers that must agree are the worksheet’s, wherever the guide states them', () => {
    const wrong: string[] = [];
    const seen = new Map<string, number>();
    for (const { choices, guide } of guides) {
      const v = sizeApi(choices).values;
      // The local PgBouncer (deploy/local/) is sized for one laptop on purpose.
      const text = codeBlocks(guide)
        .filter((block) => !block.code.includes('deploy/local/'))
        .map((block) => block.code)
        .join('\n');
      const expectEvery = (pattern: RegExp, value: unknown, what: string): void => {
        for (const match of text.matchAll(pattern)) {
          seen.set(what, (seen.get(what) ?? 0) + 1);
          if (match[1] !== String(value)) {
            wrong.push(
              `${Object.values(choices).join('/')}: ${what} ${match[1]} ≠ ${String(value)}`,
            );
          }
        }
      };
      expectEvery(/^max_connections = (\d+)$/gm, v.max_connections, 'max_connections');
      expectEvery(/^work_mem = (\d+)MB$/gm, v.work_mem_mb, 'work_mem');
      expectEvery(
        /^default_pool_size = (\d+)$/gm,
        choices.infrastructure === 'cloud-native' || v.pgbouncer
          ? v.pgbouncer_default_pool_size
          : 'n/a',
        'default_pool_size',
      );
      expectEvery(/^max_client_conn = (\d+)$/gm, v.pgbouncer_max_client_conn, 'max_client_conn');
      expectEvery(
        /ReservedConcurrentExecutions: (\d+)/g,
        v.lambda_reserved_concurrency,
        'reserved concurrency',
      );
      expectEvery(
        /ProvisionedConcurrentExecutions: (\d+)/g,
        v.lambda_provisioned_concurrency,
        'provisioned concurrency',
      );
      expectEvery(/maxReplicaCount: (\d+)/g, v.max_instances, 'maxReplicaCount');
      expectEvery(/minReplicaCount: (\d+)/g, v.min_instances, 'minReplicaCount');
      expectEvery(
        /SET statement_timeout = '(\d+)ms'/g,
        v.statement_timeout_ms,
        'role statement_timeout',
      );
      // The API's own locations (a WebSocket location waits longer than its heartbeat on purpose).
      expectEvery(
        /nginx waits a little longer, the client longer still\.\n\s+(?:proxy|grpc)_send_timeout (\d+)s;/g,
        v.upstream_timeout_s,
        'nginx upstream timeout',
      );
    }
    expect(wrong.slice(0, 20), `${wrong.length} disagreements`).toEqual([]);
    // Each number was found somewhere: a pattern that matches nothing would prove nothing.
    expect([...seen.keys()].sort()).toHaveLength(10);
  });
});
