/**
 * Go snippets stay `gofmt`-clean: Go's own formatter (Debian's golang-go) lists every file it
 * would change, and parses each one with Go's own parser while at it. Building them needs the
 * Go module proxy, which this machine cannot reach; tree-sitter parses them too (scripts/snippets).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TypeDiagnostic } from './typecheck-typescript';
import type { Snippet } from './typecheck-units';

const run = promisify(execFile);

/** Where Debian's golang-go (and the upstream tarball) put gofmt, then the PATH. */
export function findGofmt(): string | undefined {
  const candidates = [
    '/usr/bin/gofmt',
    '/usr/lib/go/bin/gofmt',
    '/usr/local/go/bin/gofmt',
    ...(process.env.PATH ?? '').split(':').map((dir) => join(dir, 'gofmt')),
  ];
  return candidates.find((path) => path.startsWith('/') && existsSync(path));
}

/** A unified diff without its file headers, at most `max` lines, and its first hunk's line. */
function diffExcerpt(diff: string, max = 16): { line?: number; excerpt: string } {
  const lines = diff
    .trimEnd()
    .split('\n')
    .filter((line) => !/^(diff |--- |\+\+\+ )/.test(line));
  const first = /^@@ -(\d+)/.exec(lines.find((line) => line.startsWith('@@')) ?? '');
  return {
    line: first ? Number(first[1]) : undefined,
    excerpt: lines.slice(0, max).join('\n') + (lines.length > max ? '\n…' : ''),
  };
}

/** Every Go snippet `gofmt -l` lists (or cannot parse), with the change gofmt would make. */
export async function gofmtProblems(
  gofmt: string,
  snippets: readonly Snippet[],
  dir: string,
): Promise<Map<Snippet, TypeDiagnostic[]>> {
  const byPath = new Map<string, Snippet>();
  await Promise.all(
    snippets.map(async (snippet, index) => {
      const path = resolve(dir, `s${index}`, snippet.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, snippet.code);
      byPath.set(path, snippet);
    }),
  );
  const found = new Map<Snippet, TypeDiagnostic[]>();
  const add = (snippet: Snippet, problem: TypeDiagnostic) =>
    found.set(snippet, [...(found.get(snippet) ?? []), problem]);
  let listed: string;
  try {
    listed = (await run(gofmt, ['-l', dir], { timeout: 120_000, maxBuffer: 16 << 20 })).stdout;
  } catch (error) {
    // Exit 2: some file did not parse. stderr names it: `path:line:col: message`.
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    listed = stdout;
    for (const line of stderr.split('\n')) {
      const match = /^(.*\.go):(\d+):\d+: (.*)$/.exec(line);
      const snippet = match && byPath.get(resolve(match[1]!));
      if (snippet) add(snippet, { line: Number(match[2]), message: `gofmt: ${match[3]}` });
      else if (line.trim() !== '') throw new Error(`gofmt failed: ${stderr}`, { cause: error });
    }
  }
  for (const path of listed.split('\n').filter(Boolean)) {
    const snippet = byPath.get(resolve(path));
    if (!snippet) throw new Error(`gofmt listed a file it was not given: ${path}`);
    const { stdout } = await run(gofmt, ['-d', path], { timeout: 60_000 }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    const { line, excerpt } = diffExcerpt(stdout);
    add(snippet, { line, message: `not gofmt-formatted; gofmt -d says:\n${excerpt}` });
  }
  return found;
}
