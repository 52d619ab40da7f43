/** One thing wrong with a template file, located as precisely as the parser allows. */
export interface TemplateIssue {
  /** What is wrong and how to fix it, in one sentence. */
  message: string;
  /** 1-based line in the template file, when known. */
  line?: number;
  /** 1-based column on that line, when known. */
  column?: number;
  /** Frontmatter field path such as `arguments[2].name`, when the issue is in the frontmatter. */
  field?: string;
}

/** Issues kept at most: the first ones are what the author fixes first. */
export const MAX_TEMPLATE_ISSUES = 10;

/**
 * At most MAX_TEMPLATE_ISSUES issues; past that the last one counts the rest, so a file with
 * 6,000 duplicate keys gives 10 lines, not 6,000.
 */
export function limitIssues(issues: readonly TemplateIssue[]): TemplateIssue[] {
  if (issues.length <= MAX_TEMPLATE_ISSUES) return [...issues];
  const kept = issues.slice(0, MAX_TEMPLATE_ISSUES - 1);
  const more = issues.length - kept.length;
  return [...kept, { message: `and ${more.toLocaleString('en-US')} more problems like these` }];
}

/** Thrown when a template file cannot be loaded; lists the issues found (at most 10). */
export class TemplateError extends Error {
  readonly issues: readonly TemplateIssue[];

  constructor(issues: readonly TemplateIssue[]) {
    const limited = limitIssues(issues);
    super(limited.map(formatTemplateIssue).join('\n'));
    this.name = 'TemplateError';
    this.issues = limited;
  }
}

/** Formats an issue as `line 12, column 3: arguments[0].name: message`, always one line. */
export function formatTemplateIssue(issue: TemplateIssue): string {
  const line =
    issue.line === undefined
      ? undefined
      : `line ${issue.line}${issue.column === undefined ? '' : `, column ${issue.column}`}`;
  const where = [line, issue.field].filter((part) => part !== undefined);
  const message = issue.message.replace(/\s*\n\s*/g, ' ');
  return where.length > 0 ? `${where.join(': ')}: ${message}` : message;
}

/**
 * Thrown while rendering when a guide would go past one of the engine's limits (see
 * limits.ts): the template is at fault, so it is a TemplateError with the template's location.
 */
export class RenderLimitError extends TemplateError {
  constructor(issue: TemplateIssue) {
    super([issue]);
    this.name = 'RenderLimitError';
  }
}
