import { strToU8, zipSync, type Zippable } from 'fflate';
import { projectLayout, type Guide, type GuideFile, type TemplateInfo } from '../../engine/index';
import { SHARE_LINK_FILE_NAME } from './export-names';

/** Unix `-rw-r--r--` and `-rwxr-xr-x` regular files, as a zip entry's external attributes. */
const UNIX = 3;
const FILE_ATTRS = (0o100000 | 0o644) * 0x10000;
const EXECUTABLE_ATTRS = (0o100000 | 0o755) * 0x10000;

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

/**
 * The guide laid out as a project (projectLayout, the files `render --layout project` writes),
 * as a zip whose scripts unpack executable. Loaded with import() like buildZip, and the layout
 * with it.
 */
export function buildProjectZip(template: TemplateInfo, guide: Guide): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  for (const file of projectLayout(template, guide)) {
    const attrs = file.executable ? EXECUTABLE_ATTRS : FILE_ATTRS;
    entries[file.path] = [strToU8(file.content), { os: UNIX, attrs }];
  }
  return zipSync(entries, { level: 9 });
}
