import type { Token, Tokens } from 'marked';
import { detectLanguage } from './detect-language';
import { createFilenameAllocator, snippetFilename } from './filenames';
import type { CodeBlock, GuideNode, Inline, ListItem, Notice, Section } from './guide';
import type { ReadMark } from './interpret';
import { lexGuide, type Origin } from './markdown-limits';
import { plainText } from './plain-text';
import { createSlugger } from './slug';

/** The parts of a Guide that come from its markdown. */
export interface GuideStructure {
  title: string;
  toc: Section[];
  body: GuideNode[];
  blocks: CodeBlock[];
  notices: Notice[];
}

interface OpenHeading {
  id: string;
  title: string;
  depth: number;
}

/**
 * Reads rendered markdown into the guide's structure: title, table of contents, prose,
 * code blocks (language detected, file named) and notices for blocks that came out empty.
 */
export function buildGuide(
  markdown: string,
  marks: readonly ReadMark[],
  choices: Readonly<Record<string, string>>,
  origins: readonly Origin[] = [],
): GuideStructure {
  const slug = createSlugger();
  const allocate = createFilenameAllocator();
  const toc: Section[] = [];
  const tocStack: Section[] = [];
  const headings: OpenHeading[] = [];
  const blocks: CodeBlock[] = [];
  const notices: Notice[] = [];
  const perSection = new Map<string, number>();
  let title: string | undefined;

  function heading(token: Tokens.Heading): GuideNode | undefined {
    const children = inlines(token.tokens);
    const text = plainText(children).trim();
    if (token.depth === 1 && title === undefined) {
      title = text;
      return undefined;
    }
    const id = slug(text);
    while ((headings.at(-1)?.depth ?? 0) >= token.depth) headings.pop();
    headings.push({ id, title: text, depth: token.depth });
    const section: Section = { id, title: text, depth: token.depth, children: [] };
    while ((tocStack.at(-1)?.depth ?? 0) >= token.depth) tocStack.pop();
    (tocStack.at(-1)?.children ?? toc).push(section);
    tocStack.push(section);
    return { type: 'heading', id, depth: token.depth, children };
  }

  function code(token: Tokens.Code, range: readonly [number, number]): GuideNode {
    const sectionId = headings.at(-1)?.id ?? 'top';
    const section = headings.map((open) => open.title);
    const ordinal = (perSection.get(sectionId) ?? 0) + 1;
    perSection.set(sectionId, ordinal);
    const id = `${sectionId}-code-${ordinal}`;
    const fenceLanguage = token.lang?.trim().split(/\s+/)[0] || undefined;
    const fence = fenceLanguage === undefined ? {} : { fenceLanguage };
    if (token.text.trim() === '') {
      const notice = emptyNotice(id, section, sectionId, fence, range);
      notices.push(notice);
      return { type: 'notice', notice };
    }
    const language = detectLanguage(token.text, fenceLanguage);
    const sectionTitle = section.at(-1) ?? title ?? 'snippet';
    const filename = allocate(snippetFilename(token.text, language, sectionTitle), language);
    const block: CodeBlock = {
      id,
      section,
      sectionId,
      language,
      ...fence,
      filename,
      code: `${trimBlankLines(token.text)}\n`,
    };
    blocks.push(block);
    return { type: 'code', block };
  }

  function emptyNotice(
    id: string,
    section: string[],
    sectionId: string,
    fence: { fenceLanguage?: string },
    [start, end]: readonly [number, number],
  ): Notice {
    const names = new Set(
      marks
        .filter((mark) => mark.offset >= start && mark.offset < end)
        .flatMap((mark) => mark.reads),
    );
    const reads = [...names].map((name) => ({ name, value: choices[name] ?? '' }));
    const where = section.at(-1) ?? 'this guide';
    const message =
      reads.length > 0
        ? `This guide has no code for “${where}” with ${reads
            .map((read) => `${read.name} “${read.value}”`)
            .join(' and ')} yet.`
        : `The code block in “${where}” is empty.`;
    return { id, kind: 'empty-code', section, sectionId, ...fence, reads, message };
  }

  function nodes(tokens: readonly Token[], range: readonly [number, number]): GuideNode[] {
    const out: GuideNode[] = [];
    for (const token of tokens) {
      const node = blockNode(token, range);
      if (node) out.push(node);
    }
    return out;
  }

  function blockNode(token: Token, range: readonly [number, number]): GuideNode | undefined {
    switch (token.type) {
      case 'heading':
        return heading(token as Tokens.Heading);
      case 'code':
        return code(token as Tokens.Code, range);
      case 'paragraph':
      case 'text':
      case 'html': {
        const inner = (token as Tokens.Paragraph).tokens;
        const children = inner ? inlines(inner) : [{ type: 'text' as const, text: token.raw }];
        return { type: 'paragraph', children };
      }
      case 'list': {
        const list = token as Tokens.List;
        const items = list.items.map((item): ListItem => ({
          ...(item.task ? { checked: item.checked === true } : {}),
          children: nodes(
            item.tokens.filter((child) => child.type !== 'checkbox'),
            range,
          ),
        }));
        const start =
          typeof list.start === 'number' && list.start !== 1 ? { start: list.start } : {};
        return { type: 'list', ordered: list.ordered, ...start, items };
      }
      case 'blockquote':
        return { type: 'quote', children: nodes((token as Tokens.Blockquote).tokens, range) };
      case 'hr':
        return { type: 'rule' };
      case 'table': {
        const table = token as Tokens.Table;
        return {
          type: 'table',
          align: table.align,
          header: table.header.map((cell) => inlines(cell.tokens)),
          rows: table.rows.map((row) => row.map((cell) => inlines(cell.tokens))),
        };
      }
      default:
        return undefined;
    }
  }

  const body: GuideNode[] = [];
  let offset = 0;
  for (const token of lexGuide(markdown, origins)) {
    const range = [offset, offset + token.raw.length] as const;
    offset = range[1];
    const node = blockNode(token, range);
    if (node) body.push(node);
  }
  return { title: title ?? '', toc, body, blocks, notices };
}

