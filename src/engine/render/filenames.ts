import { LANGUAGES, type LanguageId, type NameStyle } from './languages';
import { nameWords } from './slug';

const MAX_WORDS_LENGTH = 60;
/** Names taken from the code (a first-line comment, a class) stay well within 255 bytes. */
const MAX_NAME_LENGTH = 100;
/** Windows device names, which it also recognises with superscript digits (COM¹). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const FIXED_NAMES = new Map<string, LanguageId>([
  ['dockerfile', 'dockerfile'],
  ['containerfile', 'dockerfile'],
  // Go's module files are plain text with a fixed name.
  ['go.mod', 'text'],
  ['go.sum', 'text'],
]);
const NAMING_COMMENT =
  /^\s*(?:#|\/\/|--|;|<!--|\/\*)\s*(?:(?:file(?:name)?|path)\s*:\s*)?(\/?(?:[\w.-]+\/)*[\w.-]+)\s*(?:-->|\*\/)?\s*$/i;
/**
 * A section titled after its file: "appsettings.Production.json: pool sizes and timeouts", or
 * after its path in the project: "config/grpc-service-config.json: retries and timeouts".
 */
const NAMING_TITLE = /^((?:[\w-]+\/){0,7}[\w-]+(?:\.[\w-]+)+)(?::|$)/;
const CLASS_NAME: Partial<Record<LanguageId, RegExp>> = {
  java: /^\s*public\s+(?:(?:final|abstract|sealed)\s+)*(?:class|interface|enum|record)\s+([A-Z]\w*)/m,
  csharp:
    /^\s*(?:public\s+|internal\s+)?(?:(?:sealed|static|partial|abstract)\s+)*(?:class|record|struct|interface)\s+([A-Z]\w*)/m,
};
const SEPARATOR: Readonly<Record<NameStyle, string>> = { kebab: '-', snake: '_', pascal: '' };

/** A file name for a code block, by the conventions of its language, before deduplication. */
export function snippetFilename(code: string, language: LanguageId, section: string): string {
  const named = namedInFirstLine(code, language) ?? namedInTitle(section, language);
  if (named) return named;
  const { extension, style } = LANGUAGES[language];
  const className = CLASS_NAME[language]?.exec(code)?.[1];
  if (className) return `${unreserved(className.slice(0, MAX_NAME_LENGTH), style)}.${extension}`;
  if (language === 'dockerfile') return 'Dockerfile';
  return `${styled(nameWords(section), style)}.${extension}`;
}

