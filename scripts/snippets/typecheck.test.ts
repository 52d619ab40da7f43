import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplateFile } from '../../src/cli/load-template-file';
import { JAVA_RELEASE, javaSummary } from './typecheck-java';
import {
  formatTypecheckProblem,
  groupProblems,
  summarise,
  typecheckTemplate,
  type TypecheckReport,
} from './typecheck-template';
import type { CheckedKind, Snippet, Unit } from './typecheck-units';

/** CI (.ci/run) installs Go, the jars and the packages: nothing may be skipped there. */
const CI = Boolean(process.env.CI);

const sample = (kind: CheckedKind, path: string, code: string): Snippet => ({
  kind,
  path,
  filename: path.split('/').at(-1)!,
  code,
  choices: { sample: kind },
  configurations: 1,
});
const unit = (...files: Snippet[]): Unit => ({
  root: files[0]!,
  files: files.map(({ path, code }) => ({ path, code })),
});

/** A right and a wrong snippet per check, compiled in the same programs as the template's. */
const TS_RIGHT = sample(
  'typescript',
  'src/right.ts',
  "// src/right.ts\nimport { Pool } from 'pg';\nimport { limit } from './lib/limit.js';\n\nexport const pool = new Pool({ max: limit });\n",
);
const TS_LIB = sample('typescript', 'src/lib/limit.ts', 'export const limit: number = 10;\n');
const TS_WRONG = sample(
  'typescript',
  'src/wrong.ts',
  "// src/wrong.ts\nimport { Pool } from 'pg';\n\nexport const pool = new Pool({ max: '10' });\n",
);
/** ESM only: with the package.json Node.js would read as CommonJS, `tsc` refuses it. */
const META =
  "import { readFileSync } from 'node:fs';\n\nexport const schema = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');\n";
const TS_META_CJS = sample('typescript', 'src/meta.ts', META);
const TS_META_ESM = sample('typescript', 'src/meta.ts', META);
const K6_WRONG = sample(
  'k6',
  'loadtest/wrong.js',
  "import http from 'k6/http';\n\nexport const options = {\n  scenarios: { peak: { executor: 'ramping-arival-rate', stages: [] } },\n};\n\nexport default function () {\n  http.get(`${__ENV.API_BASE_URL}/health`);\n}\n",
);
const JAVA_WRONG = sample(
  'java',
  'src/main/java/com/example/Wrong.java',
  'package com.example;\n\nimport java.util.List;\n\npublic class Wrong {\n    List<String> names = List.of(1);\n}\n',
);
const JAVA_SPRING = sample(
  'java',
  'src/main/java/com/example/Parsed.java',
  'package com.example;\n\nimport org.springframework.stereotype.Service;\n\n@Service\npublic class Parsed {}\n',
);
const GO_UNFORMATTED = sample(
  'go',
  'cmd/api/wrong.go',
  'package main\n\nfunc main(){\n\tx:=1\n\t_ = x\n}\n',
);
let report: TypecheckReport;

beforeAll(async () => {
  const loaded = await loadTemplateFile();
  if ('errors' in loaded) throw new Error(loaded.errors.join('\n'));
  report = await typecheckTemplate(loaded.template, {
    extra: {
      typescript: [
        unit(TS_RIGHT, TS_LIB),
        unit(TS_LIB),
        unit(TS_WRONG),
        unit(TS_META_CJS),
        { ...unit(TS_META_ESM), moduleType: 'module' },
      ],
      k6: [K6_WRONG],
      java: [unit(JAVA_WRONG), unit(JAVA_SPRING)],
      go: [GO_UNFORMATTED],
    },
  });
  console.info(summarise(report));
}, 600_000);

const problemsOf = (snippet: Snippet) =>
  report.problems.filter((problem) => problem.snippet === snippet).flatMap((p) => p.diagnostics);

/** The template's failing snippets of a kind, one paragraph per snippet (or identical group). */
const failing = (kind: CheckedKind) =>
  groupProblems(report.problems.filter((problem) => problem.kind === kind && !problem.extra)).map(
    formatTypecheckProblem,
  );

