/**
 * A Python service's requirements against Debian's packages: what Debian has, which versions
 * differ from the guide's pins, and which shims (python/sitecustomize.py) bridge the API gap.
 * `python3 -m venv` and `pip install` become wrappers around Debian's Python (python-env.ts).
 */
import type { ServiceContext } from './context';
import { checkRequirements, makeVenv, parseRequirements } from './python-env';
import { fail, pass, skip, type Outcome } from './results';

interface Shim {
  name: string;
  /** The package it stands in for, and why Debian's does not do: `FastAPI 0.93's API`. */
  package: string;
  why: string;
  used: RegExp;
}

/** The shims of python/sitecustomize.py and python/uvicorn_worker.py, and when the code needs them. */
const SHIMS: Shim[] = [
  {
    name: 'fastapi-lifespan',
    package: 'fastapi',
    why: "FastAPI 0.93's lifespan=",
    used: /FastAPI\([^)]*\blifespan\s*=/s,
  },
  {
    name: 'redis-aclose',
    package: 'redis',
    why: "redis-py 5.0.1's aclose()",
    used: /\.aclose\(\)/,
  },
  {
    name: 'redis-from-pool',
    package: 'redis',
    why: "redis-py 5.0.1's from_pool()",
    used: /\.from_pool\(/,
  },
  {
    name: 'uvicorn-worker',
    package: 'uvicorn-worker',
    why: 'not packaged by Debian',
    used: /uvicorn_worker/,
  },
];

const normalise = (name: string): string => name.toLowerCase().replace(/[-.]/g, '_');

/** Distributions whose import name is not their own (normalised): `import strawberry`. */
const MODULE_OF: readonly [RegExp, string][] = [
  [/^opentelemetry_/, 'opentelemetry'],
  [/^strawberry_graphql$/, 'strawberry'],
  [/^grpcio$/, 'grpc'],
  [/^grpcio_tools$/, 'grpc_tools'],
  [/^grpcio_health_checking$/, 'grpc_health'],
  [/^protobuf$/, 'google'],
  [/^uvicorn_worker$/, 'uvicorn_worker'],
];

/** The module a distribution is imported as. */
const moduleOf = (distribution: string): string => {
  const name = normalise(distribution);
  return MODULE_OF.find(([pattern]) => pattern.test(name))?.[1] ?? name;
};

function importedModules(code: string): Set<string> {
  const modules = new Set<string>();
  for (const match of code.matchAll(/^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))/gm)) {
    modules.add(normalise((match[1] ?? match[2] ?? '').split('.')[0]!));
  }
  for (const match of code.matchAll(/["']([a-z_]+)\.[\w.]*:[A-Z]\w*["']/g))
    modules.add(normalise(match[1]!));
  return modules;
}

export async function pythonDependencies(
  ctx: ServiceContext,
  done: Map<number, string>,
): Promise<Outcome> {
  const { plan } = ctx;
  makeVenv(ctx.projectDir);
  for (const setup of plan.run.setup) {
    if (setup.kind === 'venv')
      done.set(setup.line, `.venv/bin wrappers around Debian's /usr/bin/python3`);
  }
  const pip = plan.run.setup.find((setup) => setup.kind === 'pip-install');
  const file = pip?.requirements ?? 'requirements.txt';
  const source = plan.project.get(file);
  if (pip)
    done.set(pip.line, `Debian's packages instead (no PyPI here); see the dependencies line`);
  if (source === undefined) return fail(`the guide gives no ${file}`);
  const checks = await checkRequirements(parseRequirements(source));
  const code = plan.files.files.map((path) => plan.project.get(path) ?? '').join('\n');
  const imported = importedModules(code);
  const shims = SHIMS.filter((shim) => shim.used.test(code));
  const missing: string[] = [];
  const notes: string[] = [];
  for (const check of checks) {
    if (check.installed === undefined) {
      if (shims.some((shim) => shim.package === check.name)) continue;
      if (imported.has(moduleOf(check.name))) {
        missing.push(`${check.name}${check.spec}`);
      } else {
        notes.push(
          `${check.name} not installed (no Debian package; the started service does not import it)`,
        );
      }
    } else if (!check.satisfied) {
      notes.push(`Debian's ${check.name} ${check.installed} for ${check.spec}`);
    }
  }
  // What Debian does not package cannot run here: said, not hidden, and not a failure.
  if (missing.length > 0) {
    return skip(
      `${file}: ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no Debian package and the service imports ${missing.length === 1 ? 'it' : 'them'} (no PyPI here): not run`,
    );
  }
  const shimText = shims.map((shim) => `${shim.name} (${shim.why})`).join(', ');
  const parts = [
    `tested on Debian's Python 3 packages${notes.length ? `: ${notes.join(', ')}` : ', at the versions requirements.txt asks'}`,
    ...(shimText ? [`with shims ${shimText}`] : []),
  ];
  return pass(parts.join(' '));
}
