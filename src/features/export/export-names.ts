import { safeFileName, type Guide, type TemplateInfo } from '../../engine/index';

/** The config file's name: the same as in the zip and the CLI's output. */
export const CONFIG_FILE_NAME = 'config.json';

/** The share link's file inside the zip. */
export const SHARE_LINK_FILE_NAME = 'share-link.txt';

const MAX_SUMMARY = 60;

/** Lower-case letters, digits and single dashes only: safe on every file system. */
function safe(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The chosen options, in question order, as a short file-name part: "grpc-go-high-…".
 * Free-text answers are left out: they can be long and say nothing in a file name.
 */
export function choicesSummary(template: TemplateInfo, guide: Guide): string {
  const parts = template.parameters
    .filter((parameter) => parameter.kind === 'choice')
    .map((parameter) => safe(guide.choices[parameter.name] ?? ''))
    .filter(Boolean);
  let summary = '';
  for (const part of parts) {
    const next = summary ? `${summary}-${part}` : part;
    if (next.length > MAX_SUMMARY) break;
    summary = next;
  }
  return summary;
}

/** `<template name>-<choices><ending>`: each setup's downloads have names of their own. */
function setupFileName(template: TemplateInfo, guide: Guide, ending: string): string {
  const summary = choicesSummary(template, guide);
  return safeFileName(`${template.meta.name}${summary ? `-${summary}` : ''}${ending}`, 'guide');
}

/** `<template name>-<choices>.zip`, e.g. `api_performance_optimization-grpc-go-high-….zip`. */
export function zipFileName(template: TemplateInfo, guide: Guide): string {
  return setupFileName(template, guide, '.zip');
}

/** `<template name>-<choices>-project.zip`: the guide laid out as a project. */
export function projectZipFileName(template: TemplateInfo, guide: Guide): string {
  return setupFileName(template, guide, '-project.zip');
}

/** `<template name>-<choices>.md`, named like the zip so that two setups never collide. */
export function markdownFileName(template: TemplateInfo, guide: Guide): string {
  return setupFileName(template, guide, '.md');
}
