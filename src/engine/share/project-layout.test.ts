import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guideFiles, loadTemplate, renderGuide, safeFileName, withLabels } from '../index';
import type { Template } from '../index';
import { fitsLanguage } from '../render/filenames';
import { loadShipped, optionsOf, parameterOf } from '../testing/fixtures';
import { isSafeRelativePath, projectLayout, type ProjectFile } from './project-layout';
import { programsOf, runCommands } from './project-readme';

/** The shipped template, loaded once for every test below that reads it. */
const shipped = loadShipped();
const options = (name: string): string[] => optionsOf(parameterOf(shipped, name));

const FRONTMATTER = `---
name: layout_test
title: Layout test
description: Code blocks at the paths they name
category: testing
difficulty: easy
author: tests
version: 2.0.0
arguments:
  - name: backend
    description: Backend (nodejs, python)
    required: true
  - name: note
    description: A free-text note
    default: "none"
---
`;

const fence = (language: string, code: string) => `\`\`\`${language}\n${code}\n\`\`\`\n`;

/** A template whose body is `body`, and its guide for backend=nodejs. */
function layoutOf(body: string, labels?: unknown): { template: Template; files: ProjectFile[] } {
  const loaded = loadTemplate(`${FRONTMATTER}# Layout\n\n${body}`);
  const template = labels === undefined ? loaded : withLabels(loaded, labels);
  const guide = renderGuide(template, { backend: 'nodejs', note: 'none' });
  return { template, files: projectLayout(template, guide) };
}

/** The paths of the code blocks only (README.md, guide.md and config.json come first). */
const blockPaths = (body: string) =>
  layoutOf(body)
    .files.slice(3)
    .map((file) => file.path);

