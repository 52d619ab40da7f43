import { parseArgs } from 'node:util';
import { encodeShareQuery, guideFiles, renderGuide } from '../engine/index';
import { EXIT, type CliIo } from './cli-io';
import { loadTemplateFile } from './load-template-file';
import { readChoices } from './read-choices';
import { writeOutput } from './write-output';

export const RENDER_USAGE =
  "api-perf-wizard render [--template FILE] [--set NAME=VALUE]… [--query 'a=b&c=d'] --out DIR [--json]";

/** `render`: writes guide.md, config.json and snippets/ for one set of choices. */
export async function renderCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      template: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] },
      query: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.out) {
    io.err(`error: --out DIR is required\nusage: ${RENDER_USAGE}\n`);
    return EXIT.usage;
  }
  const loaded = await loadTemplateFile(values.template);
  if ('errors' in loaded) {
    io.err(loaded.errors.map((line) => `error: ${line}\n`).join(''));
    return EXIT.failure;
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
  const guide = renderGuide(template, decoded.complete);
  const files = guideFiles(template, guide);
  try {
    await writeOutput(values.out, files);
  } catch (error) {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
  const shareQuery = encodeShareQuery(template, guide.choices);
  if (values.json) {
    const manifest = {
      template: { name: template.meta.name, version: template.meta.version, file: loaded.file },
      parameters: guide.choices,
      shareQuery,
      files: files.map((file) => ({
        path: file.path,
        language: file.language ?? (file.path.endsWith('.md') ? 'markdown' : 'json'),
        section: file.section ?? null,
      })),
      notices: guide.notices.map((notice) => ({
        section: notice.section,
        message: notice.message,
      })),
    };
    io.out(`${JSON.stringify(manifest, null, 2)}\n`);
  } else {
    io.out(
      `Wrote ${files.length} files to ${values.out} (guide.md, config.json, ${guide.blocks.length} snippets)\n`,
    );
    for (const notice of guide.notices) io.out(`note: ${notice.message}\n`);
    io.out(`share query: ?${shareQuery}\n`);
  }
  return EXIT.ok;
}
