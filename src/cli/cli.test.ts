import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  guideFiles,
  loadTemplate,
  projectLayout,
  renderGuide,
  withLabels,
  type GuideFile,
  type Template,
} from '../engine/index';
import { MANIFEST_FILE, manifestText } from './output-manifest';
import { lockFolder, snapshot } from './testing/disk-snapshot';
import { cli, tempFolders, type Run } from './testing/run-cli';

const SHIPPED = fileURLToPath(
  new URL('../../templates/api-performance-optimization.md', import.meta.url),
);
/** The product owner's original (1.0.0), which still has empty blocks and their notices. */
const SEED = fileURLToPath(new URL('../engine/__fixtures__/seed.md', import.meta.url));
const QUERY =
  'api_architecture=grpc&backend_technology=python&expected_load=extreme&data_complexity=complex-queries&performance_targets=sub-100ms&infrastructure=serverless';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const folders = tempFolders();
const freshDir = folders.make;
afterAll(folders.removeAll);

/** A template file as the CLI reads it: with the labels file beside it, when there is one. */
async function templateOf(file: string): Promise<Template> {
  const template = loadTemplate(await readFile(file, 'utf8'));
  const labels = file.replace(/\.md$/, '.labels.json');
  return existsSync(labels)
    ? withLabels(template, JSON.parse(await readFile(labels, 'utf8')))
    : template;
}

/** What the engine gives for a query (and a template file), as the CLI should write it. */
async function engineFiles(query: string, file = SHIPPED): Promise<GuideFile[]> {
  const template = await templateOf(file);
  return guideFiles(
    template,
    renderGuide(template, Object.fromEntries(new URLSearchParams(query))),
  );
}

/** The project folder: the user's own guide.md, config.json, snippets and notes. */
async function userProject(): Promise<string> {
  const dir = join(await freshDir(), 'project');
  await mkdir(join(dir, 'snippets', 'mine'), { recursive: true });
  await writeFile(join(dir, 'guide.md'), '# My own guide\n');
  await writeFile(join(dir, 'config.json'), '{ "mine": true }\n');
  await writeFile(join(dir, 'snippets', 'mine', 'important.sql'), 'select * from mine;\n');
  await writeFile(join(dir, 'notes.txt'), 'do not lose\n');
  return dir;
}

/** `render --json` of QUERY with a Rust backend into a fresh directory (extra args first). */
async function renderRustJson(...extra: string[]): Promise<{ out: string; run: Run }> {
  const out = join(await freshDir(), 'out');
  const query = QUERY.replace('python', 'rust');
  return { out, run: await cli('render', ...extra, '--query', query, '--out', out, '--json') };
}

/** Each test starts the real CLI (Node + tsx) one or more times: slow on a busy machine. */
const CLI_TIMEOUT = { timeout: 60_000 };