describe('projectLayout: where each block lands', () => {
  it.each([
    ['javascript', '// src/app.js', 'src/app.js'],
    ['go', '// cmd/api/main.go', 'cmd/api/main.go'],
    ['python', '# app/main.py', 'app/main.py'],
    ['bash', '# scripts/run-local.sh', 'scripts/run-local.sh'],
    ['sql', '-- db/realtime_events.sql', 'db/realtime_events.sql'],
    ['sql', '-- db/001_x.sql', 'db/001_x.sql'],
    ['text', '# requirements.txt', 'requirements.txt'],
    ['yaml', '# compose.yaml', 'compose.yaml'],
    ['xml', '<!-- pom.xml -->', 'pom.xml'],
    ['nginx', '# /etc/nginx/conf.d/api.conf', 'deploy/etc/nginx/conf.d/api.conf'],
    ['ini', '# /etc/systemd/system/api.service', 'deploy/etc/systemd/system/api.service'],
  ])('a %s block named %s lands at %s', (language, first, path) => {
    expect(blockPaths(`## Code\n\n${fence(language, `${first}\nx = 1`)}`)).toEqual([path]);
  });

  it.each([
    ['a parent folder', '# ../app/main.py', 'snippets/main.py'],
    ['a "." part', '# app/./main.py', 'snippets/main.py'],
    ['a hidden folder', '# .venv/main.py', 'snippets/main.py'],
    ['a device name', '# app/con/main.py', 'snippets/main.py'],
    ['a leading dash', '# -app/main.py', 'snippets/main.py'],
    ['a doubled dot', '# app../main.py', 'snippets/main.py'],
    ['too many folders', `# ${'a/'.repeat(12)}main.py`, 'snippets/main.py'],
    [
      'a path over 200 characters',
      `# ${'a'.repeat(99)}/${'b'.repeat(99)}/main.py`,
      'snippets/main.py',
    ],
    ['a name that is not Python', '# app/notes.md', 'snippets/code.py'],
  ])('does not trust a path with %s', (_, first, path) => {
    expect(blockPaths(`## Code\n\n${fence('python', `${first}\nprint(1)`)}`)).toEqual([path]);
  });

  it('puts an untrusted config path where configs go, and SQL in db/', () => {
    const body = `## Pool\n\n${fence('ini', '; ../pgbouncer.ini\n[pgbouncer]\npool_mode = transaction')}${fence('sql', '-- ../../x.sql\nselect 1;')}`;
    expect(blockPaths(body)).toEqual(['deploy/pgbouncer.ini', 'db/x.sql']);
  });

  it('puts a Java class under src/main/java by its package, unless its first line names a path', () => {
    const java = (first: string) =>
      fence('java', `${first}package com.example.perf;\n\npublic final class QueryTimer {\n}`);
    expect(
      blockPaths(
        `## Timing\n\n${java('')}${java('// lib/QueryTimer.java\n')}${fence('java', 'class Hidden {\n}')}${fence('java', 'package con.x;\npublic class Device {}')}`,
      ),
    ).toEqual([
      'src/main/java/com/example/perf/QueryTimer.java',
      'lib/QueryTimer.java',
      'snippets/Timing.java',
      'snippets/Device.java',
    ]);
  });

  it('puts JSON at the path its section names, other JSON in snippets/', () => {
    const body = `## package.json: exact versions\n\n${fence('json', '{ "private": true }')}## appsettings.Production.json: pools\n\n${fence('json', '{ "a": 1 }')}## config/grpc-service-config.json: retries\n\n${fence('json', '{ "c": 3 }')}## ../escape.json: no\n\n${fence('json', '{ "d": 4 }')}## Service config\n\n${fence('json', '{ "b": 2 }')}`;
    expect(blockPaths(body)).toEqual([
      'package.json',
      'appsettings.Production.json',
      'config/grpc-service-config.json',
      'snippets/escape-json-no.json',
      'snippets/service-config.json',
    ]);
    // The download keeps the file's own name.
    const { template } = layoutOf(body);
    expect(renderGuide(template, { backend: 'nodejs', note: 'none' }).blocks[2]?.filename).toBe(
      'grpc-service-config.json',
    );
  });

  it('puts SQL in db/, a k6 script in loadtest/, configs in deploy/, anything else in snippets/', () => {
    const body = [
      `## Query tuning\n\n${fence('sql', 'create index on t (a);')}`,
      `## Load test\n\n${fence('javascript', "import http from 'k6/http';\nexport default function () { http.get('http://x'); }")}`,
      `## Load test in TypeScript\n\n${fence('typescript', "const http = require('k6/http');\nexport default (): void => {};")}`,
      `## Not k6\n\n${fence('javascript', "import http from 'node:http';\nhttp.createServer();")}`,
      `## Values\n\n${fence('yaml', 'replicas: 2')}`,
      `## Limits\n\n${fence('ini', '[Service]\nLimitNOFILE=65536')}`,
      `## Proxy\n\n${fence('nginx', 'server {\n  listen 80;\n}')}`,
      `## Crate\n\n${fence('toml', '[package]\nname = "x"')}`,
      `## Image\n\n${fence('dockerfile', 'FROM node:22\nCMD ["node", "x.js"]')}`,
      `## Shell\n\n${fence('bash', 'echo hi')}`,
    ].join('');
    expect(blockPaths(body)).toEqual([
      'db/query_tuning.sql',
      'loadtest/load-test.js',
      'loadtest/load-test-in-typescript.ts',
      'snippets/not-k6.js',
      'deploy/values.yaml',
      'deploy/limits.ini',
      'deploy/proxy.conf',
      'deploy/crate.toml',
      'snippets/Dockerfile',
      'snippets/shell.sh',
    ]);
  });
});

describe('projectLayout: every path once', () => {
  it('numbers a later duplicate as the downloads are numbered, case-insensitively', () => {
    const body = `## Code\n\n${fence('python', '# app/main.py\nprint(1)')}${fence('python', '# App/Main.py\nprint(2)')}${fence('javascript', '// src/app.js\n1')}${fence('javascript', '// src/app.js\n2')}`;
    expect(blockPaths(body)).toEqual([
      'app/main.py',
      'App/Main_2.py',
      'src/app.js',
      'src/app-2.js',
    ]);
  });

  it('never takes README.md, guide.md or config.json from the project itself', () => {
    const body = `## Docs\n\n${fence('markdown', '<!-- README.md -->\n# Mine')}${fence('markdown', '<!-- guide.md -->\n# Mine')}## config.json: app settings\n\n${fence('json', '{}')}`;
    expect(blockPaths(body)).toEqual(['README-2.md', 'guide-2.md', 'config-2.json']);
  });

  it('never puts a file where another path needs a folder, nor a folder where a file is', () => {
    const body = `## Image\n\n${fence('dockerfile', '# Dockerfile\nFROM x')}${fence('yaml', '# Dockerfile/compose.yaml\na: 1')}${fence('yaml', '# x/Dockerfile/compose.yaml\na: 1')}${fence('dockerfile', '# x/Dockerfile\nFROM y')}`;
    expect(blockPaths(body)).toEqual([
      'Dockerfile',
      'deploy/compose.yaml',
      'x/Dockerfile/compose.yaml',
      'x/Dockerfile-2',
    ]);
  });

  it('marks *.sh, and only them, executable', () => {
    const { files } = layoutOf(
      `## Run\n\n${fence('bash', '# scripts/run-local.sh\nexec node src/server.js')}${fence('bash', 'echo hi')}${fence('python', '# app/main.py\nprint(1)')}`,
    );
    expect(files.map((file) => [file.path, file.executable ?? false])).toEqual([
      ['README.md', false],
      ['guide.md', false],
      ['config.json', false],
      ['scripts/run-local.sh', true],
      ['snippets/run.sh', true],
      ['app/main.py', false],
    ]);
  });
});

