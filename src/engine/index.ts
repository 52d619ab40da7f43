/**
 * The engine's only public surface: load a template, render a guide for a set of choices,
 * and move choices in and out of share links and config files. Pure TypeScript: no React,
 * no DOM, no I/O.
 */
export { loadTemplate, VERSION_KEY } from './template/load-template';
export type { Template, TemplateInfo, TemplateMeta } from './template/load-template';
export { TemplateError, RenderLimitError, formatTemplateIssue } from './template/template-error';
export { LIMITS } from './template/limits';
export type { TemplateIssue } from './template/template-error';
export type {
  ChoiceParameter,
  Parameter,
  ParameterOption,
  TextFormat,
  TextParameter,
} from './template/parameters';
export type { TemplateNode } from './template/program';
export { specializeProgram } from './template/specialize';
export { checkLabels, LabelsError, templateLabelsSchema, withLabels } from './template/labels';
export { optionLabel, questionOf, stepName } from './template/label-text';
export type { OptionLabel, TemplateLabels } from './template/labels';

export { renderGuide, renderMarkdown } from './render/render-guide';
export { exactInputsSchema } from './sizing/sizing';
export type { ExactInputs, Sizing, WorksheetRow } from './sizing/sizing';
export { SIZING_MODELS } from './sizing/models';
export type { Choices } from './render/render-guide';
export type {
  CodeBlock,
  Guide,
  GuideNode,
  Inline,
  ListItem,
  Notice,
  Section,
} from './render/guide';
export { plainText } from './render/plain-text';
export { MAX_FILENAME_BYTES, safeFileName, uniqueFileNames } from './render/filenames';
export { detectLanguage } from './render/detect-language';
export { LANGUAGES, LANGUAGE_IDS, languageFromFence } from './render/languages';
export type { LanguageId, LanguageInfo } from './render/languages';

export { choicesSchema, parameterSchema, MAX_TEXT_LENGTH } from './share/choices-schema';
export { applyEntries } from './share/apply-entries';
export type { DecodedChoices } from './share/apply-entries';
export {
  decodeShareQuery,
  encodeShareQuery,
  parseShareQuery,
  MAX_QUERY_LENGTH,
} from './share/share-query';
export type { QueryEntries } from './share/share-query';
export {
  decodeConfigFile,
  configFileSchema,
  MAX_CONFIG_BYTES,
  MAX_CONFIG_DEPTH,
} from './share/config-file';
export { encodeConfigFile } from './share/config-encode';
export type { ConfigFile } from './share/config-file';
export { guideFiles } from './share/guide-files';
export type { GuideFile } from './share/guide-files';
export { isSafeRelativePath, projectLayout } from './share/project-layout';
export type { ProjectFile } from './share/project-layout';
export type { Position, Problem } from './share/problems';
export { MAX_PROBLEMS } from './share/problem-limit';
