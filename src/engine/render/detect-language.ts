import { readStrings, sample } from './code-sample';
import { JSX, REQUIRED, SIGNATURES, TYPESCRIPT_ONLY, type Signature } from './language-signatures';
import { languageFromFence, type LanguageId } from './languages';

const HINT_BONUS = (lines: number): number => 3 + lines * 0.1;
/** Deeper than any JSON document in a guide: deeper ones are not parsed (see tooDeep). */
const MAX_JSON_DEPTH = 256;
const CACHE_SIZE = 512;
const cache = new Map<string, LanguageId>();

/**
 * The language a code block is actually written in: detected from its content, with the
 * fence label as a hint that wins when the content is ambiguous.
 */
export function detectLanguage(code: string, fence?: string): LanguageId {
  const key = `${fence ?? ''}\n${code}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const language = detect(code, fence);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, language);
  return language;
}

function detect(code: string, fence: string | undefined): LanguageId {
  const hinted = languageFromFence(fence);
  const { lines: sampled, cut } = sample(code);
  if (sampled.length === 0) return hinted ?? 'text';
  if (isJson(code)) return 'json';
  if (hinted === 'markdown' || hinted === 'text') return hinted;

  const { code: codeLines, bare } = readStrings(sampled, cut);
  const lines = codeLines.filter((line) => line.trim() !== '');
  const scores = new Map<LanguageId, number>();
  for (const [language, signatures] of Object.entries(SIGNATURES) as [LanguageId, Signature[]][]) {
    const required = REQUIRED[language];
    scores.set(
      language,
      required && !lines.some((line) => required.test(line)) ? 0 : score(lines, signatures),
    );
  }
  const script = scores.get('javascript') ?? 0;
  const typed = lines.filter((line) =>
    TYPESCRIPT_ONLY.some((pattern) => pattern.test(line)),
  ).length;
  scores.set('typescript', typed > 0 ? script + typed * 2 : script * 0.95);

  // The label always counts for its language, even when no line is characteristic of it
  // (`return nil, err` under ```go); content that clearly reads as another language still wins.
  const vouched = hinted ? vouchedFor(hinted) : [];
  const bonus = HINT_BONUS(sampled.length);
  let best: LanguageId | undefined;
  let bestScore = 0;
  for (const language of new Set([...scores.keys(), ...vouched])) {
    const total = (scores.get(language) ?? 0) + (vouched.includes(language) ? bonus : 0);
    if (total > bestScore) {
      best = language;
      bestScore = total;
    }
  }
  const detected = best ?? hinted ?? 'text';
  if (detected === 'javascript' || detected === 'typescript') {
    const markup = hinted === 'jsx' || hinted === 'tsx' || bare.some((line) => JSX.test(line));
    if (markup) return detected === 'javascript' ? 'jsx' : 'tsx';
  }
  return detected;
}

/**
 * The languages a fence label speaks for. JSX and TSX are scored as JavaScript and TypeScript,
 * and a ```javascript or ```jsx label is often put on TypeScript, whose type annotations then
 * decide; any JavaScript is also TypeScript, so a ```typescript label speaks for TypeScript only.
 */
function vouchedFor(hinted: LanguageId): readonly LanguageId[] {
  if (hinted === 'javascript' || hinted === 'jsx') return ['javascript', 'typescript'];
  if (hinted === 'tsx') return ['typescript'];
  return [hinted];
}

function score(lines: readonly string[], signatures: readonly Signature[]): number {
  let total = 0;
  for (const line of lines) {
    let best = 0;
    let worst = 0;
    for (const [pattern, weight] of signatures) {
      if (weight > best && pattern.test(line)) best = weight;
      else if (weight < worst && pattern.test(line)) worst = weight;
    }
    total += best + worst;
  }
  return total;
}

function isJson(code: string): boolean {
  const trimmed = code.trim();
  if (!/^[[{]/.test(trimmed) || tooDeep(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether brackets nest deeper than a real document does. JSON.parse takes tens of milliseconds
 * on a line of 100,000 `[`, so such a line is turned away before it is parsed.
 */
function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) return true;
    } else if (char === ']' || char === '}') depth -= 1;
  }
  return false;
}
