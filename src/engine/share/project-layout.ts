import {
  createFilenameAllocator,
  declaredClassName,
  fitsLanguage,
  pathInTitle,
  namingPath,
  safeFileName,
} from '../render/filenames';
import type { CodeBlock, Guide } from '../render/guide';
import type { LanguageId } from '../render/languages';
import type { TemplateInfo } from '../template/load-template';
import { encodeConfigFile } from './config-encode';
import { projectReadme } from './project-readme';

/** One file of a guide laid out as a project, as the CLI writes it and the app zips it. */
export interface ProjectFile {
  path: string;
  content: string;
  /** For code blocks: the code's language and the titles of its enclosing headings. */
  language?: LanguageId;
  section?: string[];
  /** Set for `*.sh`: written with the executable bit. */
  executable?: boolean;
}

/** The files every project has besides the guide's code, at its root. */
export const PROJECT_README = 'README.md';
export const PROJECT_GUIDE = 'guide.md';
export const PROJECT_CONFIG = 'config.json';

/** A path named in a guide is trusted up to this length and depth (Windows' MAX_PATH is 260). */
const MAX_NAMED_PATH_LENGTH = 200;
const MAX_NAMED_PATH_DEPTH = 12;
/** Longest path `isSafeRelativePath` accepts: what any output of this engine can hold. */
const MAX_PATH_LENGTH = 1024;

const JAVA_PACKAGE = /^\s*package\s+([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*;/m;
const K6_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*)['"]k6\/http['"]/;
const CONFIG_LANGUAGES: ReadonlySet<LanguageId> = new Set(['yaml', 'ini', 'nginx', 'toml']);

/**
 * A relative path whose every part is a plain file name: no `..`, `.`, empty or hidden parts,
 * no separators but `/`, nothing `safeFileName` would change. Safe to join to any folder.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.length > MAX_PATH_LENGTH) return false;
  return path.split('/').every((part) => part !== '' && safeFileName(part, '') === part);
}

/** A path a guide names, when it can be trusted as it is. */
function trusted(path: string): string | undefined {
  const depth = path.split('/').length;
  const fits = path.length <= MAX_NAMED_PATH_LENGTH && depth <= MAX_NAMED_PATH_DEPTH;
  return fits && isSafeRelativePath(path) ? path : undefined;
}

/** `# app/main.py` → `app/main.py`; `# /etc/x.conf` → `deploy/etc/x.conf`; else undefined. */
function namedPath(block: CodeBlock): string | undefined {
  const named = namingPath(block.code);
  if (named === undefined || !fitsLanguage(named.split('/').at(-1) ?? '', block.language)) {
    return undefined;
  }
  return trusted(named.startsWith('/') ? `deploy${named}` : named);
}

/** The block's download name, checked again: the last step before a disk. */
const safeName = (block: CodeBlock): string => safeFileName(block.filename, 'snippet');

/** Where a block without a trusted path of its own lands, by what it is. */
function defaultPath(block: CodeBlock, title: string): string {
  const name = safeName(block);
  const { language, code } = block;
  const titled =
    language === 'json' ? pathInTitle(block.section.at(-1) ?? title, language) : undefined;
  const titledPath = titled === undefined ? undefined : trusted(titled);
  if (titledPath) return titledPath;
  if (language === 'java') {
    const packageName = JAVA_PACKAGE.exec(code)?.[1];
    const className = declaredClassName(code, language);
    const path =
      packageName && className
        ? trusted(`src/main/java/${packageName.replaceAll('.', '/')}/${className}.java`)
        : undefined;
    if (path) return path;
  }
  if (language === 'sql') return `db/${name}`;
  if ((language === 'javascript' || language === 'typescript') && K6_IMPORT.test(code)) {
    return `loadtest/${name}`;
  }
  if (CONFIG_LANGUAGES.has(language)) return `deploy/${name}`;
  return `snippets/${name}`;
}

/**
 * Hands out paths unique case-insensitively, numbering a later duplicate's name as the
 * download names are numbered, and never a file where another path needs a folder.
 */
function createPlacer(reserved: readonly string[]) {
  const files = new Set<string>();
  const folders = new Set<string>();
  const allocators = new Map<string, ReturnType<typeof createFilenameAllocator>>();
  const folderOf = (path: string) => path.slice(0, Math.max(path.lastIndexOf('/'), 0));
  const parents = (folder: string) =>
    folder === '' ? [] : folder.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  const fits = (path: string) =>
    parents(folderOf(path)).every((parent) => !files.has(parent.toLowerCase()));

  function take(path: string, language: LanguageId): string {
    const folder = folderOf(path);
    const key = folder.toLowerCase();
    let allocate = allocators.get(key);
    if (!allocate) allocators.set(key, (allocate = createFilenameAllocator()));
    const base = folder === '' ? path : path.slice(folder.length + 1);
    let placed: string;
    do placed = `${folder === '' ? '' : `${folder}/`}${allocate(base, language)}`;
    while (folders.has(placed.toLowerCase()));
    for (const parent of parents(folder)) folders.add(parent.toLowerCase());
    files.add(placed.toLowerCase());
    return placed;
  }
  for (const path of reserved) take(path, 'markdown');

  /** The first candidate whose folders are free (`snippets/…` always is: no file is named so). */
  return (candidates: readonly string[], language: LanguageId): string =>
    take(candidates.find(fits) ?? candidates.at(-1) ?? 'snippets/snippet.txt', language);
}

/**
 * A guide laid out as a project: README.md, guide.md and config.json, then every code block at
 * the path its first line names (absolute ones under `deploy/`), or by what it is (JSON named
 * by its section at the root, Java by its package, SQL in `db/`, k6 in `loadtest/`, configs in
 * `deploy/`, anything else in `snippets/`). The app's zip, the CLI and the services harness
 * all use exactly these files.
 */
export function projectLayout(template: TemplateInfo, guide: Guide): ProjectFile[] {
  const place = createPlacer([PROJECT_README, PROJECT_GUIDE, PROJECT_CONFIG]);
  const files: ProjectFile[] = guide.blocks.map((block) => {
    const named = namedPath(block);
    const candidates = [defaultPath(block, guide.title), `snippets/${safeName(block)}`];
    const path = place(named ? [named, ...candidates] : candidates, block.language);
    return {
      path,
      content: block.code,
      language: block.language,
      section: block.section,
      ...(path.endsWith('.sh') ? { executable: true } : {}),
    };
  });
  return [
    { path: PROJECT_README, content: projectReadme(template, guide, files) },
    { path: PROJECT_GUIDE, content: guide.markdown },
    { path: PROJECT_CONFIG, content: encodeConfigFile(template, guide.choices) },
    ...files,
  ];
}
