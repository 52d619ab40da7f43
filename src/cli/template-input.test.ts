import { readdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_FRONTMATTER } from '../engine/testing/hostile';
import { cli, tempFolders } from './testing/run-cli';

// The issue's hostile templates, through the real command line: each refused with its own
// lines (no stack, no raw errno), the right exit code, and nothing written.

const folders = tempFolders();
afterAll(folders.removeAll);

const FRONTMATTER = HOSTILE_FRONTMATTER;

/** Renders `--template file` into a fresh folder; the run and whether anything was written. */
async function renderWith(file: string, query = 'x=a') {
  const out = join(await folders.make(), 'out');
  const run = await cli('render', '--template', file, '--query', query, '--out', out);
  const wrote = await readdir(out).then(
    () => true,
    () => false,
  );
  return { ...run, wrote };
}

/** A template file with this body in a fresh folder. */
async function templateWith(body: string, frontmatter = FRONTMATTER): Promise<string> {
  const file = join(await folders.make(), 'hostile.md');
  await writeFile(file, frontmatter + body);
  return file;
}

/** Every line of stderr is an `error:` line or the closing line, none a stack frame. */
function expectOnlyMessages(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  for (const line of lines) expect(line).toMatch(/^(error: |Nothing was written\.$)/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe(
  'render --template refuses what is not a template file, exit 2',
  { timeout: 60_000 },
  () => {
    it('a folder, a device, a 100 MB file, a missing file', async () => {
      const dir = await folders.make();
      const huge = join(dir, 'huge.md');
      await writeFile(huge, FRONTMATTER);
      await truncate(huge, 100 * 1024 * 1024);
      const cases: [string, string][] = [
        [dir, `error: cannot read the template ${dir}: it is a folder; give the path of a file`],
        [
          '/dev/zero',
          'error: cannot read the template /dev/zero: it is not a regular file (a device, pipe or socket); give the path of a file',
        ],
        [
          huge,
          `error: cannot read the template ${huge}: it is 100.0 MB; a template is at most 2.0 MB (the shipped one is 0.4 MB). Is this the right file?`,
        ],
        [
          join(dir, 'missing.md'),
          `error: cannot read the template ${join(dir, 'missing.md')}: no such file or folder (ENOENT); check the path`,
        ],
      ];
      for (const [file, message] of cases) {
        const run = await renderWith(file);
        expect(run.stderr).toBe(`${message}\n`);
        expect(run.code).toBe(2);
        expect(run.wrote).toBe(false);
      }
    });

    it('a file that is not UTF-8 text', async () => {
      const file = join(await folders.make(), 'latin1.md');
      await writeFile(file, Buffer.from([...Buffer.from(FRONTMATTER), 0xe9, 0x0a]));
      const run = await renderWith(file);
      expect(run.stderr).toBe(
        `error: cannot read the template ${file}: it is not UTF-8 text; save it as UTF-8 and try again\n`,
      );
      expect(run.code).toBe(2);
    });
  },
);

describe(
  'render --template names the limit a template goes past, exit 1',
  { timeout: 60_000 },
  () => {
    it('50,000 unclosed blocks', async () => {
      const run = await renderWith(await templateWith('{{#if x}}{{'.repeat(50_000)));
      expectOnlyMessages(run.stderr);
      expect(run.stderr).toMatch(
        /^error: .*hostile\.md: line 17, column 705: \{\{#if\}\} opens block number 65 inside one another; blocks nest at most 64 deep/,
      );
      expect(run.stderr).toMatch(/: and 49,997 more blocks from here on are never closed\n$/);
      expect(run.code).toBe(1);
      expect(run.wrote).toBe(false);
    });

    it('10,000 nested blocks', async () => {
      const body = `${'{{#if x}}'.repeat(10_000)}x${'{{/if}}'.repeat(10_000)}`;
      const run = await renderWith(await templateWith(body));
      expect(run.stderr).toMatch(
        /^error: .*hostile\.md: line 17, column 577: \{\{#if\}\} opens block number 65 inside one another;[^\n]*\n$/,
      );
      expect(run.code).toBe(1);
    });

    it('500 × 500 nested loops', async () => {
      const list = Array.from({ length: 500 }, () => 'a').join(',');
      const body = `{{#each (split "${list}")}}{{#each (split "${list}")}}- {{x}}\n{{/each}}{{/each}}`;
      const file = await templateWith(body);
      const run = await renderWith(file);
      expect(run.stderr).toBe(
        `error: ${file}: line 17, column 1020: this {{#each}} would make loops run 10,500 times in this guide; all loops together run at most 10,000 times, so loop over a shorter list or nest fewer loops\nNothing was written.\n`,
      );
      expect(run.code).toBe(1);
      expect(run.wrote).toBe(false);
    });

    it('a YAML alias bomb in the frontmatter', async () => {
      const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
      for (const [index, name] of [...'bcdefgh'].entries()) {
        levels.push(
          `${name}: &${name} [${Array(9)
            .fill(`*${'abcdefg'[index] ?? 'a'}`)
            .join(', ')}]`,
        );
      }
      const run = await renderWith(
        await templateWith('body\n', `---\n${levels.join('\n')}\n---\n`),
      );
      expect(run.stderr).toMatch(
        /^error: .*hostile\.md: line 3, column 8: the frontmatter uses aliases \(\*name\) too often or they expand to too much data \(yaml allows 100 uses\); write the values out instead\n$/,
      );
      expect(run.code).toBe(1);
    });
  },
);
