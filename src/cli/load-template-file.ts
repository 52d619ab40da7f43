import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadTemplate, TemplateError, formatTemplateIssue, type Template } from '../engine/index';

/** The template the app ships, used when no --template is given. */
export const SHIPPED_TEMPLATE = fileURLToPath(
  new URL('../../templates/api-performance-optimization.md', import.meta.url),
);

export type LoadedTemplate = { template: Template; file: string } | { errors: string[] };

/** Reads and loads a template file, turning every failure into lines a person can act on. */
export async function loadTemplateFile(file = SHIPPED_TEMPLATE): Promise<LoadedTemplate> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return { errors: [`cannot read template ${file}: ${reason}`] };
  }
  try {
    return { template: loadTemplate(source), file };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { errors: error.issues.map((issue) => `${file}: ${formatTemplateIssue(issue)}`) };
  }
}