const RUN_LOCAL = `# scripts/run-local.sh
# Starts the API; needs PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="\${PORT:-8080}"
npm ci
psql "$MIGRATION_DATABASE_URL" -v ON_ERROR_STOP=1 -f db/realtime_events.sql
exec node src/server.js`;

const LABELS = {
  parameters: {
    backend: {
      step: 'Backend',
      options: {
        nodejs: { label: 'Node.js', description: 'JavaScript on Node' },
        python: { label: 'Python', description: 'Python services' },
      },
    },
  },
};

describe('projectLayout: README.md', () => {
  it('has the title, the choices, the link back, the commands to run it, then the files by section', () => {
    const body = [
      `## 1. Service\n\n### Run it locally\n\n${fence('bash', RUN_LOCAL)}`,
      `### GraphQL run_graphql\n\n${fence('bash', '# scripts/run-graphql.sh\nexec npx tsx src/graphql/server.ts')}`,
      `## 2. Data | SQL\n\n${fence('sql', '-- db/realtime_events.sql\nselect 1;')}`,
    ].join('');
    const { files } = layoutOf(body, LABELS);
    expect(files[0]?.path).toBe('README.md');
    expect(files[0]?.content).toBe(`# Layout

Files from the API Performance Wizard for these choices (template \`layout_test\` 2.0.0), each at the path the guide gives it.

## Choices

- Backend: Node.js (\`nodejs\`)
- A free-text note: \`none\`

To open this guide in the wizard again, add this to its address: \`?backend=nodejs&note=none&v=2.0.0\`

## Run it

It needs \`npm\`, \`psql\` and \`node\` on this machine (\`psql\` is PostgreSQL's client: the \`postgresql-client\` package on Debian and Ubuntu, \`libpq\` in Homebrew).

From this folder, \`bash scripts/run-local.sh\` starts the service (\`bash\` because an unzipped script may have lost its executable bit). It runs these commands, in order:

\`\`\`sh
# Starts the API; needs PostgreSQL and Redis.
export PORT="\${PORT:-8080}"
npm ci
psql "$MIGRATION_DATABASE_URL" -v ON_ERROR_STOP=1 -f db/realtime_events.sql
node src/server.js
\`\`\`

The other servers of this guide:

- \`bash scripts/run-graphql.sh\`

## Files

- \`guide.md\`: the whole guide
- \`config.json\`: these choices, to import in the wizard

### 1. Service

- \`scripts/run-local.sh\`: Run it locally
- \`scripts/run-graphql.sh\`: GraphQL run\\_graphql

### 2. Data \\| SQL

- \`db/realtime_events.sql\`
`);
  });

  it('has no "Run it" without a run script', () => {
    const { files } = layoutOf(`## Data\n\n${fence('sql', 'select 1;')}`);
    expect(files[0]?.content).not.toContain('## Run it');
    expect(files[0]?.content).toContain('### Data\n\n- `db/data.sql`\n');
  });

  it('starts the local services first when the guide has a compose.dev.yaml', () => {
    const compose = fence('yaml', '# compose.dev.yaml\nservices:\n  redis:\n    image: redis:7.4');
    const { files } = layoutOf(`## Local\n\n${compose}## Run\n\n${fence('bash', RUN_LOCAL)}`);
    const readme = files[0]?.content ?? '';
    const first = readme.indexOf('docker compose -f compose.dev.yaml up -d --wait');
    expect(first).toBeGreaterThan(readme.indexOf('## Run it'));
    expect(first).toBeLessThan(readme.indexOf('bash scripts/run-local.sh'));
    const { files: without } = layoutOf(`## Run\n\n${fence('bash', RUN_LOCAL)}`);
    expect(without[0]?.content).not.toContain('docker compose');
  });

  it('names the programs a run script starts, not builtins, assignments or project paths', () => {
    expect(
      programsOf([
        '# a comment',
        'export PORT="${PORT:-8080}"',
        'python3 -m venv .venv',
        '.venv/bin/pip install -r requirements.txt',
        'PGOPTIONS=-c psql "$URL" -f db/schema.sql',
        'cd app',
        'psql -c "select 1"',
        './mvnw spring-boot:run',
        'go run ./cmd/api',
      ]),
    ).toEqual(['python3', 'psql', 'go']);
  });

  it('lists the commands of a run script as they are typed in a shell', () => {
    expect(runCommands(`${RUN_LOCAL}\n`)).toEqual([
      '# Starts the API; needs PostgreSQL and Redis.',
      'export PORT="${PORT:-8080}"',
      'npm ci',
      'psql "$MIGRATION_DATABASE_URL" -v ON_ERROR_STOP=1 -f db/realtime_events.sql',
      'node src/server.js',
    ]);
  });

  it('writes guide.md and config.json exactly as the flat export does', () => {
    const loaded = loadTemplate(`${FRONTMATTER}# Layout\n\n## A\n\n${fence('python', 'print(1)')}`);
    const guide = renderGuide(loaded, { backend: 'python', note: 'a `b` | c' });
    const [readme, ...rest] = projectLayout(loaded, guide);
    const flat = guideFiles(loaded, guide);
    expect(rest.slice(0, 2)).toEqual(flat.slice(0, 2));
    expect(readme?.content).toContain('- A free-text note: ``a `b` | c``\n');
  });
});

