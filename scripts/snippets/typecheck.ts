/**
 * Type-checks every TypeScript, k6, Java and Go snippet of every configuration of a template
 * (see scripts/snippets/typecheck-template.ts); needs `bash scripts/ensure-typecheck.sh` first.
 *
 *   npx tsx scripts/snippets/typecheck.ts [template.md]
 *
 * Exit 0 when every snippet checked passes, 1 with one paragraph per failing snippet otherwise.
 */
import { loadTemplateFile } from '../../src/cli/load-template-file';
import { javaSummary } from './typecheck-java';
import {
  formatTypecheckProblem,
  groupProblems,
  summarise,
  typecheckTemplate,
} from './typecheck-template';

const loaded = await loadTemplateFile(process.argv[2]);
if ('errors' in loaded) {
  console.error(loaded.errors.join('\n'));
  process.exit(2);
}
const report = await typecheckTemplate(loaded.template);
for (const problem of groupProblems(report.problems))
  console.log(`${formatTypecheckProblem(problem)}\n`);
if (report.java) for (const line of javaSummary(report.java)) console.log(`java: ${line}`);
for (const { kind, reason } of report.skipped) console.warn(`${kind} skipped: ${reason}`);
console.log(summarise(report));
process.exit(report.problems.length > 0 ? 1 : 0);
