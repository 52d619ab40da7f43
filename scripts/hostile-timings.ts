// Times the command line on the hostile inputs of issue 10, as a user would meet them:
// `npx tsx scripts/hostile-timings.ts`. Each row: exit code, wall time (Node start-up
// included, about 0.4 s here) and the first line the command printed.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_FRONTMATTER } from '../src/engine/testing/hostile';

const BIN = fileURLToPath(new URL('../bin/api-perf-wizard.js', import.meta.url));
const TIMEOUT_MS = 60_000;

const list = (n: number) => Array.from({ length: n }, () => 'a').join(',');
const loops = (n: number) =>
  `{{#each (split "${list(n)}")}}{{#each (split "${list(n)}")}}- {{x}}\n{{/each}}{{/each}}`;
const aliasBomb = ['a: &a [x, x, x, x, x, x, x, x, x]']
  .concat(
    [...'bcdefgh'].map(
      (name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`,
    ),
  )
  .join('\n');

const bodies: [string, string][] = [
  ['{{#if x}}{{ ×1,000, never closed', '{{#if x}}{{'.repeat(1_000)],
  ['{{#if x}}{{ ×4,000', '{{#if x}}{{'.repeat(4_000)],
  ['{{#if x}}{{ ×50,000', '{{#if x}}{{'.repeat(50_000)],
  ['2,000 nested {{#if}}', `${'{{#if x}}'.repeat(2_000)}x${'{{/if}}'.repeat(2_000)}`],
  ['10,000 nested {{#if}}', `${'{{#if x}}'.repeat(10_000)}x${'{{/if}}'.repeat(10_000)}`],
  ['{{#each (split)}} 250 × 250', loops(250)],
  ['{{#each (split)}} 500 × 500', loops(500)],
];

async function run(args: string[]): Promise<{ code: number; ms: number; line: string }> {
  const start = performance.now();
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((done) => {
    execFile(process.execPath, [BIN, ...args], { timeout: TIMEOUT_MS }, (error, _out, err) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr: err }),
    );
  });
  return { code, ms: performance.now() - start, line: stderr.split('\n')[0] ?? '' };
}

const dir = await mkdtemp(join(tmpdir(), 'apw-hostile-'));
try {
  const cases: [string, string][] = [];
  for (const [name, body] of bodies) {
    const file = join(dir, `${cases.length}.md`);
    await writeFile(file, HOSTILE_FRONTMATTER + body);
    cases.push([name, file]);
  }
  const alias = join(dir, 'alias.md');
  await writeFile(alias, `---\n${aliasBomb}\n---\nbody\n`);
  const huge = join(dir, 'huge.md');
  await writeFile(huge, HOSTILE_FRONTMATTER);
  await truncate(huge, 100 * 1024 * 1024);
  cases.push(
    ['YAML alias bomb', alias],
    ['a 100 MB file', huge],
    ['/dev/zero', '/dev/zero'],
    ['a folder', dir],
  );
  console.log('| case | exit | seconds | first line |\n|---|---|---|---|');
  for (const [name, file] of cases) {
    const out = join(dir, 'out');
    const { code, ms, line } = await run([
      'render',
      '--template',
      file,
      '--query',
      'x=a',
      '--out',
      out,
    ]);
    await rm(out, { recursive: true, force: true });
    console.log(`| ${name} | ${code} | ${(ms / 1000).toFixed(2)} | ${line.slice(0, 140)} |`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
