/**
 * The type checks of a template's snippets, over every configuration: TypeScript with
 * `tsc --strict`, k6 scripts with `checkJs` against @types/k6, Java with `javac` where the JDK
 * and Debian's jars satisfy the imports, Go with `gofmt -l`. Shared by the unit test
 * (scripts/snippets/typecheck.test.ts) and `npx tsx scripts/snippets/typecheck.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from '../../src/engine/index';
import { findGofmt, gofmtProblems } from './typecheck-go';
import { DEBIAN_JARS, JAVA_RELEASE, typecheckJava, type JavaReport } from './typecheck-java';
import {
  missingPackages,
  TYPECHECK_MODULES,
  typecheckK6,
  typecheckTypeScript,
  type TypeDiagnostic,
} from './typecheck-typescript';
import { collectSnippets, type CheckedKind, type Snippet, type Unit } from './typecheck-units';

export interface TypecheckProblem {
  kind: CheckedKind;
  snippet: Snippet;
  diagnostics: TypeDiagnostic[];
  /** One of the extra snippets (the test's samples), not the template's. */
  extra?: true;
}

export interface TypecheckReport {
  configurations: number;
  /** Guides rendered in full (one per new combination of checked snippets). */
  rendered: number;
  /** Distinct snippets per kind, and how many of them were compiled or checked. */
  distinct: Record<CheckedKind, number>;
  checked: Record<CheckedKind, number>;
  /** Units compiled: a TypeScript or Java snippet with the guide's files it imports. */
  units: { typescript: number; java: number; javaCompiled: number };
  java?: JavaReport;
  /** Checks that could not run here, and why (the test fails on them in CI). */
  /** `optional`: a skip CI tolerates, because no Debian 12 package provides what it needs. */
  skipped: { kind: CheckedKind; reason: string; optional?: true }[];
  problems: TypecheckProblem[];
  /** Milliseconds per step. */
  timings: Record<string, number>;
}

/** Extra snippets checked with the template's, in the same programs (the test's samples). */
export interface ExtraSnippets {
  typescript?: Unit[];
  k6?: Snippet[];
  java?: Unit[];
  go?: Snippet[];
}

const distinctRoots = (units: readonly Unit[]) => new Set(units.map((unit) => unit.root)).size;

