/**
 * The snippets the type checks compile, collected from every configuration of a template: each
 * distinct TypeScript, k6, Java and Go snippet once, laid out at the path `projectLayout` gives
 * it, with the files of the same guide it imports (a "unit"), the first configuration that shows
 * it and how many do. Node only: the type-check test and its command line use it.
 */
import { posix } from 'node:path';
import {
  languageFromFence,
  projectLayout,
  renderGuide,
  renderMarkdown,
  type Choices,
  type LanguageId,
  type Template,
} from '../../src/engine/index';
import { combinations } from './check-template';

/** What a snippet is checked as: k6 scripts are JavaScript checked against k6's types. */
export type CheckedKind = 'typescript' | 'k6' | 'java' | 'go';

export interface Snippet {
  kind: CheckedKind;
  /** Where the project download puts it (in the first configuration that shows it). */
  path: string;
  /** Its download name. */
  filename: string;
  code: string;
  /** The first configuration that shows it, and how many do. */
  choices: Choices;
  configurations: number;
}

/** A snippet and the files of its guide it needs to compile (itself first), at their paths. */
export interface Unit {
  root: Snippet;
  files: { path: string; code: string }[];
  /**
   * How Node.js (and tsx, and `tsc` with NodeNext) reads the guide's `.ts`/`.js` files: the
   * `type` of the `package.json` the guide puts at the project's root; CommonJS without one.
   */
  moduleType?: 'module' | 'commonjs';
}

export interface CollectedSnippets {
  configurations: number;
  /** Guides rendered in full: one per new combination of the checked snippets. */
  rendered: number;
  typescript: Unit[];
  k6: Snippet[];
  java: Unit[];
  go: Snippet[];
}

/** `import … from 'k6/http'`, `from 'k6'`: a k6 script. */
const K6_IMPORT = /\bfrom\s*['"]k6(?:\/[\w/-]+)?['"]/;
/** Relative module specifiers of `import`/`export … from` and `import('…')`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.\.?\/[^'"]+)['"]/g;

function kindOf(language: LanguageId | undefined, code: string): CheckedKind | undefined {
  if (language === 'typescript') return K6_IMPORT.test(code) ? 'k6' : 'typescript';
  if (language === 'javascript') return K6_IMPORT.test(code) ? 'k6' : undefined;
  if (language === 'java' || language === 'go') return language;
  return undefined;
}

/**
 * The fenced blocks of rendered Markdown, per kind checked: a cheap key for "this guide has
 * the same checked snippets as one seen before" (every guide differs in its prose). Only used
 * to skip guides; the snippets themselves come from the engine's own rendering.
 */
function fencedBlocks(markdown: string): Record<CheckedKind, string[]> {
  const keys: Record<CheckedKind, string[]> = { typescript: [], k6: [], java: [], go: [] };
  let open: { marker: string; info: string; body: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
    if (!open) {
      if (fence) open = { marker: fence[1]!, info: fence[2]!.trim(), body: [] };
      continue;
    }
    const closes =
      fence !== null &&
      fence[2]!.trim() === '' &&
      fence[1]![0] === open.marker[0] &&
      fence[1]!.length >= open.marker.length;
    if (!closes) {
      open.body.push(line);
      continue;
    }
    const code = open.body.join('\n');
    const kind = kindOf(languageFromFence(open.info), code);
    if (kind && code.trim() !== '') keys[kind].push(code);
    open = undefined;
  }
  return keys;
}

/** `root` and the files of its guide it needs, transitively, as `references` tells. */
function importClosure(
  root: string,
  files: ReadonlyMap<string, string>,
  references: (path: string, code: string) => string[],
): string[] {
  const found = new Set([root]);
  const queue = [root];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    for (const next of references(path, files.get(path)!)) {
      if (!found.has(next)) {
        found.add(next);
        queue.push(next);
      }
    }
  }
  return [...found];
}

/** `./dataloaders.js` from `src/graphql/yoga-server.ts` is `src/graphql/dataloaders.ts`. */
function typescriptReferences(files: ReadonlyMap<string, string>) {
  return (path: string, code: string): string[] =>
    [...code.matchAll(RELATIVE_IMPORT)].flatMap(([, specifier]) => {
      const target = posix.join(posix.dirname(path), specifier!);
      const stem = target.replace(/\.(?:[cm]?js|[cm]?ts)$/, '');
      return [target, `${stem}.ts`, `${stem}.mts`, `${stem}.js`, `${target}/index.ts`]
        .filter((candidate) => files.has(candidate))
        .slice(0, 1);
    });
}

/** A Java file needs the guide's other classes it names (same package, or imported). */
function javaReferences(files: ReadonlyMap<string, string>) {
  const classes = [...files.keys()].map((path) => ({
    path,
    name: new RegExp(`\\b${posix.basename(path, '.java').replace(/\W/g, '')}\\b`),
  }));
  return (path: string, code: string): string[] =>
    classes.filter((other) => other.path !== path && other.name.test(code)).map((c) => c.path);
}

