import type { Node } from 'jsonc-parser';
import type { TemplateInfo } from '../template/load-template';
import { exampleValue } from './config-shape';
import { describePlaces } from './json-text';
import { listed, type Position, type Problem } from './problems';

/** The choices of a config file as key/value pairs, and what is wrong with single choices. */
export interface ChoiceEntries {
  entries: [string, string][];
  problems: Problem[];
}

/**
 * Reads the `choices` object from jsonc-parser's tree, which keeps every copy of a key (JSON.parse
 * keeps only the last). A setting given more than once, or given as null, an array or an object,
 * is a problem for that setting; numbers and booleans are read as text. Keys that are not
 * settings go on as entries, for the caller to report once each.
 */
export function readChoiceEntries(
  template: TemplateInfo,
  choices: Node | undefined,
  positionOf: (offset: number) => Position,
): ChoiceEntries {
  const byKey = new Map<string, Node[]>();
  for (const property of choices?.children ?? []) {
    const key: unknown = property.children?.[0]?.value;
    if (typeof key !== 'string') continue;
    const copies = byKey.get(key);
    if (copies) copies.push(property);
    else byKey.set(key, [property]);
  }
  const parameters = new Map(template.parameters.map((parameter) => [parameter.name, parameter]));
  const entries: [string, string][] = [];
  const problems: Problem[] = [];
  for (const [key, copies] of byKey) {
    const parameter = parameters.get(key);
    const [first] = copies;
    if (!parameter || !first) {
      entries.push([key, '']);
    } else if (copies.length > 1) {
      const values = copies.map((copy) => scalarText(copy.children?.[1]) ?? shown(copy));
      const at = copies.map((copy) => positionOf(copy.children?.[0]?.offset ?? copy.offset));
      problems.push({
        kind: 'duplicate-key',
        parameter: key,
        values,
        at,
        message: `${key} is given ${copies.length} times (${listed(values)}; ${describePlaces(at)}); keep one.`,
      });
    } else {
      const value = first.children?.[1];
      const text = scalarText(value);
      if (text !== undefined) {
        entries.push([key, text]);
        continue;
      }
      const found =
        value?.type === 'array' ? 'an array' : value?.type === 'object' ? 'an object' : 'null';
      const example = exampleValue(parameter);
      problems.push({
        kind: 'wrong-type',
        parameter: key,
        found,
        message: `${key} must be a string${example === undefined ? '' : ` such as ${JSON.stringify(example)}`}, not ${found}.`,
      });
    }
  }
  return { entries, problems };
}

/** A string, number or boolean as the text a share link would carry. */
function scalarText(node: Node | undefined): string | undefined {
  if (node?.type === 'string' || node?.type === 'number' || node?.type === 'boolean') {
    return String(node.value);
  }
  return undefined;
}

function shown(property: Node): string {
  const type = property.children?.[1]?.type;
  return type === 'array' ? '[…]' : type === 'object' ? '{…}' : 'null';
}
