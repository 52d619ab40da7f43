import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../testing/fixtures';
import { guideFiles } from '../share/guide-files';
import { MAX_FILENAME_BYTES, safeFileName, uniqueFileNames } from './filenames';
import { renderGuide } from './render-guide';

const encoder = new TextEncoder();
const DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Everything a name must not be, as a list of reasons (empty when the name is safe). */
function problemsOf(name: string): string[] {
  const problems: string[] = [];
  if (name === '') problems.push('empty');
  if (encoder.encode(name).length > MAX_FILENAME_BYTES) problems.push('over 255 bytes');
  if (/[/\\<>:"|?*\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(name)) problems.push('unsafe character');
  if (name.includes('..')) problems.push('..');
  if (/^[. ]|[. ]$/.test(name)) problems.push('leading or trailing dot or space');
  if (DEVICE.test(name.split('.')[0]?.trim() ?? '')) problems.push('device name');
  return problems;
}

const anyName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(...'aZ0 ./\\:*?"<>|\u0000\u001f\u202e\u200b.é😀', 'con', 'LPT1', '..'),
    maxLength: 120,
  }),
  fc
    .tuple(
      fc.string({ unit: 'grapheme', minLength: 200, maxLength: 400 }),
      fc.constantFrom('.md', '.json', '.tar.gz', ''),
    )
    .map(([stem, extension]) => `${stem}${extension}`),
);

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\windows\\win.ini', 'windows-win.ini'],
    ['a/b\\c', 'a-b-c'],
    ['report..final.md', 'report.final.md'],
    ['CON', 'CON_'],
    ['con.txt', 'con_.txt'],
    ['Lpt9.tar.gz', 'Lpt9_.tar.gz'],
    ['aux .md', 'aux_.md'],
    ['a<b>c:d"e|f?g*h.md', 'a-b-c-d-e-f-g-h.md'],
    ['tab\there\u0000nul\u202eevil.md', 'tab-here-nul-evil.md'],
    ['trailing. . ', 'trailing'],
    ['  .hidden', 'hidden'],
    ['', 'download'],
    ['...', 'download'],
    ['/', 'download'],
    ['guide.md', 'guide.md'],
  ])('%j becomes %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('cuts a long name to 255 bytes on a character boundary and keeps the extension', () => {
    const name = safeFileName(`${'😀'.repeat(100)}.md`);
    expect(encoder.encode(name).length).toBeLessThanOrEqual(255);
    expect(name).toBe(`${'😀'.repeat(63)}.md`);
    expect(safeFileName(`${'é'.repeat(300)}.json`)).toBe(`${'é'.repeat(125)}.json`);
  });

  it('property: any unicode input gives a safe, non-empty name, and safe names stay as they are', () => {
    fc.assert(
      fc.property(anyName, (input) => {
        const name = safeFileName(input);
        const problems = problemsOf(name);
        if (problems.length > 0) throw new Error(`${JSON.stringify(name)}: ${problems.join(', ')}`);
        if (safeFileName(name) !== name) throw new Error(`not stable: ${JSON.stringify(name)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: keeps a short plain extension', () => {
    const stem = fc.string({ unit: 'grapheme', maxLength: 400 });
    const extension = fc.constantFrom('.md', '.json', '.zip', '.py', '.yaml');
    fc.assert(
      fc.property(stem, extension, (text, ext) => {
        expect(safeFileName(`a${text}${ext}`).endsWith(ext)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('uniqueFileNames', () => {
  it('numbers names that differ only in case, or become the same once made safe', () => {
    expect(uniqueFileNames(['Guide.md', 'guide.md', 'GUIDE.MD', 'a/b.md', 'a\\b.md'])).toEqual([
      'Guide.md',
      'guide-2.md',
      'GUIDE-3.MD',
      'a-b.md',
      'a-b-2.md',
    ]);
  });

  it('property: safe, unique case-insensitively, within 255 bytes even when numbered', () => {
    fc.assert(
      fc.property(fc.array(anyName, { minLength: 1, maxLength: 12 }), (inputs) => {
        const names = uniqueFileNames([...inputs, ...inputs]);
        for (const name of names) {
          const problems = problemsOf(name);
          if (problems.length > 0)
            throw new Error(`${JSON.stringify(name)}: ${problems.join(', ')}`);
        }
        expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('zip entries of a guide', () => {
  it('are safe and unique case-insensitively, path by path', () => {
    for (const fixture of [
      'seed.md',
      'ci-cd-pipeline.md',
      'analytics-dashboard-design.md',
    ] as const) {
      const template = loadFixture(fixture);
      const choices = Object.fromEntries(
        template.parameters.map((p) => [
          p.name,
          p.kind === 'choice' ? (p.options[0]?.value ?? '') : 'dev',
        ]),
      );
      const paths = guideFiles(template, renderGuide(template, choices)).map((file) => file.path);
      expect(new Set(paths.map((path) => path.toLowerCase())).size).toBe(paths.length);
      for (const path of paths) {
        const parts = path.split('/');
        expect(parts.length === 1 || (parts.length === 2 && parts[0] === 'snippets')).toBe(true);
        expect(problemsOf(parts.at(-1) ?? '')).toEqual([]);
      }
    }
  });
});
