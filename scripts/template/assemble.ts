/**
 * Assembles each template's source parts into the single file the app and the CLI read.
 *
 *   npx tsx scripts/template/assemble.ts           writes templates/<name>.md from templates/src/<name>/
 *   npx tsx scripts/template/assemble.ts --check   exit 1 if a committed template differs from its parts
 *
 * A part is a Markdown file under templates/src/<name>/. `index.md` is the root; a line that is
 * exactly `{{> some/part}}` is replaced by `some/part.md`, which may include parts in turn. Every
 * part is used exactly once, so nothing can be left behind or shipped twice.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const INCLUDE = /^\{\{>\s*([a-z0-9][a-z0-9/_-]*)\s*\}\}$/;

/** A problem in a template's parts, naming the file and line to fix. */
export class AssembleError extends Error {}

/** The single-file template assembled from the parts in `dir`, starting at `index.md`. */
export function assembleTemplate(dir: string): string {
  const used = new Set<string>();
  const output = expand('index', [], undefined);
  const unused = listParts(dir).filter((part) => !used.has(part));
  if (unused.length > 0) {
    throw new AssembleError(
      `${dir}: ${unused.map((part) => `${part}.md`).join(', ')} ${unused.length === 1 ? 'is' : 'are'} never included; include ${unused.length === 1 ? 'it' : 'them'} with a line {{> name}} or delete ${unused.length === 1 ? 'it' : 'them'}`,
    );
  }
  return output;

  function expand(part: string, stack: readonly string[], from: string | undefined): string {
    if (stack.includes(part)) {
      throw new AssembleError(
        `${from}: including ${part}.md again makes a cycle: ${[...stack, part].join(' > ')}`,
      );
    }
    if (used.has(part)) {
      throw new AssembleError(
        `${from}: ${part}.md is already included elsewhere; a part is used once`,
      );
    }
    let text: string;
    try {
      text = readFileSync(join(dir, `${part}.md`), 'utf8');
    } catch {
      throw new AssembleError(
        `${from ?? dir}: there is no part ${join(dir, `${part}.md`)}; check the name after {{>`,
      );
    }
    used.add(part);
    if (!text.endsWith('\n')) throw new AssembleError(`${part}.md: a part must end with a newline`);
    const lines = text.slice(0, -1).split('\n');
    return lines
      .map((line, index) => {
        const match = INCLUDE.exec(line);
        if (!match) return `${line}\n`;
        return expand(match[1]!, [...stack, part], `${part}.md:${index + 1}`);
      })
      .join('');
  }
}

function listParts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).slice(0, -'.md'.length))
    .sort();
}

/** Each template with parts: its source folder and the single file assembled from it. */
export function templatesWithParts(root: string): { source: string; target: string }[] {
  const sources = join(root, 'templates', 'src');
  return readdirSync(sources, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      source: join(sources, entry.name),
      target: join(root, 'templates', `${entry.name}.md`),
    }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { source, target } of templatesWithParts(root)) {
    let assembled: string;
    try {
      assembled = assembleTemplate(source);
    } catch (error) {
      if (!(error instanceof AssembleError)) throw error;
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
    const current = (() => {
      try {
        return readFileSync(target, 'utf8');
      } catch {
        return undefined;
      }
    })();
    if (current === assembled) continue;
    if (check) {
      stale += 1;
      console.error(
        `error: ${relative(root, target)} differs from its parts; run npm run template`,
      );
    } else {
      writeFileSync(target, assembled);
      console.log(`wrote ${relative(root, target)} (${assembled.length} characters)`);
    }
  }
  process.exit(stale > 0 ? 1 : 0);
}
