import type { Choices } from '../render/render-guide';
import { VERSION_KEY, type TemplateInfo } from '../template/load-template';
import { applyEntries, type DecodedChoices } from './apply-entries';
import { limitProblems, thousands } from './problem-limit';
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
 * MAX_PROBLEMS problems. Nothing past MAX_QUERY_LENGTH is read, nor the pair the limit falls
 * inside; of the pairs past MAX_QUERY_PAIRS only the keys are decoded, to name them.
 */
export function parseShareQuery(query: string): QueryEntries {
  const limits: Problem[] = [];
  const problems: Problem[] = [];
  const whole = query.startsWith('?') ? query.slice(1) : query;
  let text = whole;
  if (whole.length > MAX_QUERY_LENGTH) {
    limits.push({
      kind: 'oversized',
      what: 'link',
      limit: MAX_QUERY_LENGTH,
      cut: true,
      message: `The link is ${whole.length} characters long, over the limit of ${MAX_QUERY_LENGTH}.`,
    });
    text = whole.slice(0, MAX_QUERY_LENGTH);
    // A pair cut in two is left out whole: its key or value would be a fragment never written.
    if (whole[MAX_QUERY_LENGTH] !== '&') text = text.slice(0, text.lastIndexOf('&') + 1);
  }
  const segments = text.split('&').filter((segment) => segment !== '');
  const entries: [string, string][] = [];
  const versions: string[] = [];
  const read = new Set<string>();
  for (const segment of segments.slice(0, MAX_QUERY_PAIRS)) {
    const [rawKey, rawValue] = splitPair(segment);
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
    read.add(pairId(key, value));
    if (key === VERSION_KEY) versions.push(value);
    else entries.push([key, value]);
  }
  if (segments.length > MAX_QUERY_PAIRS) {
    limits.push(tooManyPairs(segments, read, text.length < whole.length));
  }
  return { entries, versions, problems: limitProblems([...limits, ...problems]) };
}

/**
 * The problem of a link of more than MAX_QUERY_PAIRS pairs. It names the keys of the pairs past
 * the limit, leaving out exact repeats of a pair that was read; the settings it names are
 * neither applied nor said to be missing. Decoding them costs at most MAX_QUERY_LENGTH.
 */
function tooManyPairs(
  segments: readonly string[],
  read: ReadonlySet<string>,
  cut: boolean,
): Problem {
  const unread = new Set<string>();
  // What the user wrote: the decoded key, or the key as written when it does not decode.
  const names = new Set<string>();
  for (const segment of segments.slice(MAX_QUERY_PAIRS)) {
    const [rawKey, rawValue] = splitPair(segment);
    const key = decodeComponent(rawKey);
    if (key === undefined) {
      names.add(rawKey);
      continue;
    }
    const value = segment.length > MAX_PAIR_LENGTH ? undefined : decodeComponent(rawValue);
    if (value !== undefined && read.has(pairId(key, value))) continue;
    unread.add(key);
    names.add(key);
  }
  const counted = cut
    ? `The first ${MAX_QUERY_LENGTH} characters of the link hold`
    : 'The link has';
  const beyond = names.size > 0 ? `; beyond it: ${namedList([...names])}` : '';
  return {
    kind: 'oversized',
    what: 'link',
    limit: MAX_QUERY_PAIRS,
    ...(unread.size > 0 ? { unread: [...unread] } : {}),
    message: `${counted} ${segments.length} settings, over the limit of ${MAX_QUERY_PAIRS}${beyond}.`,
  };
}

/** “a”, “b” and “c”; past three names, “a”, “b”, “c” and 4 more. */
function namedList(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => quote(name, 30));
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${thousands(rest)} more`;
  const last = shown.pop() ?? '';
  return shown.length > 0 ? `${shown.join(', ')} and ${last}` : last;
}

function splitPair(segment: string): [string, string] {
  const equals = segment.indexOf('=');
  return equals === -1 ? [segment, ''] : [segment.slice(0, equals), segment.slice(equals + 1)];
}

/** One string per decoded pair; JSON keeps a key holding "=" or "&" apart from its value. */
function pairId(key: string, value: string): string {
  return JSON.stringify([key, value]);
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
