/**
 * Reads a guide's `scripts/run-*.sh` in the shape the template promises (see the README,
 * "Services harness"): exports with overridable defaults, setup lines the harness carries out
 * its own way, and a last `exec` line it runs as written.
 */

export type SetupKind = 'npm-ci' | 'venv' | 'pip-install' | 'psql' | 'other';

export interface SetupLine {
  kind: SetupKind;
  line: number;
  text: string;
  /** For psql: the SQL file and the variable holding the URL. */
  file?: string;
  urlVariable?: string;
  /** For pip: the requirements file. */
  requirements?: string;
}

export interface RunScript {
  path: string;
  exports: { name: string; value: string; line: number }[];
  setup: SetupLine[];
  /** The command after `exec`. */
  exec: string;
  /** Lines out of the promised shape, as `line N: why`. */
  problems: string[];
}

const EXPORT = /^export\s+([A-Za-z_]\w*)="\$\{([A-Za-z_]\w*):-(.*)\}"\s*(?:#.*)?$/;
const PSQL_LINE =
  /^psql\s+"\$\{?([A-Za-z_]\w*)\}?"\s+(?:-v\s+ON_ERROR_STOP=1\s+)?-f\s+(\S+\.sql)\s*$/;
const PIP_LINE = /^(?:\.venv\/bin\/pip|\.venv\/bin\/python\s+-m\s+pip)\s+install\s+-r\s+(\S+)\s*$/;
const KNOWN_PREAMBLE = new Set(['set -euo pipefail', 'cd "$(dirname "$0")/.."']);

export function parseRunScript(path: string, source: string): RunScript {
  const script: RunScript = { path, exports: [], setup: [], exec: '', problems: [] };
  const lines = source.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '' || text.startsWith('#') || KNOWN_PREAMBLE.has(text)) return;
    if (script.exec) {
      script.problems.push(`line ${line}: comes after the exec line`);
      return;
    }
    if (text.startsWith('export ')) {
      const match = EXPORT.exec(text);
      if (!match || match[1] !== match[2]) {
        script.problems.push(`line ${line}: not in the form export NAME="\${NAME:-default}"`);
        const name = /^export\s+([A-Za-z_]\w*)=/.exec(text)?.[1];
        if (name) script.exports.push({ name, value: '', line });
        return;
      }
      script.exports.push({ name: match[1]!, value: match[3]!, line });
      return;
    }
    if (text.startsWith('exec ')) {
      script.exec = text.slice(5).trim();
      return;
    }
    // A downloaded project has no lockfile, so the guide says `npm install`; `npm ci` means
    // the same to the harness, which installs from its own lockfile either way.
    if (text === 'npm install' || text === 'npm ci') {
      script.setup.push({ kind: 'npm-ci', line, text });
      return;
    }
    if (/^python3?\s+-m\s+venv\s+\.venv$/.test(text)) {
      script.setup.push({ kind: 'venv', line, text });
      return;
    }
    const pip = PIP_LINE.exec(text);
    if (pip) {
      script.setup.push({ kind: 'pip-install', line, text, requirements: pip[1]! });
      return;
    }
    const psql = PSQL_LINE.exec(text);
    if (psql) {
      script.setup.push({ kind: 'psql', line, text, urlVariable: psql[1]!, file: psql[2]! });
      return;
    }
    script.setup.push({ kind: 'other', line, text });
    script.problems.push(`line ${line}: not one of the setup lines the harness knows (${text})`);
  });
  if (!script.exec) script.problems.push('no exec line: the script must end with exec <command>');
  return script;
}

/**
 * The script the harness runs: the guide's own lines, with each setup line it carried out
 * itself replaced by a comment saying what it did instead. Lines it does not know run as written.
 */
export function harnessScript(
  source: string,
  script: RunScript,
  done: ReadonlyMap<number, string>,
): string {
  const setupLines = new Map(script.setup.map((setup) => [setup.line, setup]));
  return source
    .split('\n')
    .map((raw, index) => {
      const setup = setupLines.get(index + 1);
      if (!setup || setup.kind === 'other') return raw;
      return `# services harness, instead of \`${setup.text}\`: ${done.get(setup.line) ?? 'done by the harness'}`;
    })
    .join('\n');
}

/** Splits a command line into words, honouring single and double quotes (no expansion). */
export function words(command: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const match of command.matchAll(pattern)) {
    out.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return out;
}
