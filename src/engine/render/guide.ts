import type { TemplateMeta } from '../template/load-template';
import type { LanguageId } from './languages';

/** Prose inside a paragraph, heading, list item or table cell. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'emphasis' | 'delete'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export interface ListItem {
  /** Set for task-list items (`- [ ]` / `- [x]`). */
  checked?: boolean;
  children: GuideNode[];
}

/** One block of the guide body, in document order. */
export type GuideNode =
  | { type: 'heading'; id: string; depth: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start?: number; items: ListItem[] }
  | { type: 'quote'; children: GuideNode[] }
  | { type: 'rule' }
  | {
      type: 'table';
      align: ('left' | 'center' | 'right' | null)[];
      header: Inline[][];
      rows: Inline[][][];
    }
  | { type: 'code'; block: CodeBlock }
  | { type: 'notice'; notice: Notice };

/** A code block with everything needed to show, copy and download it. */
export interface CodeBlock {
  /** Stable within a template: the section's anchor and the block's position in it. */
  id: string;
  /** Titles of the enclosing headings, outermost first. */
  section: string[];
  sectionId: string;
  /** The language the code is written in, detected from its content. */
  language: LanguageId;
  /** The fence's own label, which may be wrong (the seed labels Python `javascript`). */
  fenceLanguage?: string;
  /** Download name, unique within the guide. */
  filename: string;
  /** The code, ending with exactly one newline. */
  code: string;
}

/** A code block that rendered empty for these choices. */
export interface Notice {
  id: string;
  kind: 'empty-code';
  section: string[];
  sectionId: string;
  fenceLanguage?: string;
  /** The choices that decided the block's content, e.g. backend_technology = rust. */
  reads: { name: string; value: string }[];
  message: string;
}

/** An entry of the table of contents. */
export interface Section {
  id: string;
  title: string;
  depth: number;
  children: Section[];
}

/** The whole output for one (template, choices): a pure function of the two. */
export interface Guide {
  title: string;
  template: TemplateMeta;
  choices: Readonly<Record<string, string>>;
  /** The rendered markdown, exactly as Handlebars semantics produce it. */
  markdown: string;
  toc: Section[];
  body: GuideNode[];
  blocks: CodeBlock[];
  notices: Notice[];
}
