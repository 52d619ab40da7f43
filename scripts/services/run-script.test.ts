import { describe, expect, it } from 'vitest';
import { harnessScript, parseRunScript, words } from './run-script';

const SCRIPT = `# scripts/run-local.sh
# Starts the API on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="\${DATABASE_URL:-postgres://app:app@127.0.0.1:6432/app}"  # through PgBouncer
export PORT="\${PORT:-8080}"
npm ci
python3 -m venv .venv
.venv/bin/pip install -r requirements.txt
psql "$MIGRATION_DATABASE_URL" -v ON_ERROR_STOP=1 -f db/schema.sql
exec node src/server.js
`;

describe('parseRunScript', () => {
  it('reads exports, the setup lines it knows and the exec line', () => {
    const script = parseRunScript('scripts/run-local.sh', SCRIPT);
    expect(script.exports).toEqual([
      { name: 'DATABASE_URL', value: 'postgres://app:app@127.0.0.1:6432/app', line: 5 },
      { name: 'PORT', value: '8080', line: 6 },
    ]);
    expect(script.setup.map((setup) => setup.kind)).toEqual([
      'npm-ci',
      'venv',
      'pip-install',
      'psql',
    ]);
    expect(script.setup[3]).toMatchObject({
      file: 'db/schema.sql',
      urlVariable: 'MIGRATION_DATABASE_URL',
    });
    expect(script.exec).toBe('node src/server.js');
    expect(script.problems).toEqual([]);
  });

  it('names every line out of the promised shape', () => {
    const script = parseRunScript(
      'scripts/run-local.sh',
      'export PORT=8080\nnpm install --force\nnode src/server.js\n',
    );
    expect(script.problems).toEqual([
      'line 1: not in the form export NAME="${NAME:-default}"',
      'line 2: not one of the setup lines the harness knows (npm install --force)',
      'line 3: not one of the setup lines the harness knows (node src/server.js)',
      'no exec line: the script must end with exec <command>',
    ]);
  });
});

describe('harnessScript', () => {
  it('keeps the guide’s lines and replaces only the setup lines the harness did', () => {
    const script = parseRunScript('scripts/run-local.sh', SCRIPT);
    const text = harnessScript(SCRIPT, script, new Map([[7, 'node_modules linked']]));
    const lines = text.split('\n');
    expect(lines[6]).toBe('# services harness, instead of `npm ci`: node_modules linked');
    expect(lines[10]).toBe('exec node src/server.js');
    expect(lines.slice(0, 6)).toEqual(SCRIPT.split('\n').slice(0, 6));
  });
});

describe('words', () => {
  it('splits a command line on spaces outside quotes', () => {
    expect(words(`.venv/bin/uvicorn app.main:app --host "$HOST" --port '8080'`)).toEqual([
      '.venv/bin/uvicorn',
      'app.main:app',
      '--host',
      '$HOST',
      '--port',
      '8080',
    ]);
  });
});
