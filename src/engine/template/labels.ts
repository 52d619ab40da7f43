import { z } from 'zod';
import type { Template } from './load-template';
import { formatTemplateIssue, limitIssues, type TemplateIssue } from './template-error';

const text = z.string().trim().min(1, 'must not be empty');

/** Human words for a template's parameters and options, kept in a file beside the template. */
export const templateLabelsSchema = z.strictObject({
  parameters: z.record(
    z.string(),
    z.strictObject({
      /** A short name for the progress indicator, e.g. "Backend". */
      step: text,
      /** The question as the wizard asks it; the template's own wording when absent. */
      question: text.optional(),
      options: z.record(z.string(), z.strictObject({ label: text, description: text })).optional(),
    }),
  ),
});

export type TemplateLabels = z.infer<typeof templateLabelsSchema>;

/** What the wizard shows for one option: a human label and a one-line explanation. */
export interface OptionLabel {
  label: string;
  description?: string;
}

/**
 * Checks a labels file against its template: every key must name a parameter and an option
 * the template declares. Returns the issues; an empty list means the labels fit.
 */
export function checkLabels(template: Template, input: unknown): TemplateIssue[] {
  const parsed = templateLabelsSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || 'labels',
      message: issue.message,
    }));
  }
  const issues: TemplateIssue[] = [];
  const parameters = new Map(template.parameters.map((parameter) => [parameter.name, parameter]));
  for (const [name, labels] of Object.entries(parsed.data.parameters)) {
    const parameter = parameters.get(name);
    if (!parameter) {
      issues.push({
        field: `parameters.${name}`,
        message: `"${name}" is not a parameter of ${template.meta.name}`,
      });
      continue;
    }
    const values = new Set(
      parameter.kind === 'choice' ? parameter.options.map((option) => option.value) : [],
    );
    for (const value of Object.keys(labels.options ?? {})) {
      if (!values.has(value)) {
        issues.push({
          field: `parameters.${name}.options.${value}`,
          message: `"${value}" is not an option of ${name}`,
        });
      }
    }
  }
  return issues;
}

/** The template with its labels attached, after checking them; throws on a label that does not fit. */
export function withLabels(template: Template, input: unknown): Template {
  const issues = checkLabels(template, input);
  if (issues.length > 0) throw new LabelsError(issues);
  return { ...template, labels: templateLabelsSchema.parse(input) };
}

/** A labels file that does not fit its template. */
export class LabelsError extends Error {
  readonly issues: readonly TemplateIssue[];

  constructor(issues: readonly TemplateIssue[]) {
    const limited = limitIssues(issues);
    super(limited.map(formatTemplateIssue).join('\n'));
    this.name = 'LabelsError';
    this.issues = limited;
  }
}
