import { LANGUAGES, type LanguageId, type NameStyle } from './languages';
import { nameWords } from './slug';

const MAX_WORDS_LENGTH = 60;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const FIXED_NAMES = new Map<string, LanguageId>([
  ['dockerfile', 'dockerfile'],
  ['containerfile', 'dockerfile'],
]);
const NAMING_COMMENT =
  /^\s*(?:#|\/\/|--|;|<!--|\/\*)\s*(?:(?:file(?:name)?|path)\s*:\s*)?((?:[\w.-]+\/)*[\w.-]+)\s*(?:-->|\*\/)?\s*$/i;
const CLASS_NAME: Partial<Record<LanguageId, RegExp>> = {
  java: /^\s*public\s+(?:(?:final|abstract|sealed)\s+)*(?:class|interface|enum|record)\s+([A-Z]\w*)/m,
  csharp:
    /^\s*(?:public\s+|internal\s+)?(?:(?:sealed|static|partial|abstract)\s+)*(?:class|record|struct|interface)\s+([A-Z]\w*)/m,
};

/** A file name for a code block, by the conventions of its language, before deduplication. */
export function snippetFilename(code: string, language: LanguageId, section: string): string {
  const named = namedInFirstLine(code, language);
  if (named) return named;
  const { extension, style } = LANGUAGES[language];
  const className = CLASS_NAME[language]?.exec(code)?.[1];
  if (className) return `${className}.${extension}`;
  if (language === 'dockerfile') return 'Dockerfile';
  return `${styled(nameWords(section), style)}.${extension}`;
}

/** Hands out names unique within one guide (case-insensitively, for case-insensitive disks). */
export function createFilenameAllocator(): (name: string, language: LanguageId) => string {
  const taken = new Set<string>();
  return (name, language) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
      candidate = numbered(name, n, LANGUAGES[language].style);
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}

function numbered(name: string, n: number, style: NameStyle): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const separator = style === 'snake' ? '_' : style === 'pascal' ? '' : '-';
  return `${stem}${separator}${n}${extension}`;
}

function styled(words: readonly string[], style: NameStyle): string {
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    if (kept.length > 0 && length + word.length + 1 > MAX_WORDS_LENGTH) break;
    kept.push(word.slice(0, MAX_WORDS_LENGTH));
    length += word.length + 1;
  }
  if (kept.length === 0) kept.push('snippet');
  if (style !== 'kebab' && /^\d/.test(kept[0] ?? '')) kept.unshift('snippet');
  const name =
    style === 'pascal'
      ? kept.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')
      : kept.join(style === 'snake' ? '_' : '-');
  return WINDOWS_RESERVED.test(name)
    ? `${name}${style === 'pascal' ? 'Snippet' : '-snippet'}`
    : name;
}

/** `# .github/workflows/ci-cd.yml` on the first line names the file `ci-cd.yml`. */
function namedInFirstLine(code: string, language: LanguageId): string | undefined {
  const firstLine = code.split('\n').find((line) => line.trim() !== '') ?? '';
  const path = NAMING_COMMENT.exec(firstLine)?.[1];
  // A leading dot would make a hidden file, which browsers rename on download.
  const base = path?.split('/').at(-1)?.replace(/^\.+/, '');
  return base && fitsLanguage(base, language) ? base : undefined;
}

function fitsLanguage(base: string, language: LanguageId): boolean {
  if (WINDOWS_RESERVED.test(base.split('.')[0] ?? '') || base.length > 100) return false;
  if (FIXED_NAMES.get(base.toLowerCase()) === language) return true;
  const extension = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  return LANGUAGES[language].extensions.some((known) => known.toLowerCase() === extension);
}
