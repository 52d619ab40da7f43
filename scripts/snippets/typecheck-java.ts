/**
 * Compiles the guide's Java snippets with `javac` where every import is satisfied by the JDK, by
 * a Debian package's jar or by the guide's own classes; the others (Spring Boot, Micrometer,
 * Caffeine 3, AWS: not in Debian, and Maven Central is out of reach) are only parsed, by the
 * tree-sitter check of scripts/snippets. The guide targets Java 25 (Spring Boot 4): the check
 * compiles with `--release 25`, so it needs a JDK 25 or newer; Debian 12's openjdk-17 cannot
 * compile the guide's Java (`Thread.ofPlatform()`, virtual threads, `--release 25`).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import type { TypeDiagnostic } from './typecheck-typescript';
import type { Snippet, Unit } from './typecheck-units';

const run = promisify(execFile);

/** The Java release the guide targets ("*Written for* Java 25, Spring Boot 4.0 …"). */
export const JAVA_RELEASE = 25;

/** Debian packages whose jars a snippet may compile against, and the jar each installs. */
export const DEBIAN_JARS: readonly { debianPackage: string; jar: string }[] = [
  { debianPackage: 'libslf4j-java', jar: '/usr/share/java/slf4j-api.jar' },
  { debianPackage: 'libjackson2-core-java', jar: '/usr/share/java/jackson-core.jar' },
  { debianPackage: 'libjackson2-annotations-java', jar: '/usr/share/java/jackson-annotations.jar' },
  { debianPackage: 'libjackson2-databind-java', jar: '/usr/share/java/jackson-databind.jar' },
  { debianPackage: 'libpostgresql-jdbc-java', jar: '/usr/share/java/postgresql.jar' },
];

export interface Jdk {
  home: string;
  javac: string;
  /** The major version `javac -version` prints. */
  version: number;
}

/** Every JDK found (JAVA_HOME, /usr/lib/jvm/*, `javac` on the PATH), newest first. */
export async function findJdks(): Promise<Jdk[]> {
  const homes = new Set<string>();
  const add = (home: string | undefined) => {
    if (home && existsSync(join(home, 'bin', 'javac'))) homes.add(realpathSync(home));
  };
  add(process.env.JAVA_HOME);
  if (existsSync('/usr/lib/jvm')) {
    for (const name of readdirSync('/usr/lib/jvm')) add(join('/usr/lib/jvm', name));
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const javac = join(dir, 'javac');
    if (dir && existsSync(javac)) add(dirname(dirname(realpathSync(javac))));
  }
  const jdks = await Promise.all(
    [...homes].map(async (home) => {
      const javac = join(home, 'bin', 'javac');
      try {
        const { stdout, stderr } = await run(javac, ['-version'], { timeout: 30_000 });
        const version = Number(/javac (\d+)/.exec(`${stdout}${stderr}`)?.[1]);
        return Number.isFinite(version) ? [{ home, javac, version }] : [];
      } catch {
        return [];
      }
    }),
  );
  return jdks.flat().sort((a, b) => b.version - a.version);
}

/** Class names (`java/util/List`, `java/util/Map$Entry`) the JDK and the jars provide. */
export interface ClassIndex {
  classes: Set<string>;
  packages: Set<string>;
}

