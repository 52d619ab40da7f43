import { applyEntries, parseShareQuery, type DecodedChoices, type Template } from '../engine/index';

/**
 * Choices from `--query` and `--set`: a `--set` overrides the same key in the query, and
 * both are validated exactly as a share link is.
 */
export function readChoices(
  template: Template,
  query: string | undefined,
  sets: readonly string[],
): DecodedChoices {
  const parsed = parseShareQuery(query ?? '');
  const setEntries: [string, string][] = [];
  for (const set of sets) {
    const equals = set.indexOf('=');
    if (equals <= 0) {
      parsed.problems.push({
        kind: 'bad-shape',
        field: '--set',
        detail: set,
        message: `--set ${JSON.stringify(set)} must look like NAME=VALUE, e.g. --set backend_technology=go.`,
      });
      continue;
    }
    setEntries.push([set.slice(0, equals), set.slice(equals + 1)]);
  }
  const overridden = new Set(setEntries.map(([key]) => key));
  const entries = [...parsed.entries.filter(([key]) => !overridden.has(key)), ...setEntries];
  return applyEntries(template, entries, parsed.versions, parsed.problems);
}
