import { parseArgs } from 'node:util';
import {
  encodeShareQuery,
  formatTemplateIssue,
  guideFiles,
  projectLayout,
  RenderLimitError,
  renderGuide,
  type Guide,
  type GuideFile,
  type ProjectFile,
} from '../engine/index';
import { EXIT, type CliIo } from './cli-io';
import { loadTemplateFile } from './load-template-file';
import { readChoices } from './read-choices';
import { readSizing } from './read-sizing';
import { describeFsError } from './fs-errors';
import { OutputError } from './output-fs';
import { listSome } from './output-messages';
import { InterruptedError } from './signal-guard';
import { writeOutput, type WriteOutputResult } from './write-output';

export const RENDER_USAGE =
  "api-perf-wizard render [--template FILE] [--set NAME=VALUE]… [--query 'a=b&c=d'] [--sizing NAME=NUMBER]… --out DIR [--layout flat|project] [--force] [--json]";

const LAYOUTS = ['flat', 'project'] as const;
type Layout = (typeof LAYOUTS)[number];

/**
 * `render`: writes guide.md, config.json and snippets/ for one set of choices, or with
 * `--layout project` the project: README.md, guide.md, config.json and each file at its path.
 */
export async function renderCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      template: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] },
      sizing: { type: 'string', multiple: true, default: [] },
      query: { type: 'string' },
      out: { type: 'string' },
      layout: { type: 'string', default: 'flat' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.out) {
    io.err(`error: --out DIR is required\nusage: ${RENDER_USAGE}\n`);
    return EXIT.usage;
  }
  const layout = LAYOUTS.find((name) => name === values.layout);
  if (layout === undefined) {
    io.err(
      `error: --layout ${JSON.stringify(values.layout)} is not a layout; use flat (guide.md, config.json, snippets/) or project\nusage: ${RENDER_USAGE}\n`,
    );
    return EXIT.usage;
  }
  const loaded = await loadTemplateFile(values.template);
  if ('errors' in loaded) {
    io.err(loaded.errors.map((line) => `error: ${line}\n`).join(''));
    return loaded.code;
  }
  const { template } = loaded;
  const decoded = readChoices(template, values.query, values.set);
  const errors = decoded.problems.filter((problem) => problem.kind !== 'version-mismatch');
  const warnings = decoded.problems.filter((problem) => problem.kind === 'version-mismatch');
  io.err(warnings.map((problem) => `warning: ${problem.message}\n`).join(''));
  if (errors.length > 0 || !decoded.complete) {
    io.err(errors.map((problem) => `error: ${problem.message}\n`).join(''));
    io.err('Nothing was written. List the settings with: api-perf-wizard params\n');
    return EXIT.usage;
  }
  const sizing = readSizing(template, values.sizing);
  if ('errors' in sizing) {
    io.err(sizing.errors.map((line) => `error: ${line}\n`).join(''));
    io.err('Nothing was written.\n');
    return EXIT.usage;
  }
  let guide: Guide;
  try {
    guide = renderGuide(template, decoded.complete, { exact: sizing.exact });
  } catch (error) {
    // The template asked for more than one guide may take (limits.ts): its fault, located.
    if (!(error instanceof RenderLimitError)) throw error;
    io.err(
      error.issues
        .map((issue) => `error: ${loaded.file}: ${formatTemplateIssue(issue)}\n`)
        .join(''),
    );
    io.err('Nothing was written.\n');
    return EXIT.failure;
  }
  const files: (GuideFile | ProjectFile)[] =
    layout === 'project' ? projectLayout(template, guide) : guideFiles(template, guide);
  let written: WriteOutputResult;
  try {
    written = await writeOutput(values.out, files, { force: values.force });
  } catch (error) {
    const message =
      error instanceof OutputError ? error.message : describeFsError(error, 'write to', values.out);
    io.err(`error: ${message}\n`);
    return error instanceof InterruptedError ? error.exitCode : EXIT.usage;
  }
  const shareQuery = encodeShareQuery(template, guide.choices);
  if (values.json) {
    const manifest = {
      template: { name: template.meta.name, version: template.meta.version, file: loaded.file },
      parameters: guide.choices,
      shareQuery,
      layout,
      files: files.map((file) => ({
        path: file.path,
        language: file.language ?? (file.path.endsWith('.md') ? 'markdown' : 'json'),
        section: file.section ?? null,
        ...('executable' in file && file.executable ? { executable: true } : {}),
      })),
      notices: guide.notices.map((notice) => ({
        section: notice.section,
        message: notice.message,
      })),
    };
    io.out(`${JSON.stringify(manifest, null, 2)}\n`);
    // stdout stays one JSON document; what happened to the folder goes to stderr.
    io.err(changesLines(written));
  } else {
    io.out(`Wrote ${files.length} files to ${values.out} (${writtenSummary(layout, guide)})\n`);
    io.out(changesLines(written));
    for (const notice of guide.notices) io.out(`note: ${notice.message}\n`);
    io.out(`share query: ?${shareQuery}\n`);
  }
  if (written.warning !== undefined) io.err(`warning: ${written.warning}\n`);
  return EXIT.ok;
}

/** What the folder holds now, in a few words. */
function writtenSummary(layout: Layout, guide: Guide): string {
  const count = guide.blocks.length;
  if (layout === 'flat') return `guide.md, config.json, ${count} snippets`;
  return `a project: README.md, guide.md, config.json and ${count} files of the guide at their paths`;
}

/** What the write did to files already in the folder: one line each, or nothing. */
function changesLines({ replaced, removed, forced }: WriteOutputResult): string {
  const lines: string[] = [];
  if (replaced.length > 0 || removed.length > 0) {
    const gone =
      removed.length > 0
        ? `, removed ${removed.length} it no longer has (${listSome(removed)})`
        : '';
    lines.push(`Replaced ${replaced.length} files of the earlier output${gone}.`);
  }
  if (forced.length > 0) {
    lines.push(`Replaced your ${listSome(forced)} (--force); nothing else of yours was touched.`);
  }
  return lines.map((line) => `${line}\n`).join('');
}
