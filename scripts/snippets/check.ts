/**
 * Checks every code block of every configuration of a template with real parsers.
 *
 *   npx tsx scripts/snippets/check.ts [template.md]
 *   npx tsx scripts/snippets/check.ts --fragment part.md   (a body without frontmatter: rendered
 *     under the shipped template's parameters, varying only the parameters it mentions)
 *
 * Exit 0 when every snippet parses, 1 with one paragraph per problem otherwise.
 */
import { readFile } from 'node:fs/promises';
import { loadTemplateFile, SHIPPED_TEMPLATE } from '../../src/cli/load-template-file';
import {
  formatTemplateIssue,
  loadTemplate,
  TemplateError,
  type Template,
} from '../../src/engine/index';
import { checkTemplate, formatProblem } from './check-template';

const args = process.argv.slice(2);
const fragmentAt = args.indexOf('--fragment');
let template: Template;
let varied: Set<string> | undefined;
if (fragmentAt >= 0) {
  const fragment = await readFile(args[fragmentAt + 1]!, 'utf8');
  const shipped = await readFile(SHIPPED_TEMPLATE, 'utf8');
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(shipped)![0];
  try {
    template = loadTemplate(`${frontmatter}\n# Fragment\n\n${fragment}`);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    console.error(error.issues.map((issue) => formatTemplateIssue(issue)).join('\n'));
    process.exit(2);
  }
  varied = new Set(
    template.parameters
      .map((p) => p.name)
      .filter((name) => new RegExp(`\\b${name}\\b`).test(fragment)),
  );
} else {
  const loaded = await loadTemplateFile(args[0]);
  if ('errors' in loaded) {
    console.error(loaded.errors.join('\n'));
    process.exit(2);
  }
  template = loaded.template;
}

const started = performance.now();
const report = await checkTemplate(template, { varied });
for (const problem of report.problems) console.log(`${formatProblem(problem)}\n`);
console.log(
  `${report.configurations} configurations${varied ? ` (varying ${[...varied].join(', ') || 'nothing'})` : ''}, ` +
    `${report.blocks} blocks, ${report.distinctBlocks} distinct parsed ` +
    `(${Object.entries(report.byLanguage)
      .map(([language, count]) => `${language} ${count}`)
      .join(
        ', ',
      )}): ${report.problems.length} problem(s), ${report.failing} configuration(s) with one, in ${Math.round(performance.now() - started)} ms`,
);
process.exit(report.problems.length > 0 ? 1 : 0);
