/** One thing wrong with a template file, located as precisely as the parser allows. */
export interface TemplateIssue {
  /** What is wrong and how to fix it, in one sentence. */
  message: string;
  /** 1-based line in the template file, when known. */
  line?: number;
  /** Frontmatter field path such as `arguments[2].name`, when the issue is in the frontmatter. */
  field?: string;
}

/** Thrown when a template file cannot be loaded; lists every issue found. */
export class TemplateError extends Error {
  readonly issues: readonly TemplateIssue[];

  constructor(issues: readonly TemplateIssue[]) {
    super(issues.map(formatTemplateIssue).join('\n'));
    this.name = 'TemplateError';
    this.issues = issues;
  }
}

/** Formats an issue as `line 12: arguments[0].name: message`. */
export function formatTemplateIssue(issue: TemplateIssue): string {
  const where = [issue.line === undefined ? undefined : `line ${issue.line}`, issue.field].filter(
    (part) => part !== undefined,
  );
  return where.length > 0 ? `${where.join(': ')}: ${issue.message}` : issue.message;
}
