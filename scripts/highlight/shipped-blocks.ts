import { renderGuide, type LanguageId, type Template } from '../../src/engine/index';

/** A code block the app can show, by content: the same code in two guides is one block. */
export interface ShippedBlock {
  language: Exclude<LanguageId, 'text'>;
  code: string;
}

/** Past this many guides the build would take too long; the worker highlights instead. */
export const MAX_COMBINATIONS = 50_000;

/**
 * Every choice combination of a template, or null when it cannot be enumerated: a free-text
 * parameter has endless values, and too many combinations would make the build crawl.
 */
export function allChoices(template: Template): Record<string, string>[] | null {
  let combinations: Record<string, string>[] = [{}];
  for (const parameter of template.parameters) {
    if (parameter.kind !== 'choice') return null;
    const values = parameter.options.map((option) => option.value);
    if (combinations.length * values.length > MAX_COMBINATIONS) return null;
    combinations = combinations.flatMap((choices) =>
      values.map((value) => ({ ...choices, [parameter.name]: value })),
    );
  }
  return combinations;
}

/** The distinct highlightable code blocks of every guide a template renders for these choices. */
export function shippedBlocks(
  template: Template,
  combinations: readonly Record<string, string>[],
): ShippedBlock[] {
  const blocks = new Map<string, ShippedBlock>();
  for (const choices of combinations) {
    for (const { language, code } of renderGuide(template, choices).blocks) {
      if (language !== 'text') blocks.set(`${language}\n${code}`, { language, code });
    }
  }
  return [...blocks.values()];
}
