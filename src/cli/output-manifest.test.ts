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
    expect(parseManifest(text)).toEqual({
      files: new Map(FILES.map((file) => [file.path, sha256(file.content)])),
    });
  });

  it.each([
    '../guide.md',
    '/etc/passwd',
    'snippets/../../x',
    'snippets/..',
    'snippets/',
    './guide.md',
    'snippets\\..\\x',
    'src//app.js',
    '.api-perf-wizard.json',
    '.api-perf-wizard-tmp-0123456789ab/old/guide.md',
    'src/.hidden/app.js',
    'src/con/app.js',
    'C:/x.txt',
    `${'a/'.repeat(600)}x`,
  ])('is not ours when it lists %s, and says so', (path) => {
    expect(parseManifest(withPath(path))).toEqual({
      problem: `it lists ${JSON.stringify(path)}, not a file this command writes`,
    });
  });

  it.each([
    'notes.txt',
    'snippets/mine/important.sql',
    'src/main/java/com/example/perf/QueryMetrics.java',
    'deploy/etc/nginx/conf.d/api.conf',
    'scripts/run-local.sh',
  ])('takes a project path such as %s', (path) => {
    expect(parseManifest(withPath(path))).toEqual({
      files: new Map(
        [path, ...FILES.slice(1).map((file) => file.path)].map((p) => [p, expect.any(String)]),
      ),
    });
  });

  it('is not ours in any other shape, and says why in a few words', () => {
    const good = JSON.parse(manifestText(FILES)) as Record<string, unknown>;
    const cases: [unknown, string][] = [
      [{ ...good, version: 2 }, 'its version is not 1'],
      [{ ...good, format: 'something else' }, 'its format is not "api-perf-wizard output"'],
      [{ ...good, extra: true }, 'it has "extra", which this command never writes'],
      [
        { ...good, files: [{ path: 'guide.md', sha256: 'abc' }] },
        'files[0].sha256 is not what this command writes',
      ],
      [
        { ...good, files: [{ path: 'guide.md', sha256: sha256(''), size: 0 }] },
        'it has "size", which this command never writes',
      ],
      [
        {
          ...good,
          files: [...FILES, FILES[0]].map((f) => ({ path: f?.path, sha256: sha256('') })),
        },
        'a path is listed twice',
      ],
      [[], 'not the shape this command writes'],
      [null, 'not the shape this command writes'],
    ];
    for (const [bad, problem] of cases) {
      expect(parseManifest(JSON.stringify(bad))).toEqual({ problem });
    }
    expect(parseManifest('{"format": "api-perf-wizard output"')).toEqual({ problem: 'not JSON' });
  });
});