describe('isSafeRelativePath', () => {
  it.each([
    '../guide.md',
    '/etc/passwd',
    'snippets/../../x',
    'snippets/..',
    'snippets/',
    './guide.md',
    'a//b',
    'snippets\\..\\x',
    '.api-perf-wizard.json',
    'x/.api-perf-wizard-tmp-0123456789ab/old',
    'con/x.py',
    'x:y',
    '',
  ])('refuses %j', (path) => {
    expect(isSafeRelativePath(path)).toBe(false);
  });

  it('takes every flat download name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        expect(isSafeRelativePath(`snippets/${safeFileName(name, 'snippet')}`)).toBe(true);
      }),
    );
  });
});

describe('projectLayout over the shipped template', () => {
  it('gives every architecture × backend × infrastructure safe, unique paths, naming comments kept', () => {
    for (const api_architecture of options('api_architecture')) {
      for (const backend_technology of options('backend_technology')) {
        for (const infrastructure of options('infrastructure')) {
          const choices = {
            api_architecture,
            backend_technology,
            infrastructure,
            expected_load: 'high',
            data_complexity: 'real-time',
            performance_targets: 'sub-100ms',
          };
          const guide = renderGuide(shipped, choices);
          const files = projectLayout(shipped, guide);
          const what = JSON.stringify(choices);
          const paths = files.map((file) => file.path);
          expect(paths.slice(0, 3), what).toEqual(['README.md', 'guide.md', 'config.json']);
          expect(files.slice(3).map((file) => file.content)).toEqual(
            guide.blocks.map((block) => block.code),
          );
          expect(
            paths.filter((path) => !isSafeRelativePath(path)),
            what,
          ).toEqual([]);
          const lower = paths.map((path) => path.toLowerCase());
          expect(new Set(lower).size, what).toBe(paths.length);
          const folders = new Set(
            lower.flatMap((path) =>
              path
                .split('/')
                .slice(0, -1)
                .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
            ),
          );
          expect(
            lower.filter((path) => folders.has(path)),
            what,
          ).toEqual([]);
          for (const file of files) {
            expect(file.executable ?? false, file.path).toBe(file.path.endsWith('.sh'));
          }
          // A relative path a block names is where it lands, unless an earlier block took it.
          files.slice(3).forEach((file, index) => {
            const named = /^\s*(?:#|\/\/|--|;)\s*([\w-][\w.-]*(?:\/[\w-][\w.-]*)*)\s*$/.exec(
              file.content.split('\n').find((line) => line.trim() !== '') ?? '',
            )?.[1];
            const base = named?.split('/').at(-1) ?? '';
            if (!named || !fitsLanguage(base, file.language ?? 'text') || named.includes('..'))
              return;
            const earlier = lower.slice(0, index + 3);
            expect(file.path === named || earlier.includes(named.toLowerCase()), named).toBe(true);
          });
        }
      }
    }
  }, 60_000);
});

