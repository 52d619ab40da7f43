import { isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import { SIZING_MODELS } from '../sizing/models';
import { count, LIMITS } from './limits';
import { TemplateError, type TemplateIssue } from './template-error';

const text = z.string().trim().min(1, 'must not be empty');
const scalarText = z
  .union([z.string(), z.number(), z.boolean()], {
    error: 'must be plain text, a number or true/false (quote it: "…")',
  })
  .transform(String);

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
  version: z
    .union([z.string(), z.number()], {
      error: 'must be a version number like 1.1.0 (quote it: "1.1.0")',
    })
    .transform(String)
    .pipe(text),
  arguments: z.array(argumentSchema).default([]),
  /** The engine's sizing model whose values the body reads as `{{@sizing.name}}`. */
  sizing: z
    .string()
    .refine((name) => Object.hasOwn(SIZING_MODELS, name), {
      error: `must name one of the engine's sizing models: ${Object.keys(SIZING_MODELS).join(', ')}`,
    })
    .optional(),
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
  if (source.length > LIMITS.templateChars) {
    throw new TemplateError([
      {
        message: `the template has ${count(source.length)} characters; a template may have at most ${count(LIMITS.templateChars)} (the shipped one has about 427,000), so that compiling it stays quick. Is this the right file?`,
      },
    ]);
  }
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
  if (yamlText.length > LIMITS.frontmatterChars) {
    throw new TemplateError([
      {
        line: 2,
        message: `the frontmatter has ${count(yamlText.length)} characters; it may have at most ${count(LIMITS.frontmatterChars)} (the shipped one has about 1,200): it holds the template's name and questions, the guide goes in the body`,
      },
    ]);
  }
  const { doc, lineCounter } = readYaml(yamlText);
  const parsed = frontmatterSchema.safeParse(toData(doc, lineCounter));
  if (!parsed.success) {
    throw new TemplateError(
      parsed.error.issues.map((issue): TemplateIssue => {
        const node = doc.getIn(issue.path, true);
        const offset = isNode(node) ? node.range?.[0] : undefined;
        return {
          ...(offset === undefined ? {} : lineAndColumn(lineCounter, offset)),
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

/** The frontmatter's line 1 is the file's line 2, after the opening "---". */
function lineAndColumn(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line + 1, column: col };
}

function readYaml(yamlText: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    throw new TemplateError([
      { line: 2, message: `frontmatter is not valid YAML: ${firstLine(error)}` },
    ]);
  }
  if (doc.errors.length > 0) {
    throw new TemplateError(
      doc.errors.map((error) => ({
        ...lineAndColumn(lineCounter, error.pos[0]),
        message: `frontmatter is not valid YAML: ${firstLine(error)}`,
      })),
    );
  }
  return { doc, lineCounter };
}

/**
 * The frontmatter as plain data. Aliases (`*name`) that expand past yaml's own bound (an
 * "alias bomb") and anything else yaml throws become one issue at the first alias, or line 2.
 */
function toData(doc: Document, lineCounter: LineCounter): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    let offset: number | undefined;
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
    throw new TemplateError([
      {
        ...(offset === undefined ? { line: 2 } : lineAndColumn(lineCounter, offset)),
        message:
          offset !== undefined
            ? 'the frontmatter uses aliases (*name) too often or they expand to too much data (yaml allows 100 uses); write the values out instead'
            : `frontmatter could not be read: ${firstLine(error)}`,
      },
    ]);
  }
}

/** yaml's message, first line only; its own stack overflow said as what it means. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/call stack/i.test(message)) {
    return 'brackets or keys nest too deeply to read; the frontmatter is a flat list of fields and their values';
  }
  return (message.split('\n')[0] ?? message).trim();
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'frontmatter';
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
