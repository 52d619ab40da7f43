import { describe, expect, it } from 'vitest';
import { loadTemplateFile } from '../../src/cli/load-template-file';
import type { LanguageId, Template } from '../../src/engine/index';
import { answerCoverage } from './answers';
import { checkTemplate, formatProblem } from './check-template';
import { CHECKED_LANGUAGES, NGINX, syntaxProblems } from './parsers';

const SEED = new URL('../../src/engine/__fixtures__/seed.md', import.meta.url).pathname;

async function load(file?: string): Promise<Template> {
  const loaded = await loadTemplateFile(file);
  if ('errors' in loaded) throw new Error(loaded.errors.join('\n'));
  return loaded.template;
}

/** A valid and a broken snippet per language: each parser must tell them apart. */
const SAMPLES: Record<string, [valid: string, broken: string]> = {
  javascript: ['const a = [1, 2].map((x) => x * 2);\n', 'const a = [1, 2.map((x) => x * 2);\n'],
  typescript: ['const a: number[] = [1];\nexport type A = { b: string };\n', 'const a: = 1;\n'],
  python: ['async def f(x: int) -> int:\n    return await g(x)\n', 'def f(:\n    pass\n'],
  go: [
    'package main\n\nfunc main() {\n\tx := 1\n\t_ = x\n}\n',
    'package main\n\nfunc main() {\n\tx := \n}\n',
  ],
  rust: ['fn main() {\n    let x: u8 = 1;\n}\n', 'fn main() {\n    let x = ;\n}\n'],
  java: ['class A {\n  void f() { int x = 1; }\n}\n', 'class A {\n  void f() { int x = ; }\n}\n'],
  csharp: ['var x = 1;\nConsole.WriteLine(x);\n', 'var x = ;\n'],
  bash: ['if [ -n "$A" ]; then echo "$A"; fi\n', 'if [ -n "$A" ]; then echo "$A"\n'],
  ini: ['[Service]\nLimitNOFILE=65535\n', '[Service\nLimitNOFILE=65535\n'],
  sql: ['SELECT id FROM users WHERE id = ANY($1::bigint[]);\n', 'SELEC id FROM users;\n'],
  yaml: ['a:\n  b: [1, 2]\n---\nc: d\n', 'a:\n  b: [1, 2\nc: d\n'],
  json: ['{"a": [1, 2]}\n', '{"a": [1, 2],}\n'],
  toml: ['[package]\nname = "api"\n', '[package\nname = "api"\n'],
  graphql: ['type Query {\n  user(id: ID!): User\n}\n', 'type Query {\n  user(id: ID!: User\n}\n'],
  proto: [
    'syntax = "proto3";\nservice S {\n  rpc List(Req) returns (stream Res);\n}\nmessage Req {}\nmessage Res {}\n',
    'syntax = "proto3";\nmessage Req {\n  string id = ;\n}\n',
  ],
  nginx: [
    'upstream api {\n  server 127.0.0.1:3000;\n  keepalive 32;\n}\n',
    'upstream api {\n  server 127.0.0.1:3000\n}\n',
  ],
  xml: ['<project>\n  <a>x</a>\n</project>\n', '<project>\n  <a>x</b>\n</project>\n'],
  text: ['# requirements.txt\nfastapi>=0.115\n', '# requirements.txt\nfastapi >=\n'],
};

describe('the parsers', () => {
  it('has a valid and a broken sample for every language it checks', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CHECKED_LANGUAGES].sort());
  });

  for (const [language, [valid, broken]] of Object.entries(SAMPLES)) {
    it.skipIf(language === 'nginx' && !NGINX)(
      `${language}: accepts valid code, finds the error in broken code`,
      async () => {
        expect(await syntaxProblems(language as LanguageId, valid)).toEqual([]);
        const problems = await syntaxProblems(language as LanguageId, broken);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems[0]!.line).toBeGreaterThanOrEqual(1);
      },
    );
  }

  it('reports the line of an SQL error', async () => {
    expect(await syntaxProblems('sql', 'SELECT 1;\n\nSELEC 2;\n')).toEqual([
      { line: 3, message: 'syntax error at or near "SELEC"' },
    ]);
  });

  it('refuses a language no parser checks, and plain text that is not a build file it knows', async () => {
    expect(await syntaxProblems('css', 'a { color: red; }')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('no parser for css') }),
    ]);
    expect(await syntaxProblems('text', 'some output\n')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^no parser checks plain text/) }),
    ]);
  });

  // CI installs nginx (.ci/run); a laptop without it skips the nginx samples, and the
  // template check below names the missing binary instead of passing silently.
  it.runIf(process.env.CI)('has nginx in CI', () => {
    expect(NGINX).toBeDefined();
  });
});

describe('the seed (the product owner’s original, kept as a fixture)', () => {
  it('has the defects issue 6 fixed in the shipped edition: the check finds them', async () => {
    const report = await checkTemplate(await load(SEED));
    const kinds = report.problems.map((problem) => `${problem.kind} ${problem.message}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'label the fence says javascript but the code reads as python',
        'label the fence says javascript but the code reads as go',
        'label the fence says sql but the code reads as yaml',
        'syntax syntax error at or near "connection_pool_settings"',
        expect.stringMatching(/^empty .*backend_technology “rust”/),
      ]),
    );
  }, 120_000);
});

describe('the shipped template', () => {
  it('renders every configuration into snippets that parse, are labelled right and are never empty', async () => {
    const report = await checkTemplate(await load());
    expect(report.configurations).toBe(7680);
    if (!NGINX) console.warn('nginx is not installed: the nginx snippets were not parsed');
    const problems = report.problems.filter(
      (problem) => NGINX || !problem.message.startsWith('nginx is not installed'),
    );
    expect(problems.map(formatProblem)).toEqual([]);
    // TypeScript left with 2.0.0: the Node.js code is CommonJS JavaScript, like section 1's.
    for (const language of [
      'javascript',
      'python',
      'go',
      'rust',
      'java',
      'csharp',
      'sql',
      'yaml',
      'json',
    ]) {
      expect(report.byLanguage[language], language).toBeGreaterThan(0);
    }
  }, 300_000);

  it('is tailored by every answer: each two values of a parameter differ beyond the lines naming them, whatever the other answers', async () => {
    const { pairs, values } = answerCoverage(await load());
    expect(values).toHaveLength(27);
    expect(pairs.filter((pair) => pair.differing < pair.bases)).toEqual([]);
    expect(values.filter((value) => !value.own)).toEqual([]);
  }, 300_000);
});
