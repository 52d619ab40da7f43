import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The file in an output folder that says which files `render` wrote there, and their bytes. */
export const MANIFEST_FILE = '.api-perf-wizard.json';
const FORMAT = 'api-perf-wizard output';
/** Manifests larger than this were not written by the CLI (a guide has tens of files). */
export const MAX_MANIFEST_BYTES = 1_000_000;

/** Only the shapes `render` writes: guide.md, config.json, snippets/<one name>. */
const outputPathSchema = z
  .string()
  .regex(/^(?:guide\.md|config\.json|snippets\/[^/\\\0]{1,255})$/)
  .refine((path) => path !== 'snippets/.' && path !== 'snippets/..', 'not a file name');

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

/** The files a manifest lists (path → sha256), or undefined when it is not one the CLI wrote. */
export function parseManifest(text: string): Map<string, string> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = outputManifestSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return new Map(parsed.data.files.map((file) => [file.path, file.sha256]));
}