export async function typecheckTemplate(
  template: Template,
  options: { varied?: ReadonlySet<string>; extra?: ExtraSnippets } = {},
): Promise<TypecheckReport> {
  const timings: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[step] = Math.round(performance.now() - started);
    }
  };
  const missing = missingPackages();
  if (missing) throw new Error(missing);

  const collected = await timed('collect', () => collectSnippets(template, options));
  const extra = options.extra ?? {};
  const typescript = [...collected.typescript, ...(extra.typescript ?? [])];
  const k6 = [...collected.k6, ...(extra.k6 ?? [])];
  const java = [...collected.java, ...(extra.java ?? [])];
  const go = [...collected.go, ...(extra.go ?? [])];

  const problems: TypecheckProblem[] = [];
  const skipped: TypecheckReport['skipped'] = [];
  const extras = new Set([
    ...[...(extra.typescript ?? []), ...(extra.java ?? [])].map((unit) => unit.root),
    ...(extra.k6 ?? []),
    ...(extra.go ?? []),
  ]);
  const record = (kind: CheckedKind, found: Map<Snippet, TypeDiagnostic[]>) => {
    for (const [snippet, diagnostics] of found) {
      if (diagnostics.length === 0) continue;
      problems.push({
        kind,
        snippet,
        diagnostics,
        ...(extras.has(snippet) ? { extra: true } : {}),
      });
    }
  };
  const dir = await mkdtemp(join(tmpdir(), 'snippet-typecheck-'));
  try {
    const gofmt = findGofmt();
    if (gofmt) record('go', await timed('go', () => gofmtProblems(gofmt, go, join(dir, 'go'))));
    else {
      skipped.push({
        kind: 'go',
        reason: 'gofmt is not installed (Debian: apt-get install golang-go)',
      });
    }

    const javaReport = await timed('java', () => typecheckJava(java, join(dir, 'java')));
    if (!javaReport.jdk) {
      const found = javaReport.jdks.map((jdk) => `javac ${jdk.version} in ${jdk.home}`);
      skipped.push({
        kind: 'java',
        // Debian 12 has no JDK 25 (not even in backports): CI compiles Java only where one is.
        optional: true,
        reason:
          `no JDK ${JAVA_RELEASE} or newer (found: ${found.join(', ') || 'none'}): the guide's Java ` +
          `targets Java ${JAVA_RELEASE}, which Debian 12's openjdk-17 cannot compile; set JAVA_HOME to one`,
      });
    }
    const absentJars = DEBIAN_JARS.filter((entry) => !javaReport.jars.includes(entry.jar));
    if (javaReport.jdk && absentJars.length > 0) {
      skipped.push({
        kind: 'java',
        reason: `Debian jars missing (apt-get install ${absentJars.map((entry) => entry.debianPackage).join(' ')}): snippets that need them were only parsed`,
      });
    }
    const byRoot = new Map<Snippet, TypeDiagnostic[]>();
    for (const { unit, problems: found } of javaReport.compiled) {
      byRoot.set(unit.root, [...(byRoot.get(unit.root) ?? []), ...found]);
    }
    record('java', byRoot);

    record(
      'typescript',
      await timed('typescript', () => typecheckTypeScript(typescript, join(dir, 'typescript'))),
    );
    record('k6', await timed('k6', () => typecheckK6(k6, join(dir, 'k6'))));

    // Counts are the template's own snippets: extra ones are checked, never counted.
    const compiledJava = new Set(javaReport.compiled.map(({ unit }) => unit.root));
    const templateJava = [...new Set(collected.java.map((unit) => unit.root))];
    return {
      configurations: collected.configurations,
      rendered: collected.rendered,
      distinct: {
        typescript: distinctRoots(collected.typescript),
        k6: collected.k6.length,
        java: templateJava.length,
        go: collected.go.length,
      },
      checked: {
        typescript: distinctRoots(collected.typescript),
        k6: collected.k6.length,
        java: templateJava.filter((root) => compiledJava.has(root)).length,
        go: gofmt ? collected.go.length : 0,
      },
      units: {
        typescript: collected.typescript.length,
        java: collected.java.length,
        javaCompiled: javaReport.compiled.filter(({ unit }) => collected.java.includes(unit))
          .length,
      },
      java: javaReport,
      skipped,
      problems: problems.map((problem) => ({
        ...problem,
        diagnostics: problem.diagnostics.map((diagnostic) => ({
          ...diagnostic,
          message: diagnostic.message.replaceAll(
            TYPECHECK_MODULES,
            'scripts/typecheck/node_modules',
          ),
        })),
      })),
      timings,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const LABEL: Record<CheckedKind, string> = {
  typescript: 'TypeScript (tsc --strict)',
  k6: 'k6 (checkJs, @types/k6)',
  java: `Java (javac --release ${JAVA_RELEASE})`,
  go: 'Go (gofmt -l)',
};

const sourceLine = (snippet: Snippet, line: number | undefined): string | undefined =>
  line === undefined ? undefined : snippet.code.split('\n')[line - 1]?.trim() || undefined;

/**
 * Failing snippets that fail the same way (same kind, path, messages and offending lines, as
 * the 480 variants of one k6 script can) merged into one, with their counts added up.
 */
export interface ProblemGroup extends TypecheckProblem {
  /** How many distinct snippets, and how many configurations in all. */
  snippets: number;
  configurations: number;
}

export function groupProblems(problems: readonly TypecheckProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const key = JSON.stringify([
      problem.kind,
      problem.snippet.path,
      problem.diagnostics.map((d) => [d.message, sourceLine(problem.snippet, d.line)]),
    ]);
    const group = groups.get(key);
    if (group) {
      group.snippets += 1;
      group.configurations += problem.snippet.configurations;
    } else {
      groups.set(key, { ...problem, snippets: 1, configurations: problem.snippet.configurations });
    }
  }
  return [...groups.values()];
}

/** One failing snippet (or group) as lines a person can act on: where, which configuration, what. */
export function formatTypecheckProblem(problem: TypecheckProblem | ProblemGroup): string {
  const { kind, snippet, diagnostics } = problem;
  const snippets = 'snippets' in problem ? problem.snippets : 1;
  const configurations = 'snippets' in problem ? problem.configurations : snippet.configurations;
  const choices = Object.entries(snippet.choices)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  const variants = snippets > 1 ? `${snippets} distinct variants, ` : '';
  return [
    `${LABEL[kind]}: ${snippet.path} (${snippet.filename}), ${variants}in ${configurations} configuration(s), e.g. ${choices}`,
    ...diagnostics.flatMap((diagnostic) => {
      const source = sourceLine(snippet, diagnostic.line);
      return [
        `  ${diagnostic.line === undefined ? '' : `line ${diagnostic.line}: `}${diagnostic.message.replaceAll('\n', '\n    ')}`,
        ...(source ? [`    > ${source}`] : []),
      ];
    }),
  ].join('\n');
}

/** The report's counts in one line. */
export function summarise(report: TypecheckReport): string {
  const { distinct, checked } = report;
  return (
    `${report.configurations} configurations (${report.rendered} rendered in full): ` +
    `TypeScript ${checked.typescript}/${distinct.typescript} compiled (${report.units.typescript} units), ` +
    `k6 ${checked.k6}/${distinct.k6} type-checked, ` +
    `Java ${checked.java}/${distinct.java} compiled (${report.units.javaCompiled} of ${report.units.java} units; the rest parsed only), ` +
    `Go ${checked.go}/${distinct.go} gofmt-checked: ` +
    `${report.problems.filter((problem) => !problem.extra).length} snippet(s) with problems; ` +
    Object.entries(report.timings)
      .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')
  );
}
