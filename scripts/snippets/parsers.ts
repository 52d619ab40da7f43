/**
 * Real parsers for every language the guide's code blocks may be in: the check that a
 * downloaded snippet is code its compiler, interpreter or server would accept syntactically.
 * tree-sitter grammars (VS Code's prebuilt WebAssembly builds) for the programming languages,
 * libpg-query (PostgreSQL's own parser) for SQL, and each format's reference parser for the rest.
 * Node only: tests and scripts use it, the app never does.
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseGraphql } from 'graphql';
import { parse as parseSql } from 'libpg-query';
import protobuf from 'protobufjs';
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';
import { textProblems, xmlProblems } from './text-parsers';
import type { LanguageId } from '../../src/engine/index';

const require = createRequire(import.meta.url);
const treeSitter = require('@vscode/tree-sitter-wasm') as typeof TreeSitter;
const WASM_DIR = join(dirname(require.resolve('@vscode/tree-sitter-wasm')));

/** Languages checked by a tree-sitter grammar, and the grammar's file. */
const GRAMMARS: Partial<Record<LanguageId, string>> = {
  javascript: 'javascript',
  typescript: 'typescript',
  python: 'python',
  go: 'go',
  rust: 'rust',
  java: 'java',
  csharp: 'c-sharp',
  bash: 'bash',
  ini: 'ini',
};

/** Where Debian (and most Linux distributions) install nginx; nginx -t is its own parser. */
export const NGINX = [
  '/usr/sbin/nginx',
  '/usr/local/sbin/nginx',
  '/usr/local/bin/nginx',
  '/opt/homebrew/bin/nginx',
].find((path) => existsSync(path));

/** The languages a guide may contain: anything else is a problem by itself. */
export const CHECKED_LANGUAGES: readonly LanguageId[] = [
  ...(Object.keys(GRAMMARS) as LanguageId[]),
  'sql',
  'yaml',
  'json',
  'toml',
  'graphql',
  'proto',
  'nginx',
  'xml',
  'text',
];

/** One syntax error: 1-based line in the snippet, and what the parser said. */
export interface SyntaxProblem {
  line: number;
  message: string;
}

type TreeParser = InstanceType<typeof treeSitter.Parser>;
const parsers = new Map<string, Promise<TreeParser>>();
let initialised: Promise<void> | undefined;

function grammarParser(grammar: string): Promise<TreeParser> {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = (async () => {
      initialised ??= treeSitter.Parser.init();
      await initialised;
      const language = await treeSitter.Language.load(
        join(WASM_DIR, `tree-sitter-${grammar}.wasm`),
      );
      const created = new treeSitter.Parser();
      created.setLanguage(language);
      return created;
    })();
    parsers.set(grammar, parser);
  }
  return parser;
}

/** The first error and missing nodes of a tree-sitter tree, with the text around them. */
function treeProblems(parser: TreeParser, code: string): SyntaxProblem[] {
  const tree = parser.parse(code);
  if (!tree) return [{ line: 1, message: 'the parser returned no tree' }];
  try {
    if (!tree.rootNode.hasError) return [];
    const problems: SyntaxProblem[] = [];
    const cursor = tree.walk();
    const visit = (): void => {
      const node = cursor.currentNode;
      if (problems.length >= 5) return;
      if (node.isError || node.isMissing) {
        const text = code.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 60));
        problems.push({
          line: node.startPosition.row + 1,
          message: node.isMissing
            ? `missing ${node.type}`
            : `syntax error at ${JSON.stringify(text.split('\n')[0])}`,
        });
        return;
      }
      if (!node.hasError) return;
      if (cursor.gotoFirstChild()) {
        do visit();
        while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
    };
    visit();
    return problems.length > 0 ? problems : [{ line: 1, message: 'syntax error' }];
  } finally {
    tree.delete();
  }
}

function lineOfOffset(code: string, offset: number): number {
  return code.slice(0, Math.max(0, offset)).split('\n').length;
}

async function sqlProblems(code: string): Promise<SyntaxProblem[]> {
  try {
    await parseSql(code);
    return [];
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    return [
      { line: lineOfOffset(code, details?.cursorPosition ?? 0), message: (error as Error).message },
    ];
  }
}