describe('api-perf-wizard render', CLI_TIMEOUT, () => {
  it('takes exact figures with --sizing: the worksheet and every number that follows say so', async () => {
    const out = join(await freshDir(), 'out');
    const run = await cli(
      'render',
      '--query',
      QUERY,
      '--sizing',
      'peakRps=40000',
      '--sizing',
      'dbVcpu=16',
      '--out',
      out,
    );
    expect(run.code).toBe(0);
    const guide = await readFile(join(out, 'guide.md'), 'utf8');
    expect(guide).toContain('| Peak request rate | 40,000 rps | your figure |');
    expect(guide).toContain('| Database host vCPU | 16 vCPU | your figure |');
    const template = await templateOf(SHIPPED);
    const choices = Object.fromEntries(new URLSearchParams(QUERY));
    expect(guide).toBe(
      renderGuide(template, choices, { exact: { peakRps: 40_000, dbVcpu: 16 } }).markdown,
    );
  });

  it('refuses --sizing figures that are not whole numbers in range, naming each, and writes nothing', async () => {
    const out = join(await freshDir(), 'out');
    const run = await cli(
      'render',
      '--query',
      QUERY,
      '--sizing',
      'peakRps=-3',
      '--sizing',
      'p95=4',
      '--out',
      out,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --sizing peakRps: "-3" is not a whole number');
    expect(run.stderr).toContain(
      'give NAME=NUMBER with NAME one of peakRps, p95Ms, dbVcpu, dbRamGb, instanceVcpu',
    );
    const big = await cli('render', '--query', QUERY, '--sizing', 'dbVcpu=1000', '--out', out);
    expect(big.stderr).toContain('error: --sizing dbVcpu: too big: expected number to be <=256');
    await expect(readFile(join(out, 'guide.md'), 'utf8')).rejects.toThrow();
  });

  it('writes guide.md, config.json and every snippet, byte for byte what the engine gives', async () => {
    const out = join(await freshDir(), 'out');
    const run = await cli(
      'render',
      '--query',
      QUERY,
      '--set',
      'backend_technology=go',
      '--out',
      out,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const template = await templateOf(SHIPPED);
    const choices = Object.fromEntries(new URLSearchParams(QUERY));
    const expected = guideFiles(
      template,
      renderGuide(template, { ...choices, backend_technology: 'go' }),
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Wrote ${expected.length} files to .*/out \\(guide\\.md, config\\.json, ${expected.length - 2} snippets\\)\n`,
      ),
    );
    expect(await listFiles(out)).toEqual(
      [MANIFEST_FILE, ...expected.map((file) => file.path)].sort(),
    );
    for (const file of expected) {
      expect(await readFile(join(out, file.path), 'utf8')).toBe(file.content);
    }
    expect(await readFile(join(out, MANIFEST_FILE), 'utf8')).toBe(manifestText(expected));
    expect(JSON.parse(await readFile(join(out, 'config.json'), 'utf8'))).toEqual({
      template: 'api_performance_optimization',
      version: template.meta.version,
      choices: { ...choices, backend_technology: 'go' },
    });
  });

  it('prints a manifest with --json', async () => {
    const { run } = await renderRustJson('--template', SEED);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      template: { name: 'api_performance_optimization', version: '1.0.0', file: SEED },
      parameters: { backend_technology: 'rust', api_architecture: 'grpc' },
      shareQuery: `${QUERY.replace('python', 'rust')}&v=1.0.0`,
      notices: [
        {
          section: ['1. Performance Analysis & Baseline', 'API Performance Profiling Framework'],
          message:
            'This guide has no code for “API Performance Profiling Framework” with backend_technology “rust” yet.',
        },
      ],
    });
    expect(manifest.files).toEqual([
      { path: 'guide.md', language: 'markdown', section: null },
      { path: 'config.json', language: 'json', section: null },
      {
        path: 'snippets/multi-level-caching-implementation.yaml',
        language: 'yaml',
        section: ['2. Caching Strategies', 'Multi-Level Caching Implementation'],
      },
      {
        path: 'snippets/advanced_caching_implementation.py',
        language: 'python',
        section: ['2. Caching Strategies', 'Advanced Caching Implementation'],
      },
      {
        path: 'snippets/query_optimization_strategies.sql',
        language: 'sql',
        section: ['3. Database Optimization', 'Query Optimization Strategies'],
      },
      {
        path: 'snippets/comprehensive-load-testing-framework.js',
        language: 'javascript',
        section: [
          '4. Load Testing & Performance Validation',
          'Comprehensive Load Testing Framework',
        ],
      },
      {
        path: 'snippets/performance_monitoring_dashboard.py',
        language: 'python',
        section: ['4. Load Testing & Performance Validation', 'Performance Monitoring Dashboard'],
      },
    ]);
  });

  it('gives Rust its own files and no notices with the shipped template', async () => {
    const { out, run } = await renderRustJson();
    expect(run.code).toBe(0);
    const manifest = JSON.parse(run.stdout) as { notices: unknown[]; files: { path: string }[] };
    expect(manifest.notices).toEqual([]);
    const paths = manifest.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['snippets/Cargo.toml', 'snippets/telemetry.rs']));
    expect(await readFile(join(out, 'snippets/telemetry.rs'), 'utf8')).toMatch(
      /^\/\/ src\/telemetry\.rs\n/,
    );
  });

  it('rejects bad input with one line per problem, exits 2 and writes nothing', async () => {
    const out = join(await freshDir(), 'out');
    const run = await cli(
      'render',
      '--query',
      'api_architecture=soap&backend_technology=go&backend_technology=rust&colour=blue',
      '--set',
      'expected_load=huge',
      '--out',
      out,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      'error: api_architecture: “soap” is not an option; allowed: rest, graphql, grpc, websocket, microservices.',
      'error: backend_technology is given 2 times (“go”, “rust”); keep one.',
      'error: “colour” is not a setting of this guide.',
      'error: expected_load: “huge” is not an option; allowed: low, medium, high, extreme.',
      'error: data_complexity is missing: Data complexity.',
      'error: performance_targets is missing: Performance targets.',
      'error: infrastructure is missing: Infrastructure type.',
      'Nothing was written. List the settings with: api-perf-wizard params',
      '',
    ]);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('reports a malformed template with its line and exits 1', async () => {
    const dir = await freshDir();
    const file = join(dir, 'broken.md');
    const source = (await readFile(SEED, 'utf8')).replace(
      '{{#if (eq backend_technology "go")}}',
      '{{#if (eq backend "go")}}',
    );
    await writeFile(file, source);
    const run = await cli(
      'render',
      '--template',
      file,
      '--query',
      QUERY,
      '--out',
      join(dir, 'out'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: .*broken\.md: line 572, column 11: unknown name "backend"; declared parameters: api_architecture/,
    );
    await expect(readdir(join(dir, 'out'))).rejects.toThrow(/ENOENT/);
  });

  it('replaces an earlier output, leaving no stale snippets', async () => {
    const out = join(await freshDir(), 'out');
    const seed = ['--template', SEED];
    expect((await cli('render', ...seed, '--query', QUERY, '--out', out)).code).toBe(0);
    const again = await cli(
      'render',
      ...seed,
      '--query',
      QUERY.replace('python', 'java'),
      '--out',
      out,
      '--json',
    );
    expect(again.code).toBe(0);
    // stdout stays one JSON document; what happened to the earlier files is said on stderr.
    expect(JSON.parse(again.stdout)).toMatchObject({ parameters: { backend_technology: 'java' } });
    expect(again.stderr).toBe(
      'Replaced 7 files of the earlier output, removed 1 it no longer has (snippets/api_performance_profiling_framework.py).\n',
    );
    const files = await listFiles(out);
    expect(files).not.toContain('snippets/api_performance_profiling_framework.py');
    expect(files).toContain(MANIFEST_FILE);
    expect(files).toHaveLength(8);
  });

  it('refuses a folder of the user’s own files and leaves every byte of it (issue 10)', async () => {
    const project = await userProject();
    const before = await snapshot(project);
    expect(await cli('render', '--query', QUERY, '--out', project)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${project} holds files this command did not write (guide.md, config.json, notes.txt and snippets/mine/…); it would replace guide.md and config.json. Choose an empty or new folder, or add --force to replace those two files (nothing else of yours is touched).\n`,
    });
    expect(await snapshot(project)).toEqual(before);

    const forced = await cli('render', '--query', QUERY, '--out', project, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(
      '\nReplaced your guide.md and config.json (--force); nothing else of yours was touched.\n',
    );
    const expected = await engineFiles(QUERY);
    const after = await snapshot(project);
    expect(Object.keys(after).sort()).toEqual(
      [...Object.keys(before), MANIFEST_FILE, ...expected.map((file) => file.path)]
        .filter((path, index, all) => all.indexOf(path) === index)
        .sort(),
    );
    for (const file of expected) expect(after[file.path]?.bytes?.toString()).toBe(file.content);
    for (const path of ['notes.txt', 'snippets/mine', 'snippets/mine/important.sql']) {
      expect(after[path], path).toEqual(before[path]);
    }
  });

  it('replaces its own earlier files beside the user’s only with --force, keeping theirs', async () => {
    const out = join(await freshDir(), 'out');
    const seed = ['--template', SEED];
    const java = QUERY.replace('python', 'java');
    expect((await cli('render', ...seed, '--query', QUERY, '--out', out)).code).toBe(0);
    await mkdir(join(out, 'snippets', 'mine'));
    await writeFile(join(out, 'snippets', 'mine', 'important.sql'), 'select * from mine;\n');
    await writeFile(join(out, 'notes.txt'), 'do not lose\n');
    const before = await snapshot(out);
    expect(await cli('render', ...seed, '--query', java, '--out', out)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${out} holds files this command did not write (notes.txt and snippets/mine/…); it would replace none of them. Choose an empty or new folder, or add --force to write there anyway (nothing of yours is touched).\n`,
    });
    expect(await snapshot(out)).toEqual(before);

    const run = await cli('render', ...seed, '--query', java, '--out', out, '--force');
    expect(run.code).toBe(0);
    const [earlier, expected] = [await engineFiles(QUERY, SEED), await engineFiles(java, SEED)];
    const paths = new Set(expected.map((file) => file.path));
    const stale = earlier.filter((file) => !paths.has(file.path)).map((file) => file.path);
    expect(stale).toEqual(['snippets/api_performance_profiling_framework.py']);
    expect(run.stdout).toContain(
      `\nReplaced ${earlier.length - stale.length} files of the earlier output, removed 1 it no longer has (${stale[0]}).\n`,
    );
    const after = await snapshot(out);
    expect(Object.keys(after).sort()).toEqual(
      [
        MANIFEST_FILE,
        'notes.txt',
        'snippets',
        'snippets/mine',
        'snippets/mine/important.sql',
        ...paths,
      ].sort(),
    );
    for (const file of expected) expect(after[file.path]?.bytes?.toString()).toBe(file.content);
    for (const path of ['notes.txt', 'snippets/mine', 'snippets/mine/important.sql']) {
      expect(after[path], path).toEqual(before[path]);
    }
  });

  it('puts everything back when replacing fails half way (issue 10)', async ({ skip }) => {
    const out = join(await freshDir(), 'out');
    const seed = ['--template', SEED];
    expect((await cli('render', ...seed, '--query', QUERY, '--out', out)).code).toBe(0);
    // guide.md and config.json are moved aside first; then the locked snippets/ stops it.
    const unlock = await lockFolder(join(out, 'snippets'));
    if (!unlock) return skip('running as root on a file system without chattr +i');
    try {
      const before = await snapshot(out);
      const run = await cli(
        'render',
        ...seed,
        '--query',
        QUERY.replace('python', 'java'),
        '--out',
        out,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^error: cannot (replace|remove|write) \S+\/out\/snippets\/\S+: (operation not permitted \(EPERM\)|permission denied \(EACCES\)); [^\n]+\n$/,
      );
      expect(await snapshot(out)).toEqual(before);
    } finally {
      await unlock();
    }
  });

  it('says in one line why --out cannot be a folder, exits 2 and changes nothing', async () => {
    const root = await freshDir();
    await writeFile(join(root, 'a-file'), 'mine');
    await symlink(join(root, 'nowhere'), join(root, 'dangling'));
    await symlink('loop-b', join(root, 'loop-a'));
    await symlink('loop-a', join(root, 'loop-b'));
    await mkdir(join(root, 'locked'));
    const unlock = await lockFolder(join(root, 'locked'));
    const cases: [string, string | RegExp][] = [
      [
        'a-file',
        `cannot write to ${root}/a-file: it is a file, not a folder; choose a new or empty folder`,
      ],
      [
        'dangling',
        `cannot write to ${root}/dangling: it is a symbolic link to something that does not exist; remove the link or choose a new or empty folder`,
      ],
      [
        'loop-a',
        `cannot write to ${root}/loop-a: too many symbolic links (a loop?) (ELOOP); fix the symbolic links or choose another path`,
      ],
      [
        'a-file/sub/out',
        `cannot create the folder ${root}/a-file/sub/out: ${root}/a-file is a file, not a folder; choose another path`,
      ],
      ...(unlock
        ? [
            [
              'locked',
              /^cannot write to \S+\/locked: (operation not permitted \(EPERM\)|permission denied \(EACCES\)); .+$/,
            ] as [string, RegExp],
          ]
        : []),
    ];
    try {
      const before = await snapshot(root);
      for (const [out, message] of cases) {
        const run = await cli('render', '--query', QUERY, '--out', join(root, out));
        expect({ code: run.code, stdout: run.stdout }, out).toEqual({ code: 2, stdout: '' });
        expect(run.stderr.split('\n'), out).toHaveLength(2);
        const line = run.stderr.replace(/^error: |\n$/g, '');
        if (typeof message === 'string') expect(line, out).toBe(message);
        else expect(line, out).toMatch(message);
      }
      expect(await snapshot(root)).toEqual(before);
    } finally {
      await unlock?.();
    }
  });

  it('writes the project layout with --layout project, byte for byte, scripts executable', async () => {
    const out = join(await freshDir(), 'out');
    const query = QUERY.replace('python', 'java').replace('serverless', 'traditional');
    const run = await cli(
      'render',
      '--query',
      query,
      '--out',
      out,
      '--layout',
      'project',
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const template = await templateOf(SHIPPED);
    const expected = projectLayout(
      template,
      renderGuide(template, Object.fromEntries(new URLSearchParams(query))),
    );
    expect(expected.slice(0, 3).map((file) => file.path)).toEqual([
      'README.md',
      'guide.md',
      'config.json',
    ]);
    expect(await listFiles(out)).toEqual(
      [MANIFEST_FILE, ...expected.map((file) => file.path)].sort(),
    );
    const written = await snapshot(out);
    for (const file of expected) {
      expect(written[file.path]?.bytes?.toString(), file.path).toBe(file.content);
      const executable = ((written[file.path]?.mode ?? 0) & 0o111) !== 0;
      expect(executable, file.path).toBe(file.path.endsWith('.sh'));
    }
    expect(expected.some((file) => file.path.endsWith('.sh'))).toBe(true);
    const manifest = JSON.parse(run.stdout) as { layout: string; files: unknown[] };
    expect(manifest.layout).toBe('project');
    expect(manifest.files).toEqual(
      expected.map((file) => ({
        path: file.path,
        language: file.language ?? (file.path.endsWith('.md') ? 'markdown' : 'json'),
        section: file.section ?? null,
        ...(file.executable ? { executable: true } : {}),
      })),
    );

    // The flat output over it, and back: each replaces the other without --force.
    const flat = await cli('render', '--query', query, '--out', out);
    expect(flat.code).toBe(0);
    expect(await listFiles(out)).toEqual(
      [MANIFEST_FILE, ...(await engineFiles(query)).map((file) => file.path)].sort(),
    );
    expect(await readdir(out)).toEqual(
      expect.arrayContaining(['guide.md', 'config.json', 'snippets', MANIFEST_FILE]),
    );
    expect(await readdir(out)).toHaveLength(4);
    const back = await cli('render', '--query', query, '--out', out, '--layout', 'project');
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(
      new RegExp(
        `^Wrote ${expected.length} files to .*/out \\(a project: README\\.md, guide\\.md, config\\.json and ${expected.length - 3} files of the guide at their paths\\)\n`,
      ),
    );
    expect(await listFiles(out)).toEqual(
      [MANIFEST_FILE, ...expected.map((file) => file.path)].sort(),
    );
  });

  it('explains usage errors', async () => {
    expect(await cli('render', '--query', QUERY)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--out DIR is required/),
    });
    expect(await cli('render', '--frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown option '--frobnicate'/),
    });
    expect(await cli('render', '--query', QUERY, '--out', 'x', '--layout', 'tree')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^error: --layout "tree" is not a layout; use flat \(guide\.md, config\.json, snippets\/\) or project\n/,
      ),
    });
    expect(await cli('bake')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown command "bake"/),
    });
  });
});

describe('api-perf-wizard params', CLI_TIMEOUT, () => {
  it('lists the settings with their options', async () => {
    const run = await cli('params', '--json');
    expect(run.code).toBe(0);
    const { parameters } = JSON.parse(run.stdout) as { parameters: { name: string }[] };
    expect(parameters.map((parameter) => parameter.name)).toEqual([
      'api_architecture',
      'backend_technology',
      'expected_load',
      'data_complexity',
      'performance_targets',
      'infrastructure',
    ]);
  });
});
