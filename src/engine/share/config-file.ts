import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod/mini';
import type { TemplateInfo } from '../template/load-template';
import { applyEntries, type DecodedChoices } from './apply-entries';
import { quote, type Problem } from './problems';

/** Largest config file read. */
export const MAX_CONFIG_BYTES = 64 * 1024;

export const configFileSchema = z.strictObject({
  template: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
  choices: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export type ConfigFile = z.infer<typeof configFileSchema>;

export { encodeConfigFile } from './config-encode';

/**
 * Reads a config file; never throws. A file that is not JSON, not of this shape or for
 * another template applies nothing (`fatal`); otherwise it is validated like a share link.
 */
export function decodeConfigFile(
  template: TemplateInfo,
  text: string,
): DecodedChoices & { fatal: boolean } {
  const fail = (problem: Problem) => ({ given: {}, problems: [problem], fatal: true });
  if (text.length > MAX_CONFIG_BYTES) {
    return fail({
      kind: 'oversized',
      what: 'config file',
      limit: MAX_CONFIG_BYTES,
      message: `The file is ${Math.round(text.length / 1024)} KB; a config file is at most ${MAX_CONFIG_BYTES / 1024} KB. Choose the JSON file this app downloaded.`,
    });
  }
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const { line, column, detail } = locateJsonError(body);
    return fail({
      kind: 'not-json',
      line,
      column,
      detail,
      message: `The file is not valid JSON (line ${line}, column ${column}: ${detail}). Fix it or download the config again.`,
    });
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'file';
    const detail =
      issue?.code === 'unrecognized_keys'
        ? `unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => quote(key, 30)).join(', ')}`
        : (issue?.message ?? 'invalid');
    return fail({
      kind: 'bad-shape',
      field,
      detail,
      message: `The file is not a config of this app (${field}: ${detail}). Expected {"template", "version", "choices"}.`,
    });
  }
  if (parsed.data.template !== template.meta.name) {
    return fail({
      kind: 'wrong-template',
      expected: template.meta.name,
      found: parsed.data.template,
      message: `The file is a config for ${quote(parsed.data.template, 40)}, not for ${template.meta.name}.`,
    });
  }
  // Entries come from the parsed JSON itself, so that a "__proto__" key is seen and reported.
  const raw = (json as { choices: Record<string, unknown> }).choices;
  const entries = Object.entries(raw).map(([key, value]) => [key, String(value)] as const);
  const decoded = applyEntries(template, entries, [parsed.data.version], [], 'file');
  return { ...decoded, fatal: false };
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected (no trailing commas)',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'the file should end here',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'comments are not allowed',
  UnexpectedEndOfString: 'a string is not closed on its line',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'a control character inside a string',
};

/** Where and why strict JSON fails: JSON.parse's own messages carry no position on Node 20. */
function locateJsonError(text: string): { line: number; column: number; detail: string } {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const [first] = errors;
  const offset = first?.offset ?? 0;
  const before = text.slice(0, offset).split('\n');
  return {
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
    detail: (first && JSON_ERRORS[printParseErrorCode(first.error)]) ?? 'not valid JSON',
  };
}
