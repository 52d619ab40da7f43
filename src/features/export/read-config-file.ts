import { decodeConfigFile, type Problem, type TemplateInfo } from '../../engine/index';
import type { ImportedConfig } from './export-types';

/** The engine's limit for a config file, checked on the size before anything is read. */
const MAX_CONFIG_BYTES = 64 * 1024;

/**
 * Reads a picked or dropped file as a config of this template; never throws. Too large, not
 * text, or unreadable files become a problem for the app's banner, like a broken config.
 * Loaded with import() when a file arrives: the JSON error locator is not first-screen weight.
 */
export async function readConfigFile(template: TemplateInfo, file: File): Promise<ImportedConfig> {
  const fileName = file.name || 'The file';
  const fail = (problem: Problem): ImportedConfig => ({
    fileName,
    decoded: { given: {}, problems: [problem], fatal: true },
  });
  if (file.size > MAX_CONFIG_BYTES) {
    return fail({
      kind: 'oversized',
      what: 'config file',
      limit: MAX_CONFIG_BYTES,
      message: `The file is ${Math.ceil(file.size / 1024)} KB; a config file is at most ${MAX_CONFIG_BYTES / 1024} KB. Choose the JSON file this app downloaded.`,
    });
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return fail({
      kind: 'bad-encoding',
      text: fileName,
      message: 'The file could not be read; it may have been moved or deleted. Choose it again.',
    });
  }
  const text = asText(bytes);
  if (text === undefined) {
    return fail({
      kind: 'bad-encoding',
      text: fileName,
      message:
        'The file is not text (it is not UTF-8, or holds binary data). Choose the JSON file this app downloaded.',
    });
  }
  return { fileName, decoded: decodeConfigFile(template, text) };
}

/** UTF-8 text without NUL bytes, or undefined: a JSON config is never anything else. */
function asText(bytes: ArrayBuffer): string | undefined {
  if (new Uint8Array(bytes).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
