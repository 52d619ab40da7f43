import { unzipSync } from 'fflate';
import { expectNoAxeViolations } from './support/axe';
import { zipModes } from '../src/features/export/testing/zip-modes';
import { cliFiles, cliOutput } from './support/cli';
import { screenshotThemes } from './support/screenshots';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { VERSION_PATTERN } from './support/template-version';

const QUERY =
  'api_architecture=grpc&backend_technology=go&expected_load=high&data_complexity=real-time&performance_targets=sub-100ms&infrastructure=containerized';
const OTHER =
  'api_architecture=rest&backend_technology=nodejs&expected_load=low&data_complexity=simple-crud&performance_targets=sub-1s&infrastructure=traditional';
const FIRST_BLOCK = 'httpmetrics.go';

let cli: Map<string, Buffer>;
let otherConfig: Buffer;
/** The app's own links end with the template's version, e.g. `&v=1.1.0`. */
let versionParam: string;

test.beforeAll(async () => {
  cli = await cliOutput(QUERY);
  otherConfig = (await cliOutput(OTHER)).get('config.json') ?? Buffer.alloc(0);
  versionParam = `&v=${(JSON.parse(otherConfig.toString()) as { version: string }).version}`;
});

/** The share link the app makes for a query: the page's own address, the version added. */
function shareUrlOf(page: Page, query: string): string {
  return new URL(`/?${query}${versionParam}`, page.url()).href;
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Same bytes; compared as text first so that a difference shows as a readable diff. */
function expectSameBytes(actual: Buffer | Uint8Array, expected: Buffer | undefined, what: string) {
  expect(expected, `the CLI writes ${what}`).toBeDefined();
  expect(Buffer.from(actual).toString('utf8'), what).toBe(expected?.toString('utf8'));
  expect(Buffer.from(actual).equals(expected ?? Buffer.alloc(0)), what).toBe(true);
}

test.describe('downloads are byte for byte what the CLI writes', () => {
  test('one snippet, the config and the Markdown', async ({
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    await guidePage.open(QUERY);
    const first = exportPanel.blockDownloads.first();
    await expect(first).toHaveAccessibleName(`Download ${FIRST_BLOCK}`);

    const snippet = await exportPanel.download(first);
    expect(snippet.name).toBe(FIRST_BLOCK);
    expectSameBytes(snippet.bytes, cli.get(`snippets/${FIRST_BLOCK}`), FIRST_BLOCK);
    await expect(exportPanel.status(`Downloaded ${FIRST_BLOCK}`)).toHaveCount(1);
    await expect(first).toBeFocused();

    const config = await exportPanel.download(exportPanel.downloadConfig);
    expect(config.name).toBe('config.json');
    expectSameBytes(config.bytes, cli.get('config.json'), 'config.json');

    const markdown = await exportPanel.download(exportPanel.downloadMarkdown);
    // Named after the setup, like the zip: two setups' guides never take each other's name.
    const markdownName =
      'api_performance_optimization-grpc-go-high-real-time-sub-100ms-containerized.md';
    expect(markdown.name).toBe(markdownName);
    expectSameBytes(markdown.bytes, cli.get('guide.md'), 'guide.md');
    await expect(exportPanel.status(`Downloaded ${markdownName}`)).toHaveCount(1);
    expect(pageProblems.list).toEqual([]);
  });

  test('every file in the zip, plus the share link', async ({
    guidePage,
    exportPanel,
    page,
    pageProblems,
  }) => {
    await guidePage.open(QUERY);
    const zip = await exportPanel.download(exportPanel.downloadAll);
    expect(zip.name).toBe(
      'api_performance_optimization-grpc-go-high-real-time-sub-100ms-containerized.zip',
    );
    const entries = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(entries).sort()).toEqual([...cli.keys(), 'share-link.txt'].sort());
    for (const [path, bytes] of Object.entries(entries)) {
      if (path !== 'share-link.txt') expectSameBytes(bytes, cli.get(path), path);
    }
    expect(Buffer.from(entries['share-link.txt'] ?? []).toString('utf8')).toBe(
      `${shareUrlOf(page, QUERY)}\n`,
    );
    await expect(exportPanel.status(`Downloaded ${zip.name}`)).toHaveCount(1);
    expect(pageProblems.list).toEqual([]);
  });

  test('50 downloads leave no Blob URL behind', async ({
    guidePage,
    exportPanel,
    page,
    pageProblems,
  }) => {
    await page.addInitScript(() => {
      const live = new Set<string>();
      const counts = { created: 0, revoked: 0, live };
      // When each Blob URL was clicked and revoked, in page time, to prove the order.
      const clicked = new Map<string, number>();
      const waited: number[] = [];
      Object.assign(window, { blobCounts: counts, blobWaits: waited });
      const create = URL.createObjectURL.bind(URL);
      const revoke = URL.revokeObjectURL.bind(URL);
      URL.createObjectURL = (object) => {
        const url = create(object);
        counts.created += 1;
        live.add(url);
        return url;
      };
      URL.revokeObjectURL = (url) => {
        counts.revoked += 1;
        live.delete(url);
        waited.push(performance.now() - (clicked.get(url) ?? Infinity));
        revoke(url);
      };
      const click = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'click')?.value as (
        this: HTMLElement,
      ) => void;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.href.startsWith('blob:')) clicked.set(this.href, performance.now());
        click.call(this);
      };
    });
    const counts = () =>
      page.evaluate(() => {
        const { created, revoked, live } = (
          window as unknown as {
            blobCounts: { created: number; revoked: number; live: Set<string> };
          }
        ).blobCounts;
        return { created, revoked, live: live.size };
      });

    test.setTimeout(180_000);
    await guidePage.open(QUERY);
    const buttons = [
      exportPanel.downloadAll,
      exportPanel.downloadConfig,
      exportPanel.downloadMarkdown,
      exportPanel.blockDownloads.first(),
      exportPanel.blockDownloads.nth(1),
    ];
    for (let i = 0; i < 50; i += 1) {
      const button = buttons[i % buttons.length];
      // Saved whole: the Blob URL was still valid while the browser read it.
      if (button) expect((await exportPanel.download(button)).bytes.length).toBeGreaterThan(0);
    }
    // Revoked later, not in the click's task: a synchronous revoke can cancel the download.
    expect((await counts()).live).toBeGreaterThan(0);
    await page.waitForTimeout(3000);
    expect(await counts()).toEqual({ created: 50, revoked: 50, live: 0 });
    // Each revoked a good while after its own click, never in the click's task.
    const waits = await page.evaluate(
      () => (window as unknown as { blobWaits: number[] }).blobWaits,
    );
    expect(waits).toHaveLength(50);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1000);
    expect(pageProblems.list).toEqual([]);
  });
});

