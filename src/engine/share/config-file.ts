import { parseTree } from 'jsonc-parser';
import { z } from 'zod/mini';
import type { TemplateInfo } from '../template/load-template';
import { applyEntries, type DecodedChoices } from './apply-entries';
import { readChoiceEntries } from './config-choices';
import { configExample, readConfigShape } from './config-shape';
import { firstTooDeep, locateJsonError, positionsIn } from './json-text';
import { limitProblems } from './problem-limit';
import type { Problem } from './problems';

/** Largest config file read. */
export const MAX_CONFIG_BYTES = 64 * 1024;
/** Deepest nesting of brackets read: a config file has two levels, a wrong value a few more. */
export const MAX_CONFIG_DEPTH = 8;

/** A config file as this app writes it. */
export const configFileSchema = z.strictObject({
  template: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
  choices: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export type ConfigFile = z.infer<typeof configFileSchema>;

export { encodeConfigFile } from './config-encode';

/**
 * Reads a config file; never throws, and gives at most MAX_PROBLEMS problems. A file that is
 * too large or deep, not JSON, not of this shape or for another template applies nothing
 * (`fatal`); otherwise its choices are validated like a share link's.
 */
export function decodeConfigFile(
  template: TemplateInfo,
  text: string,
): DecodedChoices & { fatal: boolean } {
  const fail = (problems: Problem[]) => ({
    given: {},
    problems: limitProblems(problems),
    fatal: true,
  });
  if (text.length > MAX_CONFIG_BYTES) {
    return fail([
      {
        kind: 'oversized',
        what: 'config file',
        limit: MAX_CONFIG_BYTES,
        message: `The file is ${Math.round(text.length / 1024)} KB; a config file is at most ${MAX_CONFIG_BYTES / 1024} KB. Choose the JSON file this app downloaded.`,
      },
    ]);
  }
  const body = text.replace(/^\uFEFF/, '');
  const positionOf = positionsIn(body);
  const tooDeep = firstTooDeep(body, MAX_CONFIG_DEPTH);
  if (tooDeep !== undefined) {
    const { line, column } = positionOf(tooDeep);
    return fail([
      {
        kind: 'too-deep',
        line,
        column,
        limit: MAX_CONFIG_DEPTH,
        message: `The file nests brackets more than ${MAX_CONFIG_DEPTH} levels deep (line ${line}, column ${column}); a config file has two levels, like ${configExample(template)}.`,
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const { line, column, detail } = locateJsonError(body);
    return fail([
      {
        kind: 'not-json',
        line,
        column,
        detail,
        message: `The file is not valid JSON (line ${line}, column ${column}: ${detail}). Fix it or download the config again.`,
      },
    ]);
  }
  // Valid and shallow: the tree is safe to build, and it keeps the duplicate keys JSON.parse drops.
  const shape = readConfigShape(template, json, parseTree(body), positionOf);
  if (!shape.ok) return fail(shape.problems);
  const { entries, problems } = readChoiceEntries(template, shape.choices, positionOf);
  const decoded = applyEntries(template, entries, [shape.version], problems, 'file');
  return { ...decoded, fatal: false };
}
