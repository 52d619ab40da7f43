import type { Choices } from '../render/render-guide';
import { VERSION_KEY, type TemplateInfo } from '../template/load-template';
import { applyEntries, type DecodedChoices } from './apply-entries';
import { limitProblems } from './problem-limit';
import { quote, type Problem } from './problems';

/** Longest query read; a longer one is cut there, with a problem. */
export const MAX_QUERY_LENGTH = 8192;
/** Most key/value pairs read from one query. */
export const MAX_QUERY_PAIRS = 64;
/** Longest single `key=value` pair read. */
export const MAX_PAIR_LENGTH = 1024;

/**
 * A readable share query: the parameters in template order, then the template version,
 * e.g. `api_architecture=grpc&backend_technology=go&…&v=1.0.0`.
 */
export function encodeShareQuery(template: TemplateInfo, choices: Choices): string {
  const pairs = template.parameters
    .filter((parameter) => Object.hasOwn(choices, parameter.name))
    .map((parameter) => `${parameter.name}=${encodeValue(choices[parameter.name] ?? '')}`);
  pairs.push(`${VERSION_KEY}=${encodeValue(template.meta.version)}`);
  return pairs.join('&');
}

/** Reads a share query (with or without its `?`); never throws, reports every problem. */
export function decodeShareQuery(template: TemplateInfo, query: string): DecodedChoices {
  const { entries, versions, problems } = parseShareQuery(query);
  return applyEntries(template, entries, versions, problems);
}

/** The key/value pairs of a query, before they are checked against a template. */
export interface QueryEntries {
  entries: [string, string][];
  versions: string[];
  problems: Problem[];
}

/**
 * Splits and percent-decodes a query within its size limits; never throws, and gives at most
 * MAX_PROBLEMS problems.
 */
export function parseShareQuery(query: string): QueryEntries {
  const problems: Problem[] = [];
  let text = query.startsWith('?') ? query.slice(1) : query;
  if (text.length > MAX_QUERY_LENGTH) {
    problems.push({
      kind: 'oversized',
      what: 'link',
      limit: MAX_QUERY_LENGTH,
      message: `The link is ${text.length} characters long, over the limit of ${MAX_QUERY_LENGTH}.`,
    });
    text = text.slice(0, MAX_QUERY_LENGTH);
  }
  const segments = text.split('&').filter((segment) => segment !== '');
  if (segments.length > MAX_QUERY_PAIRS) {
    problems.push({
      kind: 'oversized',
      what: 'link',
      limit: MAX_QUERY_PAIRS,
      message: `The link has ${segments.length} settings, over the limit of ${MAX_QUERY_PAIRS}.`,
    });
  }
  const entries: [string, string][] = [];
  const versions: string[] = [];
  for (const segment of segments.slice(0, MAX_QUERY_PAIRS)) {
    const equals = segment.indexOf('=');
    const rawKey = equals === -1 ? segment : segment.slice(0, equals);
    const rawValue = equals === -1 ? '' : segment.slice(equals + 1);
    const key = decodeComponent(rawKey);
    if (segment.length > MAX_PAIR_LENGTH) {
      problems.push({
        kind: 'oversized',
        what: key ?? 'setting',
        ...(key === undefined ? {} : { key }),
        limit: MAX_PAIR_LENGTH,
        message: `The value of ${quote(key ?? rawKey, 40)} is ${segment.length} characters long, over the limit of ${MAX_PAIR_LENGTH}.`,
      });
      continue;
    }
    const value = decodeComponent(rawValue);
    if (key === undefined || value === undefined) {
      problems.push({
        kind: 'bad-encoding',
        text: segment,
        ...(key === undefined ? {} : { key }),
        message: `${quote(segment)} is not correctly percent-encoded (a “%” must be followed by two hex digits).`,
      });
      continue;
    }
    if (key === VERSION_KEY) versions.push(value);
    else entries.push([key, value]);
  }
  return { entries, versions, problems: limitProblems(problems) };
}

function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** Percent-encodes only what a query needs, keeping `,` `:` `/` readable; space becomes `+`. */
function encodeValue(value: string): string {
  return encodeURIComponent(value)
    .replaceAll('%20', '+')
    .replace(/%(2C|3A|2F|40)/g, (escape) => decodeURIComponent(escape));
}
