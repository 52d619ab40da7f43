import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  formatTemplateIssue,
  LabelsError,
  loadTemplate,
  TemplateError,
  withLabels,
  type Template,
} from '../engine/index';

/** The template the app ships, used when no --template is given. */
export const SHIPPED_TEMPLATE = fileURLToPath(
  new URL('../../templates/api-performance-optimization.md', import.meta.url),
);

export type LoadedTemplate = { template: Template; file: string } | { errors: string[] };

/** `foo.md` is labelled by `foo.labels.json` beside it, when that file exists. */
export function labelsFileOf(file: string): string {
  return file.replace(/\.[^./]+$/, '') + '.labels.json';
}

/**
 * Reads and loads a template file and its labels file, turning every failure into lines a
 * person can act on. Used by the CLI and by the build, so both read templates the same way.
 */
export async function loadTemplateFile(file = SHIPPED_TEMPLATE): Promise<LoadedTemplate> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return { errors: [`cannot read template ${file}: ${reason}`] };
  }
  let template: Template;
  try {
    template = loadTemplate(source);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { errors: error.issues.map((issue) => `${file}: ${formatTemplateIssue(issue)}`) };
  }
  const labelsFile = labelsFileOf(file);
  const labelsText = await readFile(labelsFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (labelsText === undefined) return { template, file };
  try {
    return { template: withLabels(template, JSON.parse(labelsText)), file };
  } catch (error) {
    if (error instanceof LabelsError) {
      return {
        errors: error.issues.map((issue) => `${labelsFile}: ${formatTemplateIssue(issue)}`),
      };
    }
    if (error instanceof SyntaxError)
      return { errors: [`${labelsFile}: not valid JSON: ${error.message}`] };
    throw error;
  }
}