/** Blank lines that skipped template branches leave at either end of a block. */
function trimBlankLines(code: string): string {
  return code.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
}

const SAFE_HREF = /^(?:https?:|mailto:|#)/i;

function inlines(tokens: readonly Token[]): Inline[] {
  const out: Inline[] = [];
  const push = (inline: Inline): void => {
    const last = out.at(-1);
    if (inline.type === 'text' && last?.type === 'text') last.text += inline.text;
    else out.push(inline);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
      case 'em':
      case 'del': {
        const type = token.type === 'em' ? 'emphasis' : token.type === 'del' ? 'delete' : 'strong';
        push({ type, children: inlines((token as Tokens.Strong).tokens) });
        break;
      }
      case 'codespan':
        push({ type: 'code', text: decodeEntities((token as Tokens.Codespan).text) });
        break;
      case 'br':
        push({ type: 'break' });
        break;
      case 'link':
      case 'image': {
        const link = token as Tokens.Link;
        const children =
          link.tokens.length > 0
            ? inlines(link.tokens)
            : [{ type: 'text' as const, text: link.text }];
        if (SAFE_HREF.test(link.href)) push({ type: 'link', href: link.href, children });
        else children.forEach(push);
        break;
      }
      case 'text':
      case 'escape': {
        const nested = (token as Tokens.Text).tokens;
        if (nested && nested.length > 0) inlines(nested).forEach(push);
        else push({ type: 'text', text: decodeEntities((token as Tokens.Text).text) });
        break;
      }
      default:
        push({ type: 'text', text: token.raw });
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|(\w+));/g,
    (entity, dec, hex, name) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex as string, 16) : undefined;
      if (code !== undefined)
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      return ENTITIES[name as string] ?? entity;
    },
  );
}
