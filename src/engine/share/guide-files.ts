import { uniqueFileNames } from '../render/filenames';
import type { Guide } from '../render/guide';
import type { LanguageId } from '../render/languages';
import type { TemplateInfo } from '../template/load-template';
import { encodeConfigFile } from './config-encode';

/** One file of a guide's export, as the CLI writes it and the app zips it. */
export interface GuideFile {
  path: string;
  content: string;
  /** For snippets: the code's language and the titles of its enclosing headings. */
  language?: LanguageId;
  section?: string[];
}

/**
 * Every file of a guide's export: `guide.md`, `config.json`, then `snippets/<filename>` for
 * each code block in guide order. The app and the CLI both write exactly these bytes.
 */
export function guideFiles(template: TemplateInfo, guide: Guide): GuideFile[] {
  // Already safe and unique by construction; checked again here, the last step before a disk.
  const names = uniqueFileNames(
    guide.blocks.map((block) => block.filename),
    'snippet',
  );
  return [
    { path: 'guide.md', content: guide.markdown },
    { path: 'config.json', content: encodeConfigFile(template, guide.choices) },
    ...guide.blocks.map((block, index) => ({
      path: `snippets/${names[index] ?? block.filename}`,
      content: block.code,
      language: block.language,
      section: block.section,
    })),
  ];
}
