import { readFileSync } from 'node:fs';

/** The shipped template's version, from its frontmatter: the `v` every link of the app carries. */
export const TEMPLATE_VERSION = /^version:\s*(\S+)\s*$/m.exec(
  readFileSync(new URL('../../templates/api-performance-optimization.md', import.meta.url), 'utf8'),
)![1]!;

/** The version as it appears in a regular expression: `1\.1\.0`. */
export const VERSION_PATTERN = TEMPLATE_VERSION.replaceAll('.', '\\.');
