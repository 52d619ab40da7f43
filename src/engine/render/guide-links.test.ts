import { describe, expect, it } from 'vitest';
import { renderGuide } from '../index';
import { loadShipped, optionsOf, parameterOf } from '../testing/fixtures';
import type { Guide, GuideNode, Inline } from './guide';

const template = loadShipped();
const options = (name: string): string[] => optionsOf(parameterOf(template, name));

/** Every link target in the guide's body, in order. */
function linksOf(guide: Guide): string[] {
  const hrefs: string[] = [];
  const inline = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'link') hrefs.push(node.href);
      if ('children' in node) inline(node.children);
    }
  };
  const blocks = (nodes: readonly GuideNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'heading' || node.type === 'paragraph') inline(node.children);
      else if (node.type === 'list') for (const item of node.items) blocks(item.children);
      else if (node.type === 'quote') blocks(node.children);
      else if (node.type === 'table')
        for (const row of [node.header, ...node.rows]) for (const cell of row) inline(cell);
    }
  };
  blocks(guide.body);
  return hrefs;
}

/** The id of every heading in the guide. */
function headingIds(guide: Guide): Set<string> {
  return new Set(guide.body.flatMap((node) => (node.type === 'heading' ? [node.id] : [])));
}

describe('the shipped template: links inside a guide', () => {
  it('every #link resolves to a heading of the same guide, and the plan links to each of its sections', () => {
    const loads = options('expected_load');
    const data = options('data_complexity');
    const targets = options('performance_targets');
    let guides = 0;
    let index = 0;
    for (const api_architecture of options('api_architecture')) {
      for (const backend_technology of options('backend_technology')) {
        for (const infrastructure of options('infrastructure')) {
          // The other three answers vary from one configuration to the next.
          const choices = {
            api_architecture,
            backend_technology,
            infrastructure,
            expected_load: loads[index % loads.length]!,
            data_complexity: data[(index >> 1) % data.length]!,
            performance_targets: targets[(index >> 2) % targets.length]!,
          };
          index += 1;
          const guide = renderGuide(template, choices);
          const ids = headingIds(guide);
          const internal = linksOf(guide).filter((href) => href.startsWith('#'));
          expect(
            internal.filter((href) => !ids.has(decodeURIComponent(href.slice(1)))),
            JSON.stringify(choices),
          ).toEqual([]);
          // The plan's six steps link to sections 1 to 6.
          for (const section of ['1', '2', '3', '4', '5', '6']) {
            expect(
              internal.some((href) => href.startsWith(`#${section}-`)),
              `${JSON.stringify(choices)}: section ${section}`,
            ).toBe(true);
          }
          guides += 1;
        }
      }
    }
    expect(guides).toBe(120);
  }, 60_000);
});
