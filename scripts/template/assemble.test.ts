import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleTemplate, templatesWithParts } from './assemble';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('template parts', () => {
  it('every shipped template with parts is exactly its assembled parts (run npm run template)', () => {
    const templates = templatesWithParts(root);
    expect(templates.length).toBeGreaterThan(0);
    for (const { source, target } of templates) {
      expect(readFileSync(target, 'utf8') === assembleTemplate(source), target).toBe(true);
    }
  });

  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const parts = (files: Record<string, string>): string => {
    dir = mkdtempSync(join(tmpdir(), 'parts-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };

  it('replaces an include line by the part, nested, byte for byte', () => {
    const source = parts({
      'index.md': 'top\n{{> a/b}}\nend {{> not-alone}}\n',
      'a/b.md': 'b1\n{{> c}}\n',
      'c.md': 'c1\n\n',
    });
    expect(assembleTemplate(source)).toBe('top\nb1\nc1\n\nend {{> not-alone}}\n');
  });

  it('names the missing part and where it is included', () => {
    const source = parts({ 'index.md': 'x\n{{> gone}}\n' });
    expect(() => assembleTemplate(source)).toThrow(/index\.md:2: there is no part .*gone\.md/);
  });

  it('refuses a part used twice, a cycle, a part never used and a missing final newline', () => {
    expect(() =>
      assembleTemplate(parts({ 'index.md': '{{> a}}\n{{> a}}\n', 'a.md': 'a\n' })),
    ).toThrow(/index\.md:2: a\.md is already included elsewhere/);
    rmSync(dir, { recursive: true });
    expect(() =>
      assembleTemplate(parts({ 'index.md': '{{> a}}\n', 'a.md': '{{> index}}\n' })),
    ).toThrow(/cycle: index > a > index/);
    rmSync(dir, { recursive: true });
    expect(() => assembleTemplate(parts({ 'index.md': 'x\n', 'left.md': 'y\n' }))).toThrow(
      /left\.md is never included/,
    );
    rmSync(dir, { recursive: true });
    expect(() => assembleTemplate(parts({ 'index.md': '{{> a}}\n', 'a.md': 'a' }))).toThrow(
      /a\.md: a part must end with a newline/,
    );
  });
});
