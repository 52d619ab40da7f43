import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isSafeRelativePath } from '../engine/index';

/** The file in an output folder that says which files `render` wrote there, and their bytes. */
export const MANIFEST_FILE = '.api-perf-wizard.json';
const FORMAT = 'api-perf-wizard output';
/** Manifests larger than this were not written by the CLI (a guide has tens of files). */
export const MAX_MANIFEST_BYTES = 1_000_000;

/**
 * Only the paths `render` writes: relative, inside the folder, every part a plain file name
 * (no `..`, no hidden or empty parts, nothing a disk would refuse; isSafeRelativePath).
 */
const outputPathSchema = z.string().refine(isSafeRelativePath, 'not a path this command writes');

export const outputManifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(1),
  files: z
    .array(z.strictObject({ path: outputPathSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .max(10_000)
    .refine((files) => new Set(files.map((file) => file.path)).size === files.length, {
      message: 'a path is listed twice',
    }),
});
export type OutputManifest = z.infer<typeof outputManifestSchema>;

/** Hex sha256 of a file's bytes (a string is taken as UTF-8, as the files are written). */
export function sha256(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest for a set of files, as `render` writes it (ends with a newline). */
export function manifestText(files: readonly { path: string; content: string }[]): string {
  const manifest: OutputManifest = {
    format: FORMAT,
    version: 1,
    files: files.map((file) => ({ path: file.path, sha256: sha256(file.content) })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** A manifest read back: the files it lists (path → sha256), or why it is not one the CLI wrote. */
export type ReadManifest = { files: Map<string, string> } | { problem: string };

/** Reads a manifest; anything but a shape `render` writes gets a short reason, e.g. "not JSON". */
export function parseManifest(text: string): ReadManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'not JSON' };
  }
  const parsed = outputManifestSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { problem: manifestProblem(parsed.error.issues[0]) };
  return { files: new Map(parsed.data.files.map((file) => [file.path, file.sha256])) };
}

function manifestProblem(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'not the shape this command writes';
  const [key, , field] = issue.path;
  if (key === 'files' && field === 'path' && typeof issue.input === 'string') {
    return `it lists ${JSON.stringify(issue.input)}, not a file this command writes`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `it has ${issue.keys.map((name) => JSON.stringify(name)).join(', ')}, which this command never writes`;
  }
  if (issue.code === 'custom') return issue.message;
  if (key === 'format') return `its format is not ${JSON.stringify(FORMAT)}`;
  if (key === 'version') return 'its version is not 1';
  if (issue.path.length === 0) return 'not the shape this command writes';
  const where = issue.path.map((part) =>
    typeof part === 'number' ? `[${part}]` : `.${String(part)}`,
  );
  return `${where.join('').slice(1)} is not what this command writes`;
}
