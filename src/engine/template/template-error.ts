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

/** Thrown when a template file cannot be loaded; lists every issue found. */
export class TemplateError extends Error {
  readonly issues: readonly TemplateIssue[];

  constructor(issues: readonly TemplateIssue[]) {
    super(issues.map(formatTemplateIssue).join('\n'));
    this.name = 'TemplateError';
    this.issues = issues;
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