function yamlProblems(code: string): SyntaxProblem[] {
  return parseAllDocuments(code, { prettyErrors: true, uniqueKeys: true })
    .flatMap((document) => ('errors' in document ? document.errors : []))
    .map((error) => ({
      line: error.linePos?.[0].line ?? 1,
      message: error.message.split('\n')[0]!,
    }));
}

function thrown(run: () => unknown, lineOf: (error: Error) => number = () => 1): SyntaxProblem[] {
  try {
    run();
    return [];
  } catch (error) {
    return [{ line: lineOf(error as Error), message: (error as Error).message.split('\n')[0]! }];
  }
}

const execFileAsync = promisify(execFile);

/**
 * nginx's own parser via `nginx -t`: the snippet is what a `conf.d/*.conf` holds, so it is
 * included inside `http { }` of a minimal main file, with every path in a temporary prefix.
 */
let nginxPrefix: Promise<string> | undefined;
let nginxRuns = 0;

async function nginxProblems(code: string): Promise<SyntaxProblem[]> {
  if (!NGINX)
    return [
      { line: 1, message: 'nginx is not installed (apt-get install nginx, or brew install nginx)' },
    ];
  // One temporary prefix per process, removed on exit; each check writes its own two files.
  nginxPrefix ??= mkdtemp(join(tmpdir(), 'nginx-check-')).then((prefix) => {
    process.once('exit', () => rmSync(prefix, { recursive: true, force: true }));
    return prefix;
  });
  const prefix = await nginxPrefix;
  const run = (nginxRuns += 1);
  const snippet = join(prefix, `snippet-${run}.conf`);
  const main = join(prefix, `nginx-${run}.conf`);
  try {
    await writeFile(snippet, code);
    await writeFile(
      main,
      [
        `pid ${join(prefix, `nginx-${run}.pid`)};`,
        `error_log ${join(prefix, 'error.log')};`,
        'events {}',
        'http {',
        `  access_log off; client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy;`,
        `  fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;`,
        `  include ${snippet};`,
        '}',
        '',
      ].join('\n'),
    );
    await execFileAsync(NGINX, ['-t', '-q', '-p', prefix, '-c', main]);
    return [];
  } catch (error) {
    const output = String((error as { stderr?: string }).stderr ?? error);
    const match = /\[emerg\] (.*?) in \S*snippet-\d+\.conf:(\d+)/.exec(output);
    return [
      {
        line: match ? Number(match[2]) : 1,
        message:
          match?.[1] ?? (output.split('\n').find((line) => line.includes('emerg')) || output),
      },
    ];
  } finally {
    await Promise.all([rm(snippet, { force: true }), rm(main, { force: true })]);
  }
}

/** Every syntax problem the real parser of `language` finds in `code` (empty when it parses). */
export async function syntaxProblems(language: LanguageId, code: string): Promise<SyntaxProblem[]> {
  const grammar = GRAMMARS[language];
  if (grammar) return treeProblems(await grammarParser(grammar), code);
  switch (language) {
    case 'sql':
      return sqlProblems(code);
    case 'yaml':
      return yamlProblems(code);
    case 'json':
      return thrown(() => JSON.parse(code));
    case 'toml':
      return thrown(
        () => parseToml(code),
        (error) => (error as Error & { line?: number }).line ?? 1,
      );
    case 'graphql':
      return thrown(
        () => parseGraphql(code),
        (error) => (error as Error & { locations?: { line: number }[] }).locations?.[0]?.line ?? 1,
      );
    case 'proto':
      return thrown(
        () => protobuf.parse(code, { keepCase: true }),
        (error) => Number(/line (\d+)/.exec(error.message)?.[1] ?? 1),
      );
    case 'nginx':
      return nginxProblems(code);
    case 'xml':
      return xmlProblems(code);
    case 'text':
      return textProblems(code);
    default:
      return [
        {
          line: 1,
          message: `no parser for ${language}: use one of ${CHECKED_LANGUAGES.join(', ')}`,
        },
      ];
  }
}