/** Hands out names unique within one guide (case-insensitively, for case-insensitive disks). */
export function createFilenameAllocator(): (name: string, language: LanguageId) => string {
  const taken = new Set<string>();
  // The next number to try per name: every lower one was taken when it was last tried, and
  // names are never given back, so starting there gives the same names in linear time.
  const nextNumber = new Map<string, number>();
  return (name, language) => {
    const { style } = LANGUAGES[language];
    const key = `${style} ${name}`;
    let candidate = name;
    let n = nextNumber.get(key) ?? 2;
    // Numbering can make a device name (Com + 2 = Com2.java), which Windows will not create.
    if (taken.has(candidate.toLowerCase()) || isReserved(candidate)) {
      do {
        candidate = numbered(name, n, style);
        n += 1;
      } while (taken.has(candidate.toLowerCase()) || isReserved(candidate));
      nextNumber.set(key, n);
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}

function numbered(name: string, n: number, style: NameStyle): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return `${stem}${SEPARATOR[style]}${n}${extension}`;
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
      : kept.join(SEPARATOR[style]);
  return unreserved(name, style);
}

/** A stem that is a device name gets "snippet" added in the language's style: con_snippet.py. */
function unreserved(stem: string, style: NameStyle): string {
  if (!WINDOWS_RESERVED.test(stem)) return stem;
  return style === 'pascal' ? `${stem}Snippet` : `${stem}${SEPARATOR[style]}snippet`;
}

/** Windows compares the part before the first dot with its device names: con.config.js is CON. */
function isReserved(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.')[0]?.trim() ?? '');
}

/** The path a naming comment on the code's first non-empty line gives (`# app/main.py`), as written. */
export function namingPath(code: string): string | undefined {
  const firstLine = code.split('\n').find((line) => line.trim() !== '') ?? '';
  return NAMING_COMMENT.exec(firstLine)?.[1];
}

/** `# .github/workflows/ci-cd.yml` on the first line names the file `ci-cd.yml`. */
function namedInFirstLine(code: string, language: LanguageId): string | undefined {
  const path = namingPath(code);
  const base = path
    ?.split('/')
    .at(-1)
    // `app..yml` is a typo for `app.yml`; `..` in a name also looks like a parent reference.
    ?.replace(/\.{2,}/g, '.')
    // A leading dot would make a hidden file, which browsers rename on download.
    .replace(/^\.+/, '');
  return base && fitsLanguage(base, language) ? base : undefined;
}

/**
 * JSON cannot carry a comment: a section titled `config/app.json: …` names its path in a
 * project (a relative path, whose last part fits the language), or undefined.
 */
export function pathInTitle(section: string, language: LanguageId): string | undefined {
  const path = NAMING_TITLE.exec(section.trim())?.[1];
  const base = path?.split('/').at(-1);
  return path && base && fitsLanguage(base, language) ? path : undefined;
}

/** The file name a section's title gives its JSON block: `appsettings.json: …` → `appsettings.json`. */
export function namedInTitle(section: string, language: LanguageId): string | undefined {
  return pathInTitle(section, language)?.split('/').at(-1);
}

/** The name of the public class (Java) or the first type (C#) the code declares, if any. */
export function declaredClassName(code: string, language: LanguageId): string | undefined {
  return CLASS_NAME[language]?.exec(code)?.[1];
}

/** True when `base` is a file name a block in `language` may carry (its extension, no device name). */
export function fitsLanguage(base: string, language: LanguageId): boolean {
  if (isReserved(base) || base.length > MAX_NAME_LENGTH) return false;
  if (FIXED_NAMES.get(base.toLowerCase()) === language) return true;
  const extension = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  return LANGUAGES[language].extensions.some((known) => known.toLowerCase() === extension);
}

/** Most UTF-8 bytes in a file name on common file systems (ext4, NTFS, APFS). */
export const MAX_FILENAME_BYTES = 255;
/** Path separators, Windows' forbidden characters, controls, invisible format characters. */
const UNSAFE_CHARACTERS = /[/\\<>:"|?*\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]+/gu;

/** UTF-8 length without TextEncoder: the engine runs without DOM or Node types. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * The last gate before a name reaches a disk, for downloads and zip entries: no path
 * separators, `..`, device names, controls or `<>:"|?*`, no leading or trailing dots or spaces,
 * at most 255 UTF-8 bytes (cut on a character, keeping the extension), never empty.
 */
export function safeFileName(name: string, fallback = 'download', suffix = ''): string {
  let safe = name
    // `..` and `.` as path parts say nothing: ../../etc/passwd is etc-passwd.
    .replace(/(^|[/\\])\.+(?=[/\\]|$)/g, '$1')
    .replace(UNSAFE_CHARACTERS, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-. ]+|[-. ]+$/g, '');
  if (safe === '') return `${fallback}${suffix}`;
  // Windows reads the part before the first dot as the device: CON.txt becomes CON_.txt.
  if (isReserved(safe)) safe = safe.replace(/^[^.]*/, (stem) => `${stem.trimEnd()}_`);
  const dot = safe.lastIndexOf('.');
  // An extension is short and plain (".md", ".json"); anything else is part of the stem.
  const extension =
    dot > 0 && /^\.[\p{L}\p{N}_-]{1,16}$/u.test(safe.slice(dot)) ? safe.slice(dot) : '';
  const stem = extension ? safe.slice(0, dot) : safe;
  const room = MAX_FILENAME_BYTES - utf8Length(`${suffix}${extension}`);
  if (utf8Length(stem) <= room) return `${stem}${suffix}${extension}`;
  let bytes = 0;
  let cut = '';
  for (const char of stem) {
    bytes += utf8Length(char);
    if (bytes > room) break;
    cut += char;
  }
  cut = cut.replace(/[-. ]+$/, '');
  return `${cut === '' ? fallback : cut}${suffix}${extension}`;
}

/** Safe names, made unique case-insensitively by numbering (`guide-2.md`), in the same order. */
export function uniqueFileNames(names: readonly string[], fallback = 'download'): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = safeFileName(name, fallback);
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
      candidate = safeFileName(name, fallback, `-${n}`);
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
