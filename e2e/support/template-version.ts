import { readFileSync } from 'node:fs';

/** The shipped template's version, from its frontmatter: the `v` every link of the app carries. */
export const TEMPLATE_VERSION = /^version:\s*(\S+)\s*$/m.exec(
  readFileSync(new URL('../../templates/api-performance-optimization.md', import.meta.url), 'utf8'),
)![1]!;
