/**
 * Python services run on Debian's Python 3 and Debian's packages (the machine reaches no
 * PyPI): the guide's `.venv/bin/…` commands are small wrappers around /usr/bin/python3, the
 * requirements are compared with what Debian has, and where the guide's code needs a newer API
 * the shims in scripts/services/python add it (see sitecustomize.py there).
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exec } from './exec';

export const PYTHON = '/usr/bin/python3';
export const SHIM_DIR = join(dirname(fileURLToPath(import.meta.url)), 'python');

export interface Requirement {
  name: string;
  spec: string;
}

export interface RequirementCheck extends Requirement {
  /** Debian's installed version, or undefined when Debian has no such package here. */
  installed?: string;
  satisfied: boolean;
}

/** `fastapi[standard]==0.115.6  # comment` → { name: 'fastapi', spec: '==0.115.6' }. */
export function parseRequirements(text: string): Requirement[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('-'))
    .map((line) => {
      const match = /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*(.*?)(?:;.*)?$/.exec(line);
      return { name: match?.[1] ?? line, spec: (match?.[2] ?? '').replace(/\s+/g, '') };
    });
}

function release(version: string): number[] {
  return (/^\d+(?:\.\d+)*/.exec(version)?.[0] ?? '0').split('.').map(Number);
}

function compare(a: string, b: string): number {
  const x = release(a);
  const y = release(b);
  for (let index = 0; index < Math.max(x.length, y.length); index += 1) {
    const difference = (x[index] ?? 0) - (y[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** PEP 440 specifiers on release numbers: ==, !=, >=, <=, >, <, ~=, and `==1.2.*`. */
export function satisfies(version: string, spec: string): boolean {
  return spec
    .split(',')
    .filter(Boolean)
    .every((clause) => {
      const match = /^(~=|==|!=|>=|<=|>|<|===)(.+)$/.exec(clause);
      if (!match) return false;
      const [, operator, wanted] = match as unknown as [string, string, string];
      if (wanted.endsWith('.*')) {
        const prefix = release(wanted.slice(0, -2));
        const same = prefix.every((part, index) => release(version)[index] === part);
        return operator === '!=' ? !same : same;
      }
      const order = compare(version, wanted);
      switch (operator) {
        case '==':
        case '===':
          return order === 0;
        case '!=':
          return order !== 0;
        case '>=':
          return order >= 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        case '<':
          return order < 0;
        default: {
          // ~=X.Y.Z: >= X.Y.Z and == X.Y.*
          const parts = release(wanted);
          const prefix = parts.slice(0, Math.max(parts.length - 1, 1));
          return order >= 0 && prefix.every((part, index) => release(version)[index] === part);
        }
      }
    });
}

const VERSIONS_SCRIPT = `
import importlib.metadata as metadata, json, sys
out = {}
for name in sys.argv[1:]:
    try:
        out[name] = metadata.version(name)
    except metadata.PackageNotFoundError:
        out[name] = None
print(json.dumps(out))
`;

/** Each requirement against Debian's installed version. */
export async function checkRequirements(
  requirements: readonly Requirement[],
): Promise<RequirementCheck[]> {
  const result = await exec(PYTHON, ['-c', VERSIONS_SCRIPT, ...requirements.map((r) => r.name)], {
    timeoutMs: 20_000,
  });
  const versions = (result.code === 0 ? JSON.parse(result.stdout) : {}) as Record<
    string,
    string | null
  >;
  return requirements.map((requirement) => {
    const installed = versions[requirement.name] ?? undefined;
    return {
      ...requirement,
      ...(installed === undefined ? {} : { installed }),
      satisfied:
        installed !== undefined &&
        (requirement.spec === '' || satisfies(installed, requirement.spec)),
    };
  });
}

/**
 * `.venv/bin/python`, `python3`, `uvicorn`, `gunicorn` as wrappers around Debian's Python, in
 * place of `python3 -m venv .venv` and `pip install`.
 */
export function makeVenv(projectDir: string): void {
  const bin = join(projectDir, '.venv', 'bin');
  mkdirSync(bin, { recursive: true });
  const wrappers: Record<string, string> = {
    python: `exec ${PYTHON} "$@"`,
    python3: `exec ${PYTHON} "$@"`,
    uvicorn: `exec ${PYTHON} -m uvicorn "$@"`,
    gunicorn: `exec ${PYTHON} -m gunicorn "$@"`,
    pip: `echo "services harness: no pip here; the harness runs on Debian's packages" >&2; exit 1`,
  };
  for (const [name, body] of Object.entries(wrappers)) {
    const file = join(bin, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
  }
}
