import type { Download, Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** A file the browser downloaded: its suggested name and its bytes as written to disk. */
export type DownloadedFile = { name: string; bytes: Buffer };

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The export actions: share, download all, download project, config, markdown, import; and
 * per-block actions.
 */
export class ExportPanel {
  readonly toolbar: Locator;
  readonly share: Locator;
  readonly shareLink: Locator;
  readonly copyLink: Locator;
  readonly downloadAll: Locator;
  readonly downloadProject: Locator;
  readonly downloadConfig: Locator;
  readonly downloadMarkdown: Locator;
  readonly importConfig: Locator;
  readonly startImport: Locator;
  readonly dropOverlay: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('group', { name: 'Share and download' });
    this.share = this.toolbar.getByRole('button', { name: 'Share', exact: true });
    this.shareLink = page.getByRole('textbox', { name: 'Share link' });
    this.copyLink = page.getByRole('button', { name: /^(Copy link|Copied)$/ });
    this.downloadAll = this.toolbar.getByRole('button', { name: 'Download all (.zip)' });
    this.downloadProject = this.toolbar.getByRole('button', { name: 'Download project (.zip)' });
    this.downloadConfig = this.toolbar.getByRole('button', { name: 'Download Config (.json)' });
    this.downloadMarkdown = this.toolbar.getByRole('button', { name: 'Download Markdown (.md)' });
    this.importConfig = this.toolbar.getByRole('button', { name: 'Import config' });
    this.startImport = page.getByRole('button', { name: 'Import a config file' });
    this.dropOverlay = page.getByText('Drop your config file to restore your choices');
  }

  /** The Copy button of the code block saved as `filename`. */
  copyButton(filename: string): Locator {
    return this.page.getByRole('button', { name: `Copy ${filename}`, exact: true });
  }

  /** The Download button of the code block saved as `filename`. */
  downloadButton(filename: string): Locator {
    return this.page.getByRole('button', { name: `Download ${filename}`, exact: true });
  }

  /** Every code block's Download button, in page order. */
  get blockDownloads(): Locator {
    return this.page.getByRole('button', { name: /^Download .+\.[a-z0-9]+$/ });
  }

  /** A status message (the polite live region) saying `text`. */
  status(text: string | RegExp): Locator {
    return this.page
      .getByRole('status')
      .filter({ hasText: typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text });
  }

  /** Clicks `button` and returns the file the browser saved. */
  async download(button: Locator): Promise<DownloadedFile> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return this.saved(download);
  }

  async saved(download: Download): Promise<DownloadedFile> {
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  /** Picks a file in the picker that `button` opens, as a user would. */
  async pickFile(button: Locator, name: string, content: string | Buffer) {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  /** Drags a file from outside the browser onto the page and drops it there. */
  async dropFile(name: string, content: string, { drop = true } = {}) {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, text]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], fileName, { type: 'application/json' }));
        return transfer;
      },
      [name, content] as const,
    );
    const target = this.page.getByRole('main');
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    if (drop) await target.dispatchEvent('drop', { dataTransfer });
  }

  /** Reads the clipboard in the page (needs the clipboard-read permission). */
  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
