import { strToU8, zipSync, type Zippable } from 'fflate';
import type { GuideFile } from '../../engine/index';
import { SHARE_LINK_FILE_NAME } from './export-names';

/**
 * The zip of a guide's files plus the share link. Loaded with import() on the first
 * "Download all", so fflate stays out of the first screen and the guide chunk.
 */
export function buildZip(files: readonly GuideFile[], shareUrl: string): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  for (const file of files) entries[file.path] = strToU8(file.content);
  entries[SHARE_LINK_FILE_NAME] = strToU8(`${shareUrl}\n`);
  // Level 9 costs nothing noticeable at this size and keeps the download small.
  return zipSync(entries, { level: 9 });
}
