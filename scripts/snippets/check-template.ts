/**
 * Renders a template for every combination of its choices and checks every code block the
 * way a user's toolchain would: parsed by the real parser of its language, labelled with that
 * language, never empty. Shared by `scripts/snippets/check.ts` and the snippet test.
 */
import {
  languageFromFence,
  renderGuide,
  type Choices,
  type LanguageId,
  type Parameter,
  type Template,
} from '../../src/engine/index';
import { CHECKED_LANGUAGES, syntaxProblems, type SyntaxProblem } from './parsers';

/** Snippets parsed at once: enough to keep both cores busy while nginx processes start. */
const PARALLEL = 4;

interface Occurrence {
  block: string;
  filename: string;
  language: LanguageId;
  choices: Choices;
}

export interface SnippetProblem {
  kind: 'syntax' | 'label' | 'empty' | 'language';
  /** The block (or notice) id and its download name. */
  block: string;
  filename?: string;
  language?: string;
  /** One configuration that shows the problem, and how many do. */
  choices: Choices;
  configurations: number;
  line?: number;
  /** The offending line of the snippet, when there is one. */
  source?: string;
  message: string;
}

export interface CheckReport {
  configurations: number;
  blocks: number;
  distinctBlocks: number;
  byLanguage: Record<string, number>;
  /** How many configurations have at least one problem. */
  failing: number;
  problems: SnippetProblem[];
}

/** A parameter's values: its options, or its default for free text (held fixed). */
export function valuesOf(parameter: Parameter): string[] {
  return parameter.kind === 'choice'
    ? parameter.options.map((option) => option.value)
    : [parameter.default ?? ''];
}

/** Every combination of the template's choices; parameters not in `varied` keep their first value. */
export function combinations(template: Template, varied?: ReadonlySet<string>): Choices[] {
  let all: Choices[] = [{}];
  for (const parameter of template.parameters) {
    const values = valuesOf(parameter);
    const used = !varied || varied.has(parameter.name) ? values : values.slice(0, 1);
    all = all.flatMap((choices) => used.map((value) => ({ ...choices, [parameter.name]: value })));
  }
  return all;
}

/** Checks every configuration; each distinct snippet is parsed once. */
export async function checkTemplate(
  template: Template,
  options: { varied?: ReadonlySet<string> } = {},
): Promise<CheckReport> {
  const configurations = combinations(template, options.varied);
  const found = new Map<string, SnippetProblem>();
  const failing = new Set<Choices>();
  const report = (key: string, problem: Omit<SnippetProblem, 'configurations'>): void => {
    failing.add(problem.choices);
    const known = found.get(key);
    if (known) known.configurations += 1;
    else found.set(key, { ...problem, configurations: 1 });
  };
  /** Each distinct snippet once, with the first configuration that shows it. */
  const distinct = new Map<string, { language: LanguageId; code: string; uses: Occurrence[] }>();
  const byLanguage: Record<string, number> = {};
  let blocks = 0;
  for (const choices of configurations) {
    const guide = renderGuide(template, choices);
    for (const notice of guide.notices) {
      report(`empty ${notice.id} ${notice.message}`, {
        kind: 'empty',
        block: notice.id,
        choices,
        message: notice.message,
      });
    }
    for (const block of guide.blocks) {
      blocks += 1;
      const where = {
        block: block.id,
        filename: block.filename,
        language: block.language,
        choices,
      };
      const labelled = block.fenceLanguage ? languageFromFence(block.fenceLanguage) : undefined;
      if (labelled !== block.language) {
        report(`label ${block.id} ${block.fenceLanguage} ${block.language}`, {
          ...where,
          kind: 'label',
          message: `the fence says ${block.fenceLanguage ?? 'nothing'} but the code reads as ${block.language}`,
        });
      }
      if (!CHECKED_LANGUAGES.includes(block.language)) {
        report(`language ${block.id} ${block.language}`, {
          ...where,
          kind: 'language',
          message: `no parser checks ${block.language}: use one of ${CHECKED_LANGUAGES.join(', ')}`,
        });
        continue;
      }
      const key = `${block.language}\0${block.code}`;
      const known = distinct.get(key);
      if (known) known.uses.push(where);
      else {
        byLanguage[block.language] = (byLanguage[block.language] ?? 0) + 1;
        distinct.set(key, { language: block.language, code: block.code, uses: [where] });
      }
    }
  }
  // Parsed a few at a time: nginx runs as a process per snippet, the rest in this thread.
  const entries = [...distinct.entries()];
  const results = new Map<string, SyntaxProblem[]>();
  const next = async (): Promise<void> => {
    for (let entry = entries.shift(); entry; entry = entries.shift()) {
      const [key, { language, code }] = entry;
      results.set(key, await syntaxProblems(language, code));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, next));
  for (const [key, { code, uses }] of distinct) {
    for (const problem of results.get(key)!) {
      for (const where of uses) {
        report(`syntax ${key} ${problem.line} ${problem.message}`, {
          ...where,
          kind: 'syntax',
          line: problem.line,
          source: code.split('\n')[problem.line - 1]?.trim(),
          message: problem.message,
        });
      }
    }
  }
  return {
    configurations: configurations.length,
    blocks,
    distinctBlocks: distinct.size,
    byLanguage,
    failing: failing.size,
    problems: [...found.values()],
  };
}

/** One problem as lines a person can act on. */
export function formatProblem(problem: SnippetProblem): string {
  const choices = Object.entries(problem.choices)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  const at = problem.line === undefined ? '' : ` line ${problem.line}`;
  return [
    `${problem.kind}: ${problem.block}${problem.filename ? ` (${problem.filename})` : ''}${at}: ${problem.message}`,
    ...(problem.source ? [`    > ${problem.source}`] : []),
    `    in ${problem.configurations} configuration(s), e.g. ${choices}`,
  ].join('\n');
}
