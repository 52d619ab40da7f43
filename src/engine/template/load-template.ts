import { helperNames } from '../render/helpers';
import { SIZING_MODELS } from '../sizing/models';
import { compileBody } from './compile-body';
import { parseTemplateFile, type Frontmatter } from './frontmatter';
import { toParameter, type Parameter } from './parameters';
import type { TemplateNode } from './program';
import { BLOCK_HELPERS } from './protect-literal-braces';
import type { TemplateLabels } from './labels';
import { TemplateError, type TemplateIssue } from './template-error';

/** The share-query key that carries the template version; no parameter may use it. */
export const VERSION_KEY = 'v';

const RESERVED = new Set([
  VERSION_KEY,
  'this',
  'else',
  'as',
  'true',
  'false',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'prototype',
  ...BLOCK_HELPERS,
  ...helperNames,
]);

/** The frontmatter fields that describe a template, without its arguments. */
export type TemplateMeta = Omit<Frontmatter, 'arguments'>;

/** A loaded template: what it is, what it asks, and its compiled body. Plain JSON. */
export interface Template extends TemplateInfo {
  program: TemplateNode[];
  /** The file line the body starts on, for messages about the guide's text. */
  bodyLine?: number;
}

/**
 * What a template is and what it asks, without its body: all the wizard, share links and
 * config files need, so the first screen can load it without the (larger) compiled body.
 */
export interface TemplateInfo {
  meta: TemplateMeta;
  parameters: Parameter[];
  /** Things that do not stop the template from rendering but that its author should know. */
  warnings: string[];
  /** Human words for parameters and options, from the labels file beside the template. */
  labels?: TemplateLabels;
}

/** Parses, validates and compiles a template file; throws TemplateError listing every issue. */
export function loadTemplate(source: string): Template {
  const { frontmatter, body, bodyLineOffset } = parseTemplateFile(source);
  const { arguments: args, ...meta } = frontmatter;
  const issues: TemplateIssue[] = [];
  const parameters: Parameter[] = [];
  const seen = new Set<string>();
  args.forEach((argument, index) => {
    const field = `arguments[${index}]`;
    if (seen.has(argument.name)) {
      issues.push({ field: `${field}.name`, message: `"${argument.name}" is declared twice` });
    } else if (RESERVED.has(argument.name)) {
      issues.push({
        field: `${field}.name`,
        message: `"${argument.name}" is reserved (a helper, keyword or share-link key); rename it`,
      });
    }
    seen.add(argument.name);
    const parameter = toParameter(argument, field);
    if ('message' in parameter) issues.push(parameter);
    else parameters.push(parameter);
  });
  const sizing = meta.sizing ? SIZING_MODELS[meta.sizing]?.names : undefined;
  const names = { parameters: seen, helpers: helperNames, ...(sizing ? { sizing } : {}) };
  const compiled = compileBody(body, names, bodyLineOffset);
  issues.push(...compiled.issues);
  if (issues.length > 0) throw new TemplateError(issues);

  const withFormats = parameters.map((parameter): Parameter => {
    if (parameter.kind !== 'text' || parameter.format !== 'text') return parameter;
    if (compiled.usage.numeric.has(parameter.name)) return { ...parameter, format: 'number' };
    if (compiled.usage.split.has(parameter.name)) return { ...parameter, format: 'list' };
    return parameter;
  });
  const warnings = withFormats
    .filter((parameter) => !compiled.usage.used.has(parameter.name))
    .map((parameter) => `parameter "${parameter.name}" is declared but the body never uses it`);
  return {
    meta,
    parameters: withFormats,
    program: compiled.program,
    bodyLine: bodyLineOffset + 1,
    warnings,
  };
}