/**
 * Skips a check this machine cannot run, with the reason; in CI, fails instead — unless no
 * Debian 12 package can provide what it needs (a JDK 25), which CI then only reports.
 */
function skipUnlessAble(kind: CheckedKind, skip: () => void): boolean {
  const entries = report.skipped.filter((entry) => entry.kind === kind);
  const reasons = entries.map((entry) => entry.reason);
  if (reasons.length === 0) return false;
  const required = entries.filter((entry) => !entry.optional).map((entry) => entry.reason);
  expect(CI ? required : [], `${kind} checks cannot run in CI`).toEqual([]);
  console.warn(`${kind} type checks skipped: ${reasons.join('; ')}`);
  skip();
  return true;
}

describe('the checks catch what they should (samples compiled with the template)', () => {
  it('TypeScript: resolves the pinned packages and relative imports, reports a type error', () => {
    expect(problemsOf(TS_RIGHT)).toEqual([]);
    expect(problemsOf(TS_WRONG)).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringMatching(/^TS2322: /) }),
    ]);
  });

  it('TypeScript: reads the files as the guide’s package.json makes Node.js read them', () => {
    expect(problemsOf(TS_META_CJS)).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringMatching(/^TS1470: /) }),
    ]);
    expect(problemsOf(TS_META_ESM)).toEqual([]);
  });

  it('k6: checks the options against k6’s Options type', () => {
    expect(problemsOf(K6_WRONG)).toEqual([
      expect.objectContaining({
        line: 4,
        message: expect.stringMatching(/^TS2820: .*ramping-arrival-rate/),
      }),
    ]);
  });

  it('Java: compiles a JDK-only class and reports its error; leaves a Spring class to the parser', (context) => {
    if (skipUnlessAble('java', context.skip)) return;
    expect(problemsOf(JAVA_WRONG)).toEqual([
      expect.objectContaining({ line: 6, message: expect.stringContaining('incompatible types') }),
    ]);
    expect(report.java!.syntaxOnly.find(({ unit }) => unit.root === JAVA_SPRING)?.missing).toEqual([
      'org.springframework.stereotype.Service',
    ]);
  });

  it('Go: reports a snippet gofmt would change, with the change', (context) => {
    if (skipUnlessAble('go', context.skip)) return;
    expect(problemsOf(GO_UNFORMATTED)).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('+func main() {') }),
    ]);
  });
});

describe('the shipped template’s snippets, over all 7,680 configurations', () => {
  it('saw every configuration and snippets of every kind', () => {
    expect(report.configurations).toBe(7680);
    // Since 2.0.0 the Node.js code is CommonJS JavaScript, like section 1's service (parsed by
    // tree-sitter, run by the services harness); TypeScript appears only if a part brings it back.
    for (const kind of ['k6', 'java', 'go'] as const) {
      expect(report.distinct[kind], kind).toBeGreaterThan(1);
    }
  });

  it('every TypeScript snippet compiles with tsc --strict against the pinned packages', () => {
    expect(report.checked.typescript).toBe(report.distinct.typescript);
    expect(failing('typescript')).toEqual([]);
  });

  it('every k6 script type-checks (checkJs) against @types/k6', () => {
    expect(report.checked.k6).toBe(report.distinct.k6);
    expect(failing('k6')).toEqual([]);
  });

  it('the Java snippets the JDK and Debian’s jars can build compile with javac; the rest are parsed only', (context) => {
    if (skipUnlessAble('java', context.skip)) return;
    const java = report.java!;
    console.info(
      [
        `Java: javac ${java.jdk!.version} (${java.jdk!.home}) --release ${JAVA_RELEASE}, classpath: ${java.jars.join(', ') || 'none'}`,
        ...javaSummary(java).map((line) => `  ${line}`),
      ].join('\n'),
    );
    expect(report.checked.java).toBeGreaterThan(0);
    expect(failing('java')).toEqual([]);
  });

  it('every Go snippet is gofmt-clean', (context) => {
    if (skipUnlessAble('go', context.skip)) return;
    expect(report.checked.go).toBe(report.distinct.go);
    expect(failing('go')).toEqual([]);
  });
});