async function classIndex(jdk: Jdk, jars: readonly string[]): Promise<ClassIndex> {
  const classes = new Set<string>();
  const { stdout } = await run(
    join(jdk.home, 'bin', 'jimage'),
    ['list', join(jdk.home, 'lib', 'modules')],
    { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
  );
  for (const line of stdout.split('\n')) {
    const name = line.trim();
    if (name.endsWith('.class')) classes.add(name.slice(0, -'.class'.length));
  }
  for (const jar of jars) {
    unzipSync(readFileSync(jar), {
      filter: (file) => {
        if (file.name.endsWith('.class')) classes.add(file.name.slice(0, -'.class'.length));
        return false;
      },
    });
  }
  const packages = new Set([...classes].map((name) => name.slice(0, name.lastIndexOf('/'))));
  return { classes, packages };
}

const IMPORT = /^\s*import\s+(static\s+)?([\w$]+(?:\.[\w$]+)*(?:\.\*)?)\s*;/gm;
const PACKAGE = /^\s*package\s+([\w.]+)\s*;/m;

/** `a.b.C.D` is class `a/b/C$D` (or `a/b/C/D`…): whichever the index has. */
function hasClass(parts: readonly string[], index: ClassIndex): boolean {
  for (let at = 1; at < parts.length; at += 1) {
    const name = `${parts.slice(0, at).join('/')}/${parts.slice(at).join('$')}`;
    if (index.classes.has(name)) return true;
  }
  return false;
}

/** The imports of a unit that neither the index nor the unit's own classes satisfy. */
export function missingImports(unit: Unit, index: ClassIndex): string[] {
  const own = unit.files.map((file) => {
    const packageName = PACKAGE.exec(file.code)?.[1];
    const name = posix.basename(file.path, '.java');
    return packageName ? `${packageName}.${name}` : name;
  });
  const missing = new Set<string>();
  for (const file of unit.files) {
    for (const [, isStatic, name] of file.code.matchAll(IMPORT)) {
      const parts = name!.split('.');
      const wildcard = parts.at(-1) === '*';
      const type = wildcard || isStatic ? parts.slice(0, -1) : parts;
      const dotted = type.join('.');
      const satisfied =
        own.some((fqcn) => dotted === fqcn || dotted.startsWith(`${fqcn}.`)) ||
        hasClass(type, index) ||
        (wildcard && !isStatic && index.packages.has(type.join('/')));
      if (!satisfied) missing.add(name!);
    }
  }
  return [...missing].sort();
}

export interface JavaReport {
  /** The JDK that compiled, when one of release JAVA_RELEASE or newer exists. */
  jdk?: Jdk;
  /** Every JDK found, for the message when none is new enough. */
  jdks: Jdk[];
  jars: string[];
  compiled: { unit: Unit; problems: TypeDiagnostic[] }[];
  /** Only parsed (tree-sitter): the imports nothing here provides. */
  syntaxOnly: { unit: Unit; missing: string[] }[];
}

/** javac's `File.java:12: error: cannot find symbol` lines, with the detail lines under them. */
function javacProblems(output: string, rootPath: string): TypeDiagnostic[] {
  const problems: TypeDiagnostic[] = [];
  let current: TypeDiagnostic | undefined;
  for (const line of output.split('\n')) {
    const match = /^(.*\.java):(\d+): error: (.*)$/.exec(line);
    if (match) {
      current =
        resolve(match[1]!) === rootPath
          ? { line: Number(match[2]), message: match[3]! }
          : undefined;
      if (current) problems.push(current);
    } else if (current && /^\s+(symbol|location):/.test(line)) {
      current.message += `; ${line.trim()}`;
    }
  }
  return problems;
}

async function compileUnit(
  jdk: Jdk,
  jars: readonly string[],
  unit: Unit,
  dir: string,
): Promise<TypeDiagnostic[]> {
  const paths = unit.files.map((file) => resolve(dir, 'src', file.path));
  await Promise.all(
    unit.files.map(async (file, at) => {
      await mkdir(dirname(paths[at]!), { recursive: true });
      await writeFile(paths[at]!, file.code);
    }),
  );
  const args = [
    '--release',
    String(JAVA_RELEASE),
    '-d',
    join(dir, 'classes'),
    '-proc:none',
    '-implicit:none',
    '-nowarn',
    '-encoding',
    'UTF-8',
    ...(jars.length > 0 ? ['-classpath', jars.join(':')] : []),
    ...paths,
  ];
  try {
    await run(jdk.javac, args, { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
    return [];
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    // Errors in a file the root needs are reported when that file is checked as a root;
    // output naming no file at all (javac itself failed) is reported whole.
    return /^.*\.java:\d+: error: /m.test(output)
      ? javacProblems(output, paths[0]!)
      : [{ message: output.trim() || String(error) }];
  }
}

/**
 * Classifies every unit (compilable or not) and compiles the compilable ones, two javac
 * processes at a time, each unit on its own so that two guides' classes never meet.
 */
export async function typecheckJava(units: readonly Unit[], dir: string): Promise<JavaReport> {
  const jdks = await findJdks();
  const jdk = jdks.find((candidate) => candidate.version >= JAVA_RELEASE);
  const jars = DEBIAN_JARS.map((entry) => entry.jar).filter((jar) => existsSync(jar));
  const report: JavaReport = { jdk, jdks, jars, compiled: [], syntaxOnly: [] };
  if (!jdk) return report;
  const index = await classIndex(jdk, jars);
  const queue: { unit: Unit; at: number }[] = [];
  units.forEach((unit, at) => {
    const missing = missingImports(unit, index);
    if (missing.length > 0) report.syntaxOnly.push({ unit, missing });
    else queue.push({ unit, at });
  });
  const next = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const problems = await compileUnit(jdk, jars, item.unit, join(dir, `u${item.at}`));
      report.compiled.push({ unit: item.unit, problems });
    }
  };
  await Promise.all([next(), next()]);
  return report;
}

/** The snippets of the report, grouped: which were compiled and which only parsed, and why. */
export function javaSummary(report: JavaReport): string[] {
  const byPath = new Map<
    string,
    { compiled: Set<Snippet>; parsed: Set<Snippet>; missing: Set<string> }
  >();
  const entry = (unit: Unit) => {
    const key = unit.root.path;
    let found = byPath.get(key);
    if (!found)
      byPath.set(key, (found = { compiled: new Set(), parsed: new Set(), missing: new Set() }));
    return found;
  };
  for (const { unit } of report.compiled) entry(unit).compiled.add(unit.root);
  for (const { unit, missing } of report.syntaxOnly) {
    const found = entry(unit);
    found.parsed.add(unit.root);
    for (const name of missing) found.missing.add(name);
  }
  return [...byPath.entries()].sort().map(([path, { compiled, parsed, missing }]) => {
    const parts = [
      ...(compiled.size > 0 ? [`${compiled.size} distinct compiled`] : []),
      ...(parsed.size > 0 ? [`${parsed.size} distinct syntax-checked only`] : []),
    ];
    const needs =
      missing.size > 0
        ? `; needs (itself or in the guide's classes it uses) ${[...missing].slice(0, 4).join(', ')}${missing.size > 4 ? `, … (${missing.size})` : ''}`
        : '';
    return `${path}: ${parts.join(', ')}${needs}`;
  });
}
