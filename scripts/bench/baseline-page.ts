import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Marked, type Tokens } from 'marked';
import { createHighlighter } from 'shiki';
import { GRAMMARS } from '../../src/features/guide/highlight/shiki-grammars';
import { renderGuide, type Choices, type Template } from '../../src/engine/index';

/**
 * The physical baseline: the same guide as one static HTML page, highlighted in advance with
 * the same shiki themes, no JavaScript at all. What our app is measured against.
 */
export async function writeBaselinePage(
  template: Template,
  choices: Choices,
  dist: string,
): Promise<string> {
  const guide = renderGuide(template, choices);
  const languages = [...new Set(guide.blocks.map((block) => block.language))].filter(
    (id) => id !== 'text',
  );
  const highlighter = await createHighlighter({
    themes: ['github-light', 'github-dark'],
    langs: languages.map((id) => GRAMMARS[id].name),
  });
  // The app's CSP (served to this page too) refuses style attributes: shiki's inline styles
  // become rules in the page's stylesheet, one per distinct style, matched by an attribute.
  const styles = new Map<string, number>();
  const styleRules = (html: string) =>
    html.replace(/ style="([^"]*)"/g, (_, style: string) => {
      let index = styles.get(style);
      if (index === undefined) {
        index = styles.size;
        styles.set(style, index);
      }
      return ` data-s="${index}"`;
    });
  let next = 0;
  const marked = new Marked({
    gfm: true,
    renderer: {
      code(token: Tokens.Code) {
        const block = guide.blocks[next];
        if (token.text.trim() === '' || !block)
          return '<p class="notice">No code for these choices yet.</p>';
        next += 1;
        const lang = block.language === 'text' ? 'text' : GRAMMARS[block.language].name;
        const html = highlighter.codeToHtml(block.code, {
          lang,
          themes: { light: 'github-light', dark: 'github-dark' },
        });
        // Marked as highlighted, so the probe reads this page as it reads the app.
        return `<figure><figcaption>${block.filename}</figcaption>${styleRules(html).replace('<pre ', '<pre data-highlighted="true" ')}</figure>`;
      },
    },
  });
  const body = await marked.parse(guide.markdown);
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${guide.title}</title>
<link rel="stylesheet" href="baseline.css">
</head>
<body><main>${body}</main></body>
</html>
`;
  const css = `body{margin:0;font-family:system-ui,sans-serif;line-height:1.55;color:#1f2328;background:#fff}
main{max-width:52rem;margin:0 auto;padding:2rem 1rem}
pre{padding:1rem;overflow-x:auto;border-radius:.5rem;font-size:.875rem;tab-size:4}
figure{margin:1rem 0}figcaption{font:600 .8rem ui-monospace,monospace;color:#57606a}
${[...styles].map(([style, index]) => `[data-s="${index}"]{${style.replaceAll('&#x27;', "'")}}`).join('\n')}
`;
  const dir = join(dist, 'baseline');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), page);
  await writeFile(join(dir, 'baseline.css'), css);
  highlighter.dispose();
  return '/baseline/';
}
