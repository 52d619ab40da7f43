import type { Node } from 'jsonc-parser';
import { z } from 'zod/mini';
import type { TemplateInfo } from '../template/load-template';
import type { Parameter } from '../template/parameters';
import { describePlaces, timesText } from './json-text';
import { thousands } from './problem-limit';
import { quote, type Position, type Problem } from './problems';

const FIELDS = ['template', 'version', 'choices'] as const;
type Field = (typeof FIELDS)[number];

/** The top level of a config file as read; each choice is checked on its own afterwards. */
const configShapeSchema = z.strictObject({
  template: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
  // Only "an object": a record schema would copy thousands of keys just to drop the copy.
  choices: z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  ),
});

/** The header of a config file that passed, or why it did not (every problem here is fatal). */
export type ConfigShape =
  { ok: true; version: string; choices: Node | undefined } | { ok: false; problems: Problem[] };

/**
 * Checks the top level of parsed, shallow JSON: each field once, of the right type, for this
 * template. `root` is jsonc-parser's tree of the same text, which keeps duplicate keys.
 */
export function readConfigShape(
  template: TemplateInfo,
  json: unknown,
  root: Node | undefined,
  positionOf: (offset: number) => Position,
): ConfigShape {
  const repeated = repeatedFields(root, positionOf);
  if (repeated.length > 0) return { ok: false, problems: repeated };
  const parsed = configShapeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: shapeProblems(template, json, parsed.error) };
  if (parsed.data.template !== template.meta.name) {
    return {
      ok: false,
      problems: [
        {
          kind: 'wrong-template',
          expected: template.meta.name,
          found: parsed.data.template,
          message: `The file is a config for ${quote(parsed.data.template, 40)}, not for ${template.meta.name}.`,
        },
      ],
    };
  }
  const choices = root?.children?.find((property) => property.children?.[0]?.value === 'choices');
  return { ok: true, version: parsed.data.version, choices: choices?.children?.[1] };
}

/** A config of this template in one line, e.g. {"template": "…", "version": "1.1.0", "choices": {…}}. */
export function configExample(template: TemplateInfo): string {
  return `{"template": ${JSON.stringify(template.meta.name)}, "version": ${JSON.stringify(template.meta.version)}, "choices": ${choicesExample(template)}}`;
}

/** A value a parameter takes, to show in a message: its default or first option. */
export function exampleValue(parameter: Parameter): string | undefined {
  return (
    parameter.default ?? (parameter.kind === 'choice' ? parameter.options[0]?.value : undefined)
  );
}

/** What a JSON value is, in words: "null", "a number", "an array", "an empty string". */
function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === '') return 'an empty string';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return String(value);
  return `a ${typeof value}`;
}

function choicesExample(template: TemplateInfo): string {
  for (const parameter of template.parameters) {
    const value = exampleValue(parameter);
    if (value !== undefined) return `{${JSON.stringify(parameter.name)}: ${JSON.stringify(value)}}`;
  }
  return '{}';
}

function repeatedFields(
  root: Node | undefined,
  positionOf: (offset: number) => Position,
): Problem[] {
  if (root?.type !== 'object') return [];
  const places = new Map<Field, Position[]>();
  for (const property of root.children ?? []) {
    const key = property.children?.[0];
    const field = FIELDS.find((each) => each === key?.value);
    if (!key || !field) continue;
    const at = places.get(field);
    if (at) at.push(positionOf(key.offset));
    else places.set(field, [positionOf(key.offset)]);
  }
  return [...places]
    .filter(([, at]) => at.length > 1)
    .map(([field, at]) => ({
      kind: 'duplicate-field',
      field,
      at,
      message: `The file has "${field}" ${timesText(at.length)} (${describePlaces(at)}); keep one.`,
    }));
}

function shapeProblems(template: TemplateInfo, json: unknown, error: z.core.$ZodError): Problem[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const found = jsonKind(json);
    return [
      {
        kind: 'bad-shape',
        field: 'file',
        detail: `${found} instead of an object`,
        message: `The file holds ${found}, not a config; a config looks like ${configExample(template)}.`,
      },
    ];
  }
  const problems: Problem[] = [];
  // zod may give a field more than one issue ([] is not a string, and too short): one is said.
  const said = new Set<Field>();
  for (const issue of error.issues) {
    const [field] = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const shown = issue.keys.slice(0, 3).map((key) => quote(key, 30));
      const rest = issue.keys.length - shown.length;
      const detail = `unexpected key${issue.keys.length > 1 ? 's' : ''} ${shown.join(', ')}${rest > 0 ? ` and ${thousands(rest)} more` : ''}`;
      problems.push({
        kind: 'bad-shape',
        field: 'file',
        detail,
        message: `The file has ${issue.keys.length > 1 ? '' : 'an '}${detail}; a config has only "template", "version" and "choices".`,
      });
    } else if (
      (field === 'template' || field === 'version' || field === 'choices') &&
      !said.has(field)
    ) {
      said.add(field);
      problems.push(fieldProblem(template, field, json as Record<string, unknown>));
    }
  }
  if (problems.length === 0) {
    problems.push({
      kind: 'bad-shape',
      field: 'file',
      detail: 'not a config',
      message: `The file is not a config; a config looks like ${configExample(template)}.`,
    });
  }
  return problems;
}

function fieldProblem(
  template: TemplateInfo,
  field: Field,
  json: Record<string, unknown>,
): Problem {
  const example = {
    template: JSON.stringify(template.meta.name),
    version: JSON.stringify(template.meta.version),
    choices: choicesExample(template),
  }[field];
  if (!Object.hasOwn(json, field)) {
    return {
      kind: 'bad-shape',
      field,
      detail: 'missing',
      message: `The file has no "${field}"; add "${field}": ${example}.`,
    };
  }
  const expected = {
    template: `must be a string, the template's name ${example}`,
    version: `must be a string like ${example}`,
    choices: `must be an object such as ${example}`,
  }[field];
  const detail = `${expected}, not ${jsonKind(json[field])}`;
  return { kind: 'bad-shape', field, detail, message: `${field} ${detail}.` };
}
