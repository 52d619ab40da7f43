import { describe, expect, it } from 'vitest';
import { manifestText, parseManifest, sha256 } from './output-manifest';

const FILES = [
  { path: 'guide.md', content: '# Guide\n' },
  { path: 'config.json', content: '{}\n' },
  { path: 'snippets/cache.py', content: 'print()\n' },
];

/** A manifest as the CLI writes it, with its first file's path replaced. */
function withPath(path: string): string {
  return manifestText(FILES).replace('"guide.md"', JSON.stringify(path));
}

describe('output manifest', () => {
  it('lists every file with its sha256, and reads back', () => {
    const text = manifestText(FILES);
    expect(JSON.parse(text)).toEqual({
      format: 'api-perf-wizard output',
      version: 1,
      files: FILES.map((file) => ({ path: file.path, sha256: sha256(file.content) })),
    });
    expect(parseManifest(text)).toEqual(
      new Map(FILES.map((file) => [file.path, sha256(file.content)])),
    );
  });

  it.each([
    '../guide.md',
    '/etc/passwd',
    'snippets/../../x',
    'snippets/..',
    'snippets/mine/important.sql',
    'snippets/',
    './guide.md',
    'notes.txt',
    'snippets\\..\\x',
  ])('is not ours when it lists %s', (path) => {
    expect(parseManifest(withPath(path))).toBeUndefined();
  });

  it('is not ours in any other shape', () => {
    const good = JSON.parse(manifestText(FILES)) as Record<string, unknown>;
    for (const bad of [
      { ...good, version: 2 },
      { ...good, format: 'something else' },
      { ...good, extra: true },
      { ...good, files: [{ path: 'guide.md', sha256: 'abc' }] },
      { ...good, files: [{ path: 'guide.md', sha256: sha256(''), size: 0 }] },
      { ...good, files: [...FILES, FILES[0]].map((f) => ({ path: f?.path, sha256: sha256('') })) },
      [],
      null,
    ]) {
      expect(parseManifest(JSON.stringify(bad))).toBeUndefined();
    }
    expect(parseManifest('{"format": "api-perf-wizard output"')).toBeUndefined();
  });
});
