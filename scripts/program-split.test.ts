import { describe, expect, it } from 'vitest';
import { loadTemplateFile } from '../src/cli/load-template-file';
import { renderMarkdown, specializeProgram, type TemplateNode } from '../src/engine/index';
import { assignments, chooseSplit, programKey } from './program-split';
import { combinations } from './snippets/check-template';

describe('the shipped program, split', () => {
  it('renders every configuration exactly as the whole program, each from a much smaller part', async () => {
    const loaded = await loadTemplateFile();
    if ('errors' in loaded) throw new Error(loaded.errors.join('\n'));
    const { template } = loaded;
    const split = chooseSplit(template);
    expect(split.length).toBeGreaterThan(0);
    const parts = new Map<string, TemplateNode[]>();
    const choices = template.parameters.filter((p) => split.includes(p.name));
    for (const fixed of assignments(choices as never)) {
      parts.set(programKey(split, fixed), specializeProgram(template.program, fixed));
    }
    const whole = JSON.stringify(template.program).length;
    for (const part of parts.values()) expect(JSON.stringify(part).length).toBeLessThan(whole / 2);
    for (const config of combinations(template)) {
      const program = parts.get(programKey(split, config))!;
      expect(renderMarkdown({ ...template, program }, config)).toBe(
        renderMarkdown(template, config),
      );
    }
  }, 300_000);
});