/**
 * The GET routes a block of backend code registers, with path parameters written `*`:
 * Express `app.get('/a/:id')`, FastAPI `@app.get("/a/{id}")`, gin `r.GET("/a/:id")`, axum
 * `.route("/a/{id}", get(…))`, ASP.NET `MapGet("/a/{id:long}")`, Spring `@GetMapping` under the
 * class's `@RequestMapping`, Go's `mux.HandleFunc("GET /a")`, ASP.NET health checks and Spring
 * Boot Actuator's health endpoint.
 */
function getRoutes(code: string): string[] {
  const normal = (path: string) => path.replace(/:\w+|\{[^}]+\}/g, '*').replace(/\/$/, '') || '/';
  const routes: string[] = [];
  const patterns = [
    /\b(?:app|router|r|api|group|g|\w+Router)\.get\(\s*['"`](\/[^'"`]*)['"`]/g,
    /@(?:app|router)\.get\(\s*"(\/[^"]*)"/g,
    /\.route\(\s*"(\/[^"]*)",\s*get\(/g,
    /\bapp\.Map(?:Get|HealthChecks)\(\s*"(\/[^"]*)"/g,
    /\bMapHealthChecks\(\s*"(\/[^"]*)"/g,
    /HandleFunc\(\s*"GET (\/[^"]*)"/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) routes.push(normal(match[1] ?? ''));
  }
  // gin: `api := r.Group("/api")`, then `api.GET("/users/:id", …)`.
  const groups = new Map<string, string>();
  // ASP.NET: `var api = app.MapGroup("/api")`, then `api.MapGet("/users/{id}", …)`.
  for (const match of code.matchAll(/\b(\w+)\s*:?=\s*\w+\.(?:Map)?Group\(\s*"(\/[^"]*)"/g)) {
    groups.set(match[1]!, match[2]!);
  }
  for (const match of code.matchAll(/\b(\w+)\.(?:GET|MapGet)\(\s*"(\/[^"]*)"/g)) {
    if (match[1] === 'app' && /\.MapGet/.test(match[0])) continue;
    routes.push(normal(`${groups.get(match[1]!) ?? ''}${match[2] ?? ''}`));
  }
  const base =
    /@RequestMapping\(\s*"(\/[^"]*)"\s*\)\s*(?:\n\s*@\w+(?:\([^)]*\))?)*\s*\n\s*(?:public\s+)?(?:final\s+)?class/.exec(
      code,
    )?.[1];
  for (const match of code.matchAll(/@GetMapping\(\s*(?:"([^"]*)")?\s*\)/g)) {
    routes.push(normal(`${base ?? ''}${match[1] ?? ''}`));
  }
  // Spring Boot Actuator at the root: /health on the main port unless management has its own,
  // and the probe groups' /livez and /readyz on the main port when added there.
  if (/base-path: \/\s/.test(code) && /include: [^\n]*\bhealth\b/.test(code)) {
    if (!/^management:\n\s+server:\n\s+port:/m.test(code)) routes.push('/health');
    if (/add-additional-paths: true/.test(code)) routes.push('/livez', '/readyz');
  }
  return [...new Set(routes)];
}

describe('the shipped template: the load test and the monitor call routes the service serves', () => {
  it('finds the routes of each framework', () => {
    expect(getRoutes("app.get('/api/users/:id', async (req, res) => {")).toEqual(['/api/users/*']);
    expect(getRoutes('@app.get("/api/users/{user_id}")')).toEqual(['/api/users/*']);
    expect(getRoutes('r.GET("/api/users/:id", func(c *gin.Context) {')).toEqual(['/api/users/*']);
    expect(getRoutes('.route("/api/users/{id}", get(get_user))')).toEqual(['/api/users/*']);
    expect(getRoutes('app.MapGet("/api/users/{id:long}", async (long id) =>')).toEqual([
      '/api/users/*',
    ]);
    expect(
      getRoutes(
        '@RestController\n@RequestMapping("/api/users")\npublic class UserController {\n  @GetMapping("/{id}")\n',
      ),
    ).toEqual(['/api/users/*']);
    expect(getRoutes('.route("/users/{id}", get(get_user))')).toEqual(['/users/*']);
  });

  it('every /api route the load test requests is served by the project (REST and microservices)', () => {
    const missing: string[] = [];
    for (const api_architecture of ['rest', 'microservices']) {
      for (const backend_technology of options('backend_technology')) {
        for (const infrastructure of options('infrastructure')) {
          const choices = {
            api_architecture,
            backend_technology,
            infrastructure,
            expected_load: 'medium',
            data_complexity: 'complex-queries',
            performance_targets: 'sub-500ms',
          };
          const files = projectLayout(shipped, renderGuide(shipped, choices));
          const k6 = files.find((file) => file.path.startsWith('loadtest/'));
          expect(k6, JSON.stringify(choices)).toBeDefined();
          const requested = new Set<string>();
          for (const match of (k6?.content ?? '').matchAll(
            /http\.(?:get|put|post)\(`\$\{BASE_URL\}(\/[^`?]*)/g,
          )) {
            const path = (match[1] ?? '').replace(/\$\{[^}]+\}$/, '*').replace(/\/\d+$/, '/*');
            // Section 1's routes; section 2's REST routes (/products) are mounted by hand so far.
            if (path.startsWith('/api/')) requested.add(path);
          }
          expect(requested.has('/api/users/*'), JSON.stringify(choices)).toBe(true);
          const served = new Set(
            files
              .filter((file) => !/^(loadtest|tools|deploy|db)\//.test(file.path))
              .flatMap((file) => getRoutes(file.content)),
          );
          for (const path of requested) {
            if (!served.has(path))
              missing.push(`${api_architecture}/${backend_technology}/${infrastructure}: ${path}`);
          }
        }
      }
    }
    expect(missing.slice(0, 60)).toEqual([]);
  }, 60_000);
});

describe('the shipped template: the local PostgreSQL, PgBouncer and Redis match the run scripts', () => {
  /** The `key = value` lines of an ini file's `[pgbouncer]` section. */
  const pgbouncerSettings = (ini: string): Map<string, string> => {
    const settings = new Map<string, string>();
    let inSection = false;
    for (const line of ini.split('\n').map((each) => each.trim())) {
      if (line.startsWith('[')) inSection = line === '[pgbouncer]';
      const match = /^(\w+)\s*=\s*(.*)$/.exec(line);
      if (inSection && match) settings.set(match[1]!, match[2]!);
    }
    return settings;
  };

  it('compose.dev.yaml starts PgBouncer exactly when the run script connects through it, with the production settings', () => {
    let withPgBouncer = 0;
    for (const backend_technology of options('backend_technology')) {
      for (const infrastructure of options('infrastructure')) {
        for (const expected_load of options('expected_load')) {
          const choices = {
            api_architecture: 'rest',
            backend_technology,
            infrastructure,
            expected_load,
            data_complexity: 'complex-queries',
            performance_targets: 'sub-500ms',
          };
          const what = JSON.stringify(choices);
          const files = new Map(
            projectLayout(shipped, renderGuide(shipped, choices)).map((file) => [
              file.path,
              file.content,
            ]),
          );
          const compose = files.get('compose.dev.yaml');
          const script = files.get('scripts/run-local.sh');
          expect(compose, what).toBeDefined();
          expect(script, what).toBeDefined();
          // A URL (`…@127.0.0.1:6432/app`, `jdbc:…//127.0.0.1:6432/app`) or Npgsql's `Port=6432`.
          const throughPgBouncer = /127\.0\.0\.1:6432\/|\bPort=6432\b/.test(script ?? '');
          expect(/^ {2}pgbouncer:$/m.test(compose ?? ''), what).toBe(throughPgBouncer);
          expect(files.has('deploy/local/pgbouncer.ini'), what).toBe(throughPgBouncer);
          expect(files.has('deploy/local/userlist.txt'), what).toBe(throughPgBouncer);
          if (!throughPgBouncer) continue;
          withPgBouncer += 1;
          const local = pgbouncerSettings(files.get('deploy/local/pgbouncer.ini') ?? '');
          const production = [...files]
            .filter(([path]) => path.endsWith('pgbouncer.ini') && !path.startsWith('deploy/local/'))
            .map(([, content]) => pgbouncerSettings(content));
          expect(production, what).toHaveLength(1);
          for (const key of [
            'pool_mode',
            'auth_type',
            'max_prepared_statements',
            'ignore_startup_parameters',
            'listen_port',
          ]) {
            expect(local.get(key), `${what} ${key}`).toBe(production[0]?.get(key));
          }
          expect(files.get('deploy/local/userlist.txt'), what).toMatch(/^"app" "app"$/m);
        }
      }
    }
    expect(withPgBouncer).toBeGreaterThan(10);
  }, 60_000);
});