/** The `type` of a package.json (`module` or `commonjs`, Node's default). */
function packageType(file: { content: string } | undefined): 'module' | 'commonjs' {
  try {
    return (JSON.parse(file?.content ?? '{}') as { type?: unknown }).type === 'module'
      ? 'module'
      : 'commonjs';
  } catch {
    return 'commonjs'; // not JSON: the snippet check reports it
  }
}

/** Every distinct checked snippet of every configuration, each with what it needs. */
export function collectSnippets(
  template: Template,
  options: { varied?: ReadonlySet<string> } = {},
): CollectedSnippets {
  const configurations = combinations(template, options.varied);
  const snippets = new Map<string, Snippet>();
  const units = { typescript: new Map<string, Unit>(), java: new Map<string, Unit>() };
  /** Per kind, the snippets of each distinct fenced key, and how many configurations have it. */
  const groups = new Map<string, { snippets: Snippet[]; configurations: number }>();
  let rendered = 0;

  for (const choices of configurations) {
    const blocks = fencedBlocks(renderMarkdown(template, choices));
    const kinds = Object.keys(blocks) as CheckedKind[];
    const keys = Object.fromEntries(kinds.map((kind) => [kind, blocks[kind].join('\0')]));
    const fresh = kinds.filter((kind) => !groups.has(`${kind}\0${keys[kind]}`));
    if (fresh.length > 0) {
      rendered += 1;
      const guide = renderGuide(template, choices);
      const project = projectLayout(template, guide);
      const layout = project.filter((file) => file.language);
      const moduleType = packageType(project.find((file) => file.path === 'package.json'));
      const taken = new Set<number>();
      const pathOf = (code: string, language: LanguageId): string => {
        const at = layout.findIndex(
          (file, index) => !taken.has(index) && file.language === language && file.content === code,
        );
        if (at < 0) throw new Error(`projectLayout placed no ${language} file with a block's code`);
        taken.add(at);
        return layout[at]!.path;
      };
      const found: Record<CheckedKind, Snippet[]> = { typescript: [], k6: [], java: [], go: [] };
      const placed = new Map<Snippet, string>();
      for (const block of guide.blocks) {
        const kind = kindOf(block.language, block.code);
        if (!kind) continue;
        const path = pathOf(block.code, block.language);
        const key = `${kind}\0${block.code}`;
        let snippet = snippets.get(key);
        if (!snippet) {
          snippet = {
            kind,
            path,
            filename: block.filename,
            code: block.code,
            choices,
            configurations: 0,
          };
          snippets.set(key, snippet);
        }
        found[kind].push(snippet);
        placed.set(snippet, path);
      }
      for (const kind of kinds) {
        // The key must see what the engine sees, or it could merge guides that differ.
        if (found[kind].length !== blocks[kind].length) {
          throw new Error(
            `${kind}: the engine found ${found[kind].length} block(s), the fence scan ${blocks[kind].length}, in ${JSON.stringify(choices)}`,
          );
        }
      }
      for (const kind of fresh) {
        groups.set(`${kind}\0${keys[kind]}`, {
          snippets: [...new Set(found[kind])],
          configurations: 0,
        });
      }
      // Units: each TypeScript or Java file with the files of this guide it needs.
      for (const kind of ['typescript', 'java'] as const) {
        if (!fresh.includes(kind)) continue;
        const files = new Map(found[kind].map((snippet) => [placed.get(snippet)!, snippet.code]));
        const references = (kind === 'typescript' ? typescriptReferences : javaReferences)(files);
        for (const root of found[kind]) {
          const paths = importClosure(placed.get(root)!, files, references);
          const unitFiles = paths.map((path) => ({ path, code: files.get(path)! }));
          const unit: Unit = {
            root,
            files: unitFiles,
            ...(kind === 'typescript' ? { moduleType } : {}),
          };
          const key = JSON.stringify([unitFiles, unit.moduleType]);
          if (!units[kind].has(key)) units[kind].set(key, unit);
        }
      }
    }
    for (const kind of kinds) groups.get(`${kind}\0${keys[kind]}`)!.configurations += 1;
  }
  // A snippet's configurations: those of every group it is in (a group is one kind's key).
  for (const { snippets: members, configurations: count } of groups.values()) {
    for (const snippet of members) snippet.configurations += count;
  }
  const ofKind = (kind: CheckedKind) => [...snippets.values()].filter((s) => s.kind === kind);
  return {
    configurations: configurations.length,
    rendered,
    typescript: [...units.typescript.values()],
    k6: ofKind('k6'),
    java: [...units.java.values()],
    go: ofKind('go'),
  };
}
