/**
 * The files a service needs: its entry (from the run script's exec line), every local module
 * it imports, transitively, and every project file its code names in a string (a schema, a
 * .proto, a JSON file). Also the npm packages its JavaScript and TypeScript import.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { words } from './run-script';

export type ProjectFiles = ReadonlyMap<string, string>;

export interface ServiceFiles {
  /** Project paths, sorted. */
  files: string[];
  /** The entry files the exec line names. */
  entries: string[];
  /** npm packages imported at run time, with the file that imports each first. */
  packages: Map<string, string>;
}

const BUILTINS = new Set(builtinModules);
const JS_FILE = /\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/;
const JS_IMPORT =
  /\b(?:require\s*\(\s*|import\s*\(\s*|(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?)(['"])([^'"\n]+)\1/g;
const TYPE_ONLY = /^(?:import|export)\s+type\b/;
const STRING = /(['"`])((?:(?!\1)[^\\\n]){1,200})\1/g;
const PY_FROM = /^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)/gm;
const PY_IMPORT = /^\s*import\s+([\w.]+(?:\s*,\s*[\w.]+)*)/gm;

function jsCandidates(base: string): string[] {
  const swapped = base.replace(/\.(c|m)?js$/, '.$1ts');
  return [
    base,
    swapped,
    ...['.js', '.ts', '.cjs', '.mjs', '.json', '.tsx'].map((ext) => base + ext),
    ...['/index.js', '/index.ts'].map((index) => base + index),
  ];
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function pythonModule(files: ProjectFiles, dotted: string): string[] {
  const path = dotted.replace(/\./g, '/');
  const found = [`${path}.py`, `${path}/__init__.py`].filter((candidate) => files.has(candidate));
  // Parent packages' __init__.py run first.
  const parts = dotted.split('.');
  for (let length = 1; length < parts.length; length += 1) {
    const init = `${parts.slice(0, length).join('/')}/__init__.py`;
    if (files.has(init)) found.push(init);
  }
  return found;
}

/** Files an exec line names: paths that exist, `pkg.module:attr` and `-m pkg.module`. */
export function execEntries(files: ProjectFiles, command: string): string[] {
  const entries: string[] = [];
  const tokens = words(command);
  tokens.forEach((token, index) => {
    const clean = token.replace(/^\.\//, '');
    if (files.has(clean)) entries.push(clean);
    const asgi = /^([A-Za-z_][\w.]*):[A-Za-z_]\w*(?:\(\))?$/.exec(token);
    if (asgi) entries.push(...pythonModule(files, asgi[1]!));
    if (tokens[index - 1] === '-m' && /^[A-Za-z_][\w.]*$/.test(token)) {
      entries.push(...pythonModule(files, token));
    }
  });
  return [...new Set(entries)];
}

function localFromString(files: ProjectFiles, from: string, text: string): string | undefined {
  if (!/^[\w./-]+$/.test(text) || !text.includes('.')) return undefined;
  const fromDir = posix.dirname(from);
  for (const candidate of [posix.normalize(posix.join(fromDir, text)), posix.normalize(text)]) {
    if (candidate !== from && files.has(candidate)) return candidate;
  }
  return undefined;
}

function jsDependencies(
  files: ProjectFiles,
  path: string,
  code: string,
  packages: Map<string, string>,
): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(JS_IMPORT)) {
    const specifier = match[2]!;
    if (specifier.startsWith('.')) {
      const base = posix.normalize(posix.join(posix.dirname(path), specifier));
      const hit = jsCandidates(base).find((candidate) => files.has(candidate));
      if (hit) found.push(hit);
    } else if (!specifier.startsWith('node:') && !specifier.startsWith('/')) {
      const name = packageName(specifier);
      const typeOnly = TYPE_ONLY.test(match[0]);
      if (!BUILTINS.has(name) && !typeOnly && !packages.has(name)) packages.set(name, path);
    }
  }
  return found;
}

function pythonDependencies(files: ProjectFiles, path: string, code: string): string[] {
  const found: string[] = [];
  const packageDir = posix.dirname(path);
  for (const match of code.matchAll(PY_FROM)) {
    const dots = match[1]!.length;
    const module = match[2]!;
    if (dots > 0) {
      let base = packageDir;
      for (let up = 1; up < dots; up += 1) base = posix.dirname(base);
      const prefix = base === '.' ? '' : base.replace(/\//g, '.');
      const dotted = [prefix, module].filter(Boolean).join('.');
      found.push(...pythonModule(files, dotted));
      if (!module) {
        for (const name of match[3]!.split(/[\s,()]+/).filter(Boolean)) {
          found.push(...pythonModule(files, [prefix, name].filter(Boolean).join('.')));
        }
      }
    } else {
      found.push(...pythonModule(files, module));
      for (const name of match[3]!.split(/[\s,()]+/).filter(Boolean)) {
        found.push(...pythonModule(files, `${module}.${name}`));
      }
    }
  }
  for (const match of code.matchAll(PY_IMPORT)) {
    for (const module of match[1]!.split(',')) found.push(...pythonModule(files, module.trim()));
  }
  return found;
}

/** The closure of files the entries need, and the npm packages they import. */
export function serviceFiles(files: ProjectFiles, entries: readonly string[]): ServiceFiles {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = files.get(path) ?? '';
    const next: string[] = [];
    if (JS_FILE.test(path)) next.push(...jsDependencies(files, path, code, packages));
    if (path.endsWith('.py')) next.push(...pythonDependencies(files, path, code));
    if (JS_FILE.test(path) || path.endsWith('.py')) {
      for (const match of code.matchAll(STRING)) {
        const hit = localFromString(files, path, match[2]!);
        if (hit) next.push(hit);
      }
    }
    queue.push(...next.filter((file) => !seen.has(file)));
  }
  return { files: [...seen].sort(), entries: [...entries], packages };
}