describe('the shipped template: the deployment files carry what the service reads', () => {
  /** Variables the service's code cannot start without (read with no default). */
  const requiredBy = (code: string): string[] => [
    ...[...code.matchAll(/process\.env\.(\w+)\b(?!\s*(?:\?\?|\|\|))/g)].map((m) => m[1]!),
    ...[...code.matchAll(/os\.environ\["(\w+)"\]/g)].map((m) => m[1]!),
    ...[...code.matchAll(/std::env::var\("(\w+)"\)\?/g)].map((m) => m[1]!),
    ...[...code.matchAll(/pgxpool\.ParseConfig\(os\.Getenv\("(\w+)"\)\)/g)].map((m) => m[1]!),
    ...[...code.matchAll(/GetConnectionString\("(\w+)"\)/g)].map(
      (m) => `ConnectionStrings__${m[1]!}`,
    ),
    ...[...code.matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1]!),
  ];

  it('api.env names every variable the service needs, and every manifest reads api.env', () => {
    let checked = 0;
    for (const backend_technology of options('backend_technology')) {
      for (const infrastructure of options('infrastructure').filter(
        (each) => each !== 'serverless',
      )) {
        for (const expected_load of ['low', 'high']) {
          const choices = {
            api_architecture: 'rest',
            backend_technology,
            infrastructure,
            expected_load,
            data_complexity: 'simple-crud',
            performance_targets: 'sub-500ms',
          };
          const what = JSON.stringify(choices);
          const files = projectLayout(shipped, renderGuide(shipped, choices));
          const env = files.find((file) => file.path === 'api.env')?.content;
          expect(env, what).toBeDefined();
          const keys = new Set(
            (env ?? '').split('\n').flatMap((line) => /^([A-Za-z_]\w*)=/.exec(line)?.[1] ?? []),
          );
          // The service's own code: section 1's files, not tools, load tests or section 2's servers.
          const service = files.filter(
            (file) =>
              /\.(js|py|go|rs|cs|java|ya?ml)$/.test(file.path) &&
              !/^(loadtest|tools|deploy|db|scripts|config)\//.test(file.path) &&
              !/(graphql|grpc|ws|catalog|yoga|otel|resilien|orders|inventory)/i.test(file.path),
          );
          const required = new Set(service.flatMap((file) => requiredBy(file.content)));
          required.delete('AWS_LAMBDA_RUNTIME_API');
          if (backend_technology === 'java') {
            // application.yml's datasource and Redis hosts are localhost defaults.
            required.add('SPRING_DATASOURCE_URL').add('SPRING_DATA_REDIS_HOST');
          }
          if (backend_technology === 'dotnet') required.add('PGPASSWORD');
          expect(
            [...required].filter((name) => !keys.has(name)),
            `${what}: read by the service, missing from api.env`,
          ).toEqual([]);
          // Through PgBouncer exactly when the guide's run script is.
          const script = files.find((file) => file.path === 'scripts/run-local.sh')?.content ?? '';
          const throughPgBouncer = /127\.0\.0\.1:6432\/|\bPort=6432\b/.test(script);
          expect(/:6432\/|Port=6432\b/.test(env ?? ''), `${what}: PgBouncer`).toBe(
            throughPgBouncer,
          );
          // Every manifest that starts the service reads the file.
          const manifests = files.filter((file) =>
            /(^|\/)(api-deployment\.yaml|compose\.yaml|api(-jvm|-dotnet)?\.service)$/.test(
              file.path,
            ),
          );
          expect(manifests.length, what).toBeGreaterThan(0);
          for (const manifest of manifests) {
            const reads = manifest.path.endsWith('.service')
              ? manifest.content.includes('EnvironmentFile=/etc/api/api.env')
              : manifest.path.endsWith('compose.yaml')
                ? /^\s+env_file: api\.env$/m.test(manifest.content)
                : /envFrom:\s*\n\s*- secretRef:\s*\n\s*name: api-env/.test(manifest.content);
            expect(reads, `${what}: ${manifest.path}`).toBe(true);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBe(36);
  }, 60_000);
});
