import { open, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  formatTemplateIssue,
  LabelsError,
  LIMITS,
  loadTemplate,
  TemplateError,
  withLabels,
  type Template,
} from '../engine/index';
import { EXIT } from './cli-io';
import { describeFsError } from './fs-errors';

/** The template the app ships, used when no --template is given. */
export const SHIPPED_TEMPLATE = fileURLToPath(
  new URL('../../templates/api-performance-optimization.md', import.meta.url),
);

/** Largest template file read, in bytes: the engine's limit in characters (limits.ts). */
export const MAX_TEMPLATE_FILE_BYTES: number = LIMITS.templateChars;
/** Largest labels file read: the shipped one is 3.8 KB. */
export const MAX_LABELS_FILE_BYTES = 256 * 1024;

export type LoadedTemplate =
  | { template: Template; file: string }
  /** `code`: 2 when a file cannot be read as a template at all, 1 when the template is wrong. */
  | { errors: string[]; code: typeof EXIT.failure | typeof EXIT.usage };

/** `foo.md` is labelled by `foo.labels.json` beside it, when that file exists. */
export function labelsFileOf(file: string): string {
  return file.replace(/\.[^./]+$/, '') + '.labels.json';
}

/**
 * Reads and loads a template file and its labels file, turning every failure into lines a
 * person can act on. Used by the CLI and by the build, so both read templates the same way.
 */
export async function loadTemplateFile(file = SHIPPED_TEMPLATE): Promise<LoadedTemplate> {
  const source = await readTextFile(file, 'template', MAX_TEMPLATE_FILE_BYTES);
  if (typeof source !== 'string') {
    return { errors: [source?.error ?? `no template at ${file}`], code: EXIT.usage };
  }
  let template: Template;
  try {
    template = loadTemplate(source);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return {
      errors: error.issues.map((issue) => `${file}: ${formatTemplateIssue(issue)}`),
      code: EXIT.failure,
    };
  }
  const labelsFile = labelsFileOf(file);
  const labelsText = await readTextFile(labelsFile, 'labels file', MAX_LABELS_FILE_BYTES, true);
  if (labelsText === undefined) return { template, file };
  if (typeof labelsText !== 'string') return { errors: [labelsText.error], code: EXIT.usage };
  try {
    return { template: withLabels(template, JSON.parse(labelsText)), file };
  } catch (error) {
    const failure = (errors: string[]) => ({ errors, code: EXIT.failure });
    if (error instanceof LabelsError) {
      return failure(error.issues.map((issue) => `${labelsFile}: ${formatTemplateIssue(issue)}`));
    }
    if (error instanceof SyntaxError) {
      return failure([`${labelsFile}: not valid JSON: ${error.message.split('\n')[0]}`]);
    }
    throw error;
  }
}

/**
 * A regular file's text, checked before it is read: a folder, a device (`/dev/zero`), a pipe
 * or a file over `limit` bytes is refused with one line, and never more than `limit` bytes are
 * read, even if the file grows meanwhile. `optional`: a missing file is undefined.
 */
async function readTextFile(
  file: string,
  what: string,
  limit: number,
  optional = false,
): Promise<string | { error: string } | undefined> {
  let size: number;
  try {
    const stats = await stat(file);
    if (stats.isDirectory()) {
      return { error: `cannot read the ${what} ${file}: it is a folder; give the path of a file` };
    }
    if (!stats.isFile()) {
      return {
        error: `cannot read the ${what} ${file}: it is not a regular file (a device, pipe or socket); give the path of a file`,
      };
    }
    size = stats.size;
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { error: describeFsError(error, `read the ${what}`, file) };
  }
  const tooLarge = (bytes: number) => ({
    error: `cannot read the ${what} ${file}: it is ${megabytes(bytes)}; a ${what} is at most ${megabytes(limit)} (the shipped one is ${what === 'template' ? '0.4 MB' : '4 KB'}). Is this the right file?`,
  });
  if (size > limit) return tooLarge(size);
  let bytes: Buffer;
  try {
    bytes = await readAtMost(file, limit + 1);
  } catch (error) {
    return { error: describeFsError(error, `read the ${what}`, file) };
  }
  if (bytes.length > limit) return tooLarge(bytes.length);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      error: `cannot read the ${what} ${file}: it is not UTF-8 text; save it as UTF-8 and try again`,
    };
  }
}

async function readAtMost(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    let filled = 0;
    while (filled < bytes) {
      const { bytesRead } = await handle.read(buffer, filled, bytes - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

const megabytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