/** The commands a run script runs, as a person types them: no comments, `set`, `cd` or `exec`. */
function typedCommands(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .filter((line) => !/^set\s+-/.test(line) && !/^cd\s+"\$\(dirname/.test(line))
    .map((line) => line.replace(/^exec\s+/, ''));
}

/**
 * The paths the guide's code blocks name on their first line (`// src/app.js`, `# /etc/x.conf`),
 * read from its Markdown; absolute ones are expected under deploy/.
 */
function namedPaths(markdown: string): string[] {
  const naming =
    /^\s*(?:`{3,}|~{3,})[^\n]*\n\s*(?:#|\/\/|--|;)\s*(\/?[\w-][\w.-]*(?:\/[\w-][\w.-]*)+)\s*$/gm;
  return [...markdown.matchAll(naming)]
    .map((match) => match[1] ?? '')
    .filter((path) => !path.split('/').some((part) => part === '..' || part.startsWith('.')))
    .map((path) => (path.startsWith('/') ? `deploy${path}` : path));
}

test.describe('the project zip is the project the CLI writes', () => {
  const setups = [
    [
      'Node.js',
      'api_architecture=graphql&backend_technology=nodejs&expected_load=medium&data_complexity=real-time&performance_targets=sub-100ms&infrastructure=containerized',
      'api_performance_optimization-graphql-nodejs-medium-real-time-sub-100ms-containerized-project.zip',
    ],
    [
      'Python',
      'api_architecture=rest&backend_technology=python&expected_load=high&data_complexity=complex-queries&performance_targets=sub-500ms&infrastructure=cloud-native',
      'api_performance_optimization-rest-python-high-complex-queries-sub-500ms-cloud-native-project.zip',
    ],
  ] as const;
  for (const [backend, query, zipName] of setups) {
    test(`${backend}: every file at the path the guide names, README first, scripts executable`, async ({
      guidePage,
      exportPanel,
      pageProblems,
    }) => {
      const project = await cliFiles(query, '--layout', 'project');
      await guidePage.open(query);
      const zip = await exportPanel.download(exportPanel.downloadProject);
      expect(zip.name).toBe(zipName);
      await expect(exportPanel.status(`Downloaded ${zipName}`)).toHaveCount(1);
      const entries = unzipSync(new Uint8Array(zip.bytes));

      // Byte for byte what `render --layout project` wrote, and nothing else.
      expect(Object.keys(entries).sort()).toEqual([...project.keys()].sort());
      for (const [path, bytes] of Object.entries(entries)) {
        expectSameBytes(bytes, project.get(path)?.bytes, path);
      }
      expect(Object.keys(entries).slice(0, 3)).toEqual(['README.md', 'guide.md', 'config.json']);

      const guide = Buffer.from(entries['guide.md'] ?? []).toString('utf8');
      const named = namedPaths(guide);
      expect(named.length, 'paths the guide names').toBeGreaterThan(3);
      for (const path of named) expect(entries[path], path).toBeDefined();

      // *.sh unpack executable, in the zip as on the CLI's disk; nothing else does.
      const modes = zipModes(new Uint8Array(zip.bytes));
      for (const path of Object.keys(entries)) {
        const script = path.endsWith('.sh');
        expect((modes.get(path) ?? 0) & 0o111, `${path} in the zip`).toBe(script ? 0o111 : 0);
        expect(((project.get(path)?.mode ?? 0) & 0o100) !== 0, `${path} on disk`).toBe(script);
      }

      const readme = Buffer.from(entries['README.md'] ?? []).toString('utf8');
      expect(readme).toMatch(/^# .+\n/);
      expect(readme).toContain(`?${query}&v=`);
      const runLocal = entries['scripts/run-local.sh'];
      if (runLocal) {
        // "Run it" lists the script's commands in the order it runs them.
        const run = readme.slice(readme.indexOf('## Run it'));
        expect(readme).toContain('## Run it');
        let at = 0;
        for (const command of typedCommands(Buffer.from(runLocal).toString('utf8'))) {
          const found = run.indexOf(`\n${command}\n`, at);
          expect(found, command).toBeGreaterThanOrEqual(0);
          at = found + command.length;
        }
      } else {
        expect(readme).not.toContain('## Run it');
      }
      expect(pageProblems.list).toEqual([]);
    });
  }
});

test.describe('copy and share', () => {
  test('Copy puts exactly the block on the clipboard and says so without moving focus', async ({
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    await guidePage.open(QUERY);
    const copy = exportPanel.copyButton(FIRST_BLOCK);
    await copy.click();
    await expect(copy).toHaveText('Copied');
    await expect(exportPanel.status(`Copied ${FIRST_BLOCK}`)).toHaveCount(1);
    await expect(copy).toBeFocused();
    expect(await exportPanel.clipboardText()).toBe(cli.get(`snippets/${FIRST_BLOCK}`)?.toString());
    // The confirmation goes away by itself, so the button can say "Copy" again.
    await expect(copy).toHaveText('Copy');
    expect(pageProblems.list).toEqual([]);
  });

  test('a refused clipboard says to select the text', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await guidePage.open(QUERY);
    const copy = exportPanel.copyButton(FIRST_BLOCK);
    await copy.click();
    await expect(page.getByText('Copy failed — select the text', { exact: true })).toBeVisible();
    await expect(exportPanel.status(`Copy failed — select the text of ${FIRST_BLOCK}`)).toHaveCount(
      1,
    );
    await expect(copy).toBeFocused();
    expect(pageProblems.list).toEqual([]);
  });

  test('Share copies the link and shows it to select; Escape closes it', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    await guidePage.open(QUERY);
    await expect(exportPanel.share).toHaveAttribute('aria-expanded', 'false');
    await exportPanel.share.click();
    await expect(exportPanel.share).toHaveAttribute('aria-expanded', 'true');
    await expect(exportPanel.status('Share link copied')).toHaveCount(1);
    await expect(exportPanel.share).toBeFocused();
    expect(await exportPanel.clipboardText()).toBe(shareUrlOf(page, QUERY));
    await expect(exportPanel.shareLink).toHaveValue(shareUrlOf(page, QUERY));
    await expect(exportPanel.shareLink).toHaveAttribute('readonly', '');

    await page.evaluate(() => navigator.clipboard.writeText(''));
    await exportPanel.copyLink.click();
    await expect(exportPanel.copyLink).toHaveText('Copied');
    expect(await exportPanel.clipboardText()).toBe(shareUrlOf(page, QUERY));

    await page.keyboard.press('Escape');
    await expect(exportPanel.shareLink).toBeHidden();
    await expect(exportPanel.share).toBeFocused();
    expect(pageProblems.list).toEqual([]);
  });

  test('everything works from the keyboard', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    await guidePage.open(QUERY);
    await exportPanel.share.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(exportPanel.shareLink).toBeFocused();
    // The whole link is selected, ready to copy.
    expect(
      await exportPanel.shareLink.evaluate(
        (input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!,
      ),
    ).toBe(shareUrlOf(page, QUERY).length);
    await page.keyboard.press('Escape');
    await expect(exportPanel.share).toBeFocused();

    await exportPanel.downloadButton(FIRST_BLOCK).focus();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe(FIRST_BLOCK);
    expect(pageProblems.list).toEqual([]);
  });
});

test.describe('import a config', () => {
  test('from the toolbar: a valid file restores its choices', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    await guidePage.open(QUERY);
    await exportPanel.pickFile(exportPanel.importConfig, 'config.json', otherConfig);
    await expect(page).toHaveURL(shareUrlOf(page, OTHER));
    await expect(guidePage.title).toContainText('REST API');
    expect(pageProblems.list).toEqual([]);
  });

  test('from the start screen', async ({
    page,
    startPage,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    await startPage.goto();
    await exportPanel.pickFile(exportPanel.startImport, 'my-settings.json', otherConfig);
    await expect(page).toHaveURL(shareUrlOf(page, OTHER));
    await expect(guidePage.title).toContainText('REST API');
    expect(pageProblems.list).toEqual([]);
  });

  const broken: [string, string | Buffer, RegExp][] = [
    [
      'missing-comma.json',
      '{\n  "template": "api_performance_optimization",\n  "version": "1.0.0"\n  "choices": {}\n}\n',
      /not valid JSON \(line 4, column 3: a comma is expected\)/,
    ],
    [
      'other-template.json',
      JSON.stringify({
        template: 'ci_cd_pipeline',
        version: '1.0.0',
        choices: { platform: 'github' },
      }),
      /a config for “ci_cd_pipeline”, not for api_performance_optimization/,
    ],
    [
      'extra-key.json',
      JSON.stringify({
        template: 'api_performance_optimization',
        version: '1.0.0',
        choices: {},
        note: 'x',
      }),
      /unexpected key “note”/,
    ],
    [
      'trailing-comma.json',
      '{\n  "template": "api_performance_optimization",\n  "version": "1.0.0",\n  "choices": {},\n}\n',
      /not valid JSON \(line 5, column 1: a property name in double quotes is expected \(no trailing commas\)\)/,
    ],
    [
      'proto-key.json',
      '{"template": "api_performance_optimization", "version": "1.0.0", "choices": {}, "__proto__": {"polluted": 1}}',
      /unexpected key “__proto__”/,
    ],
    [
      'constructor-key.json',
      '{"template": "api_performance_optimization", "version": "1.0.0", "choices": {}, "constructor": {"prototype": {"polluted": 1}}}',
      /unexpected key “constructor”/,
    ],
    ['huge.json', `{"pad": "${'x'.repeat(70 * 1024)}"}`, /at most 64 KB/],
    // Refused by its size before it is read: quick, and nothing of it reaches the parser.
    [
      'ten-megabytes.json',
      Buffer.alloc(10 * 1024 * 1024, 0x20),
      /is 10240 KB; a config file is at most 64 KB/,
    ],
    ['image.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), /not text/],
  ];
  for (const [name, content, message] of broken) {
    test(`a broken file changes nothing and says why: ${name}`, async ({
      page,
      guidePage,
      exportPanel,
      pageProblems,
    }) => {
      await guidePage.open(QUERY);
      // The app writes the canonical link (with its version) into the address bar first.
      await expect(page).toHaveURL(new RegExp(`&v=${VERSION_PATTERN}$`));
      const before = page.url();
      await exportPanel.pickFile(exportPanel.importConfig, name, content);
      const banner = page.getByRole('alert', { name: `${name} was not imported` });
      await expect(banner).toContainText(message);
      await expect(banner).toContainText('Nothing was changed');
      expect(page.url()).toBe(before);
      expect(
        await page.evaluate(() => ({
          polluted: ({} as Record<string, unknown>).polluted,
          prototype: Object.getPrototypeOf({}) === Object.prototype,
        })),
      ).toEqual({ polluted: undefined, prototype: true });
      await expect(exportPanel.toolbar).toBeVisible();
      expect(pageProblems.list).toEqual([]);
    });
  }

  test('drag and drop a file anywhere on the page', async ({
    page,
    guidePage,
    exportPanel,
    pageProblems,
  }) => {
    await guidePage.open(QUERY);
    // Text dragged inside the page is no file: no overlay, nothing taken over.
    const textDrag = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', 'selected words');
      return transfer;
    });
    await page.getByRole('main').dispatchEvent('dragenter', { dataTransfer: textDrag });
    await expect(exportPanel.dropOverlay).toBeHidden();

    await exportPanel.dropFile('config.json', otherConfig.toString(), { drop: false });
    await expect(exportPanel.dropOverlay).toBeVisible();
    await expect(
      page.locator('[aria-hidden="true"]').filter({ has: exportPanel.dropOverlay }),
    ).toHaveCount(1);
    await exportPanel.dropFile('config.json', otherConfig.toString());
    await expect(page).toHaveURL(shareUrlOf(page, OTHER));
    await expect(exportPanel.dropOverlay).toBeHidden();
    await expect(guidePage.title).toContainText('REST API');
    expect(pageProblems.list).toEqual([]);
  });
});

test('accessible in light and dark with the share link open, at every width', async ({
  page,
  guidePage,
  exportPanel,
  pageProblems,
}) => {
  test.setTimeout(180_000);
  await guidePage.open(QUERY);
  await exportPanel.share.click();
  await expect(exportPanel.shareLink).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `export toolbar, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: null });
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    for (const button of [
      ...(await exportPanel.toolbar.getByRole('button').all()),
      exportPanel.copyButton(FIRST_BLOCK),
      exportPanel.downloadButton(FIRST_BLOCK),
    ]) {
      const box = await button.boundingBox();
      expect(box?.height, `${await button.textContent()} at ${width}px`).toBeGreaterThanOrEqual(24);
      expect(box?.width, `${await button.textContent()} at ${width}px`).toBeGreaterThanOrEqual(24);
    }
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  }
  await screenshotThemes(page, 'export');
  await exportPanel.dropFile('config.json', otherConfig.toString(), { drop: false });
  await expect(exportPanel.dropOverlay).toBeVisible();
  await screenshotThemes(page, 'export-drop');
  expect(pageProblems.list).toEqual([]);
});
