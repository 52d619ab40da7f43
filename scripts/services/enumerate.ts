/**
 * Every distinct service the template can produce: each configuration laid out as a project
 * (projectLayout, as the zip and the CLI write it), each `scripts/run*.sh` in it a service,
 * deduplicated by the content of the files that service needs.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import {
  projectLayout,
  renderGuide,
  renderMarkdown,
  type Choices,
  type Template,
} from '../../src/engine/index';
import { combinations } from '../snippets/check-template';
import { gracePeriod } from './grace-period';
import { parseRunScript, words, type RunScript } from './run-script';
import { execEntries, serviceFiles, type ServiceFiles } from './service-files';

export type Runtime = 'node' | 'python' | 'other';

export interface ServicePlan {
  /** `nodejs rest containerized #1`, with the script's name for extra servers (`… #1 graphql`). */
  name: string;
  key: string;
  runtime: Runtime;
  /** For `other`: what it would need (`go`, `cargo`, …). */
  tool: string;
  script: string;
  run: RunScript;
  /** The first configuration that has it, and how many have it. */
  choices: Choices;
  configurations: number;
  /** `backend architecture infrastructure` of every configuration that has it. */
  groups: Set<string>;
  /** The whole project of that first configuration. */
  project: Map<string, string>;
  files: ServiceFiles;
}

export interface Enumeration {
  configurations: number;
  services: ServicePlan[];
  /** The keys of the services of each configuration, by the configuration's group. */
  byConfiguration: { group: string; choices: Choices; keys: string[] }[];
}

const RUN_SCRIPT = /^scripts\/run(?:-[\w.-]+)?\.sh$/;
const RUN_SCRIPT_LINE = /^\s*#\s*scripts\/run(?:-[\w.-]+)?\.sh\s*$/m;

export function groupOf(choices: Choices): string {
  return [choices.backend_technology, choices.api_architecture, choices.infrastructure]
    .filter(Boolean)
    .join(' ');
}

/** node (node, npx, npm), python (.venv/bin/…, python3), or the tool another runtime needs. */
export function runtimeOf(command: string): { runtime: Runtime; tool: string } {
  const first = words(command)[0] ?? '';
  const tool = posix.basename(first);
  if (['node', 'npx', 'npm', 'tsx'].includes(tool)) return { runtime: 'node', tool };
  if (first.startsWith('.venv/bin/') || /^python3?(\.\d+)?$/.test(tool)) {
    return { runtime: 'python', tool };
  }
  return { runtime: 'other', tool };
}

/** The fenced code and the headings of a guide: all that decides its project's code files. */
function codeShape(markdown: string): string {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker?.startsWith(fence)) fence = undefined;
    else if (fence === undefined && !/^#{1,6}\s/.test(line)) continue;
    kept.push(line);
  }
  return digest(kept);
}

function digest(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The files whose content makes two services the same: what runs, builds and configures it. */
function keyFiles(
  project: ReadonlyMap<string, string>,
  run: RunScript,
  files: ServiceFiles,
): string[] {
  const paths = new Set([run.path, ...files.files]);
  for (const build of ['package.json', 'requirements.txt'])
    if (project.has(build)) paths.add(build);
  for (const setup of run.setup) if (setup.file) paths.add(setup.file);
  for (const path of project.keys()) if (posix.basename(path) === 'pgbouncer.ini') paths.add(path);
  return [...paths].sort();
}

export function enumerateServices(
  template: Template,
  filter?: (choices: Choices) => boolean,
): Enumeration {
  const all = combinations(template).filter((choices) => !filter || filter(choices));
  const services = new Map<string, ServicePlan>();
  const counters = new Map<string, number>();
  const byConfiguration: Enumeration['byConfiguration'] = [];
  const byShape = new Map<string, string[]>();
  for (const choices of all) {
    const group = groupOf(choices);
    // Markdown is cheap, a Guide and its layout are not: configurations whose code and headings
    // are the same lay out the same files, so their services are worked out once.
    const markdown = renderMarkdown(template, choices);
    const shape = RUN_SCRIPT_LINE.test(markdown) ? codeShape(markdown) : '';
    const seen = byShape.get(shape);
    if (seen) {
      for (const key of seen) {
        const known = services.get(key)!;
        known.configurations += 1;
        known.groups.add(group);
      }
      byConfiguration.push({ group, choices, keys: seen });
      continue;
    }
    const keys: string[] = [];
    byShape.set(shape, keys);
    byConfiguration.push({ group, choices, keys });
    if (!shape) continue;
    const guide = renderGuide(template, choices);
    const layout = projectLayout(template, guide);
    const project = new Map(layout.map((file) => [file.path, file.content]));
    for (const [path, source] of project) {
      if (!RUN_SCRIPT.test(path)) continue;
      const run = parseRunScript(path, source);
      const { runtime, tool } = runtimeOf(run.exec);
      const files = serviceFiles(project, execEntries(project, run.exec));
      const grace = gracePeriod(project);
      const key = digest([
        runtime,
        `${grace.seconds} ${grace.source}`,
        ...keyFiles(project, run, files).flatMap((file) => [file, project.get(file) ?? '']),
      ]);
      keys.push(key);
      const known = services.get(key);
      if (known) {
        known.configurations += 1;
        known.groups.add(group);
        continue;
      }
      const suffix = posix.basename(path, '.sh').replace(/^run-?/, '');
      const counter = `${group} ${suffix}`;
      const number = (counters.get(counter) ?? 0) + 1;
      counters.set(counter, number);
      services.set(key, {
        name: `${group} #${number}${suffix && suffix !== 'local' ? ` ${suffix}` : ''}`,
        key,
        runtime,
        tool,
        script: path,
        run,
        choices,
        configurations: 1,
        groups: new Set([group]),
        project,
        files,
      });
    }
  }
  return { configurations: all.length, services: [...services.values()], byConfiguration };
}
