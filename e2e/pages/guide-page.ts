import type { Locator, Page } from '@playwright/test';

/** The guide view: its header of choices, table of contents, prose and code blocks. */
export class GuidePage {
  readonly title: Locator;
  /** The guide's header: title, template details and the export toolbar. */
  readonly header: Locator;
  readonly choices: Locator;
  readonly toc: Locator;
  readonly body: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1 });
    this.header = this.title.locator('xpath=..');
    this.choices = page.getByRole('region', { name: 'Your choices' });
    this.toc = page.getByRole('navigation', { name: 'On this page' });
    this.body = page.getByRole('article');
  }

  async open(query: string) {
    await this.page.goto(`/?${query.replace(/^\?/, '')}`);
  }

  /** The select or text field of one choice, found by its step name ("Backend"). */
  choice(step: string): Locator {
    return this.choices.getByLabel(step, { exact: true });
  }

  async choose(step: string, optionLabel: string) {
    await this.choice(step).selectOption({ label: optionLabel });
  }

  /** A code block, found by its file name. */
  codeBlock(filename: string): Locator {
    return this.page.getByRole('figure', { name: filename });
  }

  /**
   * The code blocks that get colours: every one but plain text (a requirements.txt or a go.mod),
   * which has no grammar and stays plain by design.
   */
  colourable(): Locator {
    return this.page.locator('pre:has(> code:not(.language-text))');
  }

  /** Colourable blocks whose colours are not on screen (yet). */
  uncoloured(): Locator {
    return this.page.locator('pre:has(> code:not(.language-text)):not([data-highlighted])');
  }

  /** The language named in a code block's header, e.g. "Go". */
  blockLanguage(filename: string): Locator {
    return this.codeBlock(filename).locator('.code-figure__language');
  }

  /** The code of a block (its <code> element). */
  code(filename: string): Locator {
    return this.codeBlock(filename).locator('pre code');
  }

  /**
   * The colour a word of a block's code is drawn in, as the browser computes it: the code is
   * one text node coloured by CSS custom highlights, so this finds the highlight whose range
   * covers the word's first occurrence. Null while the word has no colour of its own.
   */
  async tokenColour(filename: string, word: string): Promise<string | null> {
    return this.code(filename).evaluate((code, word) => {
      const text = code.firstChild;
      const start = text instanceof Text ? text.data.search(new RegExp(`\\b${word}\\b`)) : -1;
      if (start < 0) return null;
      for (const [name, highlight] of CSS.highlights) {
        for (const range of highlight) {
          if (range.startContainer !== text || range.startOffset > start) continue;
          if (range.endOffset < start + word.length) continue;
          return getComputedStyle(code, `::highlight(${name})`).color;
        }
      }
      return null;
    }, word);
  }

  /** A section heading of the guide. */
  section(title: string): Locator {
    return this.body.getByRole('heading', { name: title, exact: true });
  }

  tocLink(title: string): Locator {
    return this.toc.getByRole('link', { name: title, exact: true });
  }

  /** The contents' entry marked as the section being read. */
  get currentTocEntry(): Locator {
    return this.toc.locator('a[aria-current="location"]');
  }

  notice(text: string | RegExp): Locator {
    return this.body.getByRole('note').filter({ hasText: text });
  }
}
