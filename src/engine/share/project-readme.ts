import type { Guide } from '../render/guide';
import { optionLabel, stepName } from '../template/label-text';
import type { TemplateInfo } from '../template/load-template';
import type { ProjectFile } from './project-layout';
import { encodeShareQuery } from './share-query';

/** The script that starts the guide's main service; `scripts/run-*.sh` start the others. */
export const RUN_SCRIPT = 'scripts/run-local.sh';
const OTHER_RUN_SCRIPT = /^scripts\/run-[\w.-]+\.sh$/;
/** The Compose file that starts what the run scripts need (PostgreSQL, Redis, …) locally. */
export const DEV_COMPOSE = 'compose.dev.yaml';
/** Lines of a run script that only make sense inside the script, not typed in a shell. */
const SCRIPT_ONLY = [/^set\s+-/, /^cd\s+"\$\(dirname\s+"\$0"\)/];

/** Markdown's inline marks in running text, escaped; line breaks become spaces. */
function text(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<|]/g, '\\$&');
}

/** A code span that holds `value` whatever backticks it contains. */
function code(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * The commands a run script runs, in order, as a person would type them in the project's
 * folder: its comments kept (but its first line, the path), `set -…` and the `cd` to the
 * script's folder left out, `exec` dropped.
 */
export function runCommands(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line, index) => line !== '' && !(index === 0 && line.startsWith('#')))
    .filter((line) => !SCRIPT_ONLY.some((pattern) => pattern.test(line)))
    .map((line) => line.replace(/^exec\s+/, ''));
}

/** Shell words that are not programs a reader installs. */
const BUILTINS = new Set([
  'export',
  'cd',
  'set',
  'exec',
  'source',
  '.',
  'echo',
  'test',
  '[',
  'true',
]);

/**
 * The programs a run script's commands start (`psql`, `npm`, `go`, …), in order of first use:
 * the first word of each command after any `NAME=value` prefixes, leaving out shell builtins and
 * paths inside the project (`.venv/bin/pip`, `./gradlew`).
 */
export function programsOf(commands: readonly string[]): string[] {
  const programs: string[] = [];
  for (const command of commands) {
    if (command.startsWith('#')) continue;
    const words = command.split(/\s+/).filter((word) => !/^[A-Za-z_]\w*=/.test(word));
    const first = words[0] ?? '';
    if (first === '' || BUILTINS.has(first) || first.includes('/') || !/^[\w.+-]+$/.test(first)) {
      continue;
    }
    if (!programs.includes(first)) programs.push(first);
  }
  return programs;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function choicesPart(template: TemplateInfo, guide: Guide): string[] {
  const lines = template.parameters
    .filter((parameter) => Object.hasOwn(guide.choices, parameter.name))
    .map((parameter) => {
      const value = guide.choices[parameter.name] ?? '';
      const { label } = optionLabel(template, parameter, value);
      const shown = label === value ? code(value) : `${text(label)} (${code(value)})`;
      return `- ${text(stepName(template, parameter))}: ${shown}`;
    });
  const query = `?${encodeShareQuery(template, guide.choices)}`;
  return [
    '## Choices',
    '',
    ...lines,
    '',
    `To open this guide in the wizard again, add this to its address: ${code(query)}`,
  ];
}

function runPart(files: readonly ProjectFile[]): string[] {
  const main = files.find((file) => file.path === RUN_SCRIPT);
  const others = files.filter(
    (file) => file.path !== RUN_SCRIPT && OTHER_RUN_SCRIPT.test(file.path),
  );
  if (!main && others.length === 0) return [];
  const lines = ['## Run it', ''];
  if (files.some((file) => file.path === DEV_COMPOSE)) {
    lines.push(
      `First start what the scripts connect to, on 127.0.0.1 with Docker: \`docker compose -f ${DEV_COMPOSE} up -d --wait\` (the guide's database section says how without Docker).`,
      '',
    );
  }
  if (main) {
    const programs = programsOf(runCommands(main.content));
    if (programs.length > 0) {
      const psql = programs.includes('psql')
        ? " (`psql` is PostgreSQL's client: the `postgresql-client` package on Debian and Ubuntu, `libpq` in Homebrew)"
        : '';
      lines.push(
        `It needs ${listed(programs.map((program) => code(program)))} on this machine${psql}.`,
        '',
      );
    }
    lines.push(
      `From this folder, \`bash ${RUN_SCRIPT}\` starts the service (\`bash\` because an unzipped script may have lost its executable bit). It runs these commands, in order:`,
      '',
      '```sh',
      ...runCommands(main.content),
      '```',
      '',
    );
  }
  if (others.length > 0) {
    const list = others.map((file) => `- ${code(`bash ${file.path}`)}`);
    lines.push(
      main ? 'The other servers of this guide:' : 'The servers of this guide:',
      '',
      ...list,
      '',
    );
  }
  return lines.slice(0, -1);
}

function filesPart(files: readonly ProjectFile[]): string[] {
  const lines = [
    '## Files',
    '',
    `- \`guide.md\`: the whole guide`,
    `- \`config.json\`: these choices, to import in the wizard`,
  ];
  let part: string | undefined;
  for (const file of files) {
    const [top, ...rest] = file.section ?? [];
    if (top !== part && top !== undefined) {
      lines.push('', `### ${text(top)}`, '');
      part = top;
    }
    const title = rest.at(-1);
    lines.push(`- ${code(file.path)}${title === undefined ? '' : `: ${text(title)}`}`);
  }
  return lines;
}

/**
 * The project's README.md: the guide's title, the choices and the link back to them, how to
 * run it (the commands of `scripts/run-local.sh`, when the guide has one), then the files by
 * section.
 */
export function projectReadme(
  template: TemplateInfo,
  guide: Guide,
  files: readonly ProjectFile[],
): string {
  const intro = `Files from the API Performance Wizard for these choices (template ${code(template.meta.name)} ${text(template.meta.version)}), each at the path the guide gives it.`;
  const parts = [
    [`# ${text(guide.title)}`, '', intro],
    choicesPart(template, guide),
    runPart(files),
    filesPart(files),
  ].filter((part) => part.length > 0);
  return `${parts.map((part) => part.join('\n')).join('\n\n')}\n`;
}
