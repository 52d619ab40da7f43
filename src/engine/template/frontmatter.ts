import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';
import { TemplateError, type TemplateIssue } from './template-error';

const text = z.string().trim().min(1, 'must not be empty');
const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const argumentSchema = z.object({
  name: z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]*$/,
      'must be an identifier: letters, digits and underscores, not starting with a digit',
    ),
  description: text,
  required: z.boolean().default(false),
  default: scalarText.optional(),
});

export const frontmatterSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lowercase letters, digits, "_" or "-"'),
  title: text,
  description: text,
  category: text,
  tags: z.array(text).default([]),
  difficulty: text,
  author: text,
  version: scalarText.pipe(text),
  arguments: z.array(argumentSchema).default([]),
});

export type TemplateArgument = z.infer<typeof argumentSchema>;
export type Frontmatter = z.infer<typeof frontmatterSchema>;

/** A template file split into its validated frontmatter and its Handlebars body. */
export interface SplitTemplate {
  frontmatter: Frontmatter;
  body: string;
  /** Number of file lines before the body, to turn body line numbers into file line numbers. */
  bodyLineOffset: number;
}

const FENCE = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/** Splits a template file and validates its frontmatter; throws TemplateError naming field and line. */
export function parseTemplateFile(source: string): SplitTemplate {
  const normalized = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = FENCE.exec(normalized);
  if (!match) {
    throw new TemplateError([
      {
        line: 1,
        message:
          'a template starts with YAML frontmatter between two "---" lines, followed by the Handlebars body',
      },
    ]);
  }
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new TemplateError(
      doc.errors.map((error) => ({
        line: lineCounter.linePos(error.pos[0]).line + 1,
        message: `frontmatter is not valid YAML: ${error.message.split('\n')[0] ?? error.message}`,
      })),
    );
  }
  const parsed = frontmatterSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new TemplateError(
      parsed.error.issues.map((issue): TemplateIssue => {
        const node = doc.getIn(issue.path, true);
        const offset = isNode(node) ? node.range?.[0] : undefined;
        const line = offset === undefined ? undefined : lineCounter.linePos(offset).line + 1;
        return {
          ...(line === undefined ? {} : { line }),
          field: formatPath(issue.path),
          message: issue.message,
        };
      }),
    );
  }
  return {
    frontmatter: parsed.data,
    body: normalized.slice(match[0].length),
    bodyLineOffset: match[0].split('\n').length - 1,
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'frontmatter';
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
