/**
 * Compiles the guide's TypeScript snippets with `tsc --strict --noEmit` semantics, and its k6
 * scripts with `checkJs` against `@types/k6`, each against the packages pinned in
 * scripts/typecheck/package.json. One compiler program per kind for all snippets at once: every
 * unit is written to its own folder of a temporary directory at the paths its first lines name,
 * and that directory's `node_modules` links to scripts/typecheck/node_modules.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Snippet, Unit } from './typecheck-units';

/** The check-only packages: package.json, package-lock.json and what `npm ci` put beside them. */
export const TYPECHECK_DIR = fileURLToPath(new URL('../typecheck/', import.meta.url));
export const TYPECHECK_MODULES = join(TYPECHECK_DIR, 'node_modules');

/** One compiler message about a snippet: 1-based line in the snippet, `TS2345: …`. */
export interface TypeDiagnostic {
  line?: number;
  message: string;
}

/** What the guide's Node.js code targets (Node.js 22 LTS): `tsc --strict --noEmit`, NodeNext. */
export const TYPESCRIPT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2024,
  lib: ['lib.es2024.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  esModuleInterop: true,
  // Declaration files are the packages' own business: their errors are not the snippet's.
  skipLibCheck: true,
  types: ['node'],
};

/** k6 runs ES modules in its own runtime: no Node.js, no DOM, k6's globals and modules. */
export const K6_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: true,
  // `checkJs` as documented: TypeScript 6 turns strict on by default, a k6 script is plain JS.
  strict: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  types: ['k6'],
};

/**
 * k6's runtime has `console` (documented, but not in @types/k6), and a script's `options` is
 * what k6 reads as `Options`: the check says so with a JSDoc type, so that a misspelt executor
 * or threshold is an error instead of an unchecked object literal.
 */
const K6_RUNTIME = `declare var console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
`;
const K6_OPTIONS_EXPORT = /^export const options\s*=/m;
const K6_OPTIONS_TYPE = "/** @type {import('k6/options').Options} */ ";

/**
 * Why the pinned packages cannot be used, or undefined when they are installed from the current
 * lockfile (scripts/ensure-typecheck.sh writes the lockfile's sha256 after `npm ci`).
 */
export function missingPackages(): string | undefined {
  const fix = 'run bash scripts/ensure-typecheck.sh';
  const missing = ['@types/node', '@types/k6'].filter(
    (name) => !existsSync(join(TYPECHECK_MODULES, name, 'package.json')),
  );
  if (missing.length > 0)
    return `scripts/typecheck/node_modules lacks ${missing.join(', ')}: ${fix}`;
  const stamp = join(TYPECHECK_MODULES, '.lockfile-sha256');
  const lockfile = createHash('sha256')
    .update(readFileSync(join(TYPECHECK_DIR, 'package-lock.json')))
    .digest('hex');
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockfile
    ? undefined
    : `scripts/typecheck/node_modules was not installed from its current package-lock.json: ${fix}`;
}

/** A package.json of a given module type: what Node.js, tsx and NodeNext read it for. */
const packageJson = (type: 'module' | 'commonjs') =>
  `${JSON.stringify({ private: true, type }, null, 2)}\n`;

/** Prepares `dir` (empty, temporary) as a module root whose packages are the pinned ones. */
async function moduleRoot(dir: string, type: 'module' | 'commonjs'): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), packageJson(type));
  await symlink(TYPECHECK_MODULES, join(dir, 'node_modules'), 'dir');
}

/** Files written to disk: path → the snippet whose diagnostics it reports. */
type Written = Map<string, Snippet>;

function diagnosticsBySnippet(
  program: ts.Program,
  written: Written,
): Map<Snippet, TypeDiagnostic[]> {
  const found = new Map<Snippet, TypeDiagnostic[]>();
  const seen = new Set<string>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    const snippet = diagnostic.file && written.get(resolve(diagnostic.file.fileName));
    if (diagnostic.file && !snippet) continue; // a dependency of a unit: checked as its own root
    if (!snippet) throw new Error(`the compiler reports: ${message}`);
    const line =
      diagnostic.start === undefined
        ? undefined
        : diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    const key = `${snippet.code}\0${line}\0${message}`;
    if (seen.has(key)) continue; // the same root in several units reports the same once
    seen.add(key);
    const list = found.get(snippet) ?? [];
    list.push({ line, message });
    found.set(snippet, list);
  }
  return found;
}

/**
 * Type-checks every unit (one program): each unit's files are written to `<dir>/u<n>/<path>`
 * beside a package.json of the unit's module type (CommonJS unless the guide's package.json says
 * `"type": "module"`, as Node.js would read the project), and only the root file's diagnostics
 * are kept (its imports are roots of their own units).
 */
export async function typecheckTypeScript(
  units: readonly Unit[],
  dir: string,
): Promise<Map<Snippet, TypeDiagnostic[]>> {
  await moduleRoot(dir, 'commonjs');
  const written: Written = new Map();
  const roots: string[] = [];
  await Promise.all(
    units.map(async (unit, index) => {
      await mkdir(resolve(dir, `u${index}`), { recursive: true });
      await writeFile(
        resolve(dir, `u${index}`, 'package.json'),
        packageJson(unit.moduleType ?? 'commonjs'),
      );
      for (const [at, file] of unit.files.entries()) {
        const path = resolve(dir, `u${index}`, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.code);
        if (at === 0) {
          roots.push(path);
          written.set(path, unit.root);
        }
      }
    }),
  );
  const program = ts.createProgram({
    rootNames: roots.sort(),
    options: { ...TYPESCRIPT_OPTIONS, typeRoots: [join(dir, 'node_modules', '@types')] },
  });
  return diagnosticsBySnippet(program, written);
}

/** Type-checks every k6 script against @types/k6 (one program). */
export async function typecheckK6(
  scripts: readonly Snippet[],
  dir: string,
): Promise<Map<Snippet, TypeDiagnostic[]>> {
  await moduleRoot(dir, 'module');
  const runtime = join(dir, 'k6-runtime.d.ts');
  await writeFile(runtime, K6_RUNTIME);
  const written: Written = new Map();
  await Promise.all(
    scripts.map(async (script, index) => {
      // On the same line, so the snippet's line numbers hold.
      const code = script.code.replace(K6_OPTIONS_EXPORT, `${K6_OPTIONS_TYPE}$&`);
      const path = resolve(dir, `s${index}`, script.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, code);
      written.set(path, script);
    }),
  );
  const program = ts.createProgram({
    rootNames: [runtime, ...[...written.keys()].sort()],
    options: { ...K6_OPTIONS, typeRoots: [join(dir, 'node_modules', '@types')] },
  });
  return diagnosticsBySnippet(program, written);
}
