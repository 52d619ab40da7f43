import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatTemplateIssue,
  LIMITS,
  loadTemplate,
  RenderLimitError,
  renderGuide,
  TemplateError,
} from '../index';
import { HOSTILE_FRONTMATTER } from '../testing/hostile';

// Templates come from anyone (the CLI's --template). Whatever their body, loading and rendering
// one must end quickly: with a guide, or with a TemplateError whose every issue is one line.
// Random and adversarial bodies up to 100 KB, each within a time budget.

const FRONTMATTER = HOSTILE_FRONTMATTER;
const CHOICES = { x: 'a', items: Array.from({ length: 200 }, (_, i) => `item${i}`).join(',') };
const MAX_BODY = 100 * 1024;
/** The issue's bound, on this machine: loading and rendering one template. */
const BUDGET_MS = 1000;

/** Loads and renders; what happened, how long it took. */
function attempt(body: string): { ms: number; outcome: 'rendered' | TemplateError } {
  const start = performance.now();
  let outcome: 'rendered' | TemplateError = 'rendered';
  try {
    renderGuide(loadTemplate(FRONTMATTER + body), CHOICES);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    outcome = error;
  }
  return { ms: performance.now() - start, outcome };
}

/**
 * Within the budget, or refused with readable issues. A case over the budget is run once more
 * and its faster run counts: a pause of the machine is not the template's doing, a slow
 * algorithm is slow both times.
 */
function finishesInTime(body: string): void {
  let { ms, outcome } = attempt(body);
  if (ms > BUDGET_MS) ({ ms, outcome } = attempt(body));
  expect(ms, `${body.length} characters: ${JSON.stringify(body.slice(0, 80))}…`).toBeLessThan(
    BUDGET_MS,
  );
  if (outcome === 'rendered') return;
  expect(outcome.issues.length).toBeGreaterThan(0);
  expect(outcome.issues.length).toBeLessThanOrEqual(11);
  for (const issue of outcome.issues) {
    const line = formatTemplateIssue(issue);
    expect(line).not.toMatch(/\n/);
    expect(line.length).toBeLessThan(400);
    expect(issue.message.trim()).not.toBe('');
  }
}

/** `unit` repeated to about `size` characters. */
const repeat = (unit: string, size: number): string =>
  unit.repeat(Math.max(1, Math.floor(size / unit.length)));
const size = fc.integer({ min: 1, max: MAX_BODY });

/** Pieces that mean something to the template compiler, to markdown, or to both. */
const piece = fc.constantFrom(
  '{{',
  '}}',
  '{',
  '}',
  '{{{',
  '}}}',
  '{{#if x}}',
  '{{#if (eq x "a")}}',
  '{{/if}}',
  '{{#unless x}}',
  '{{/unless}}',
  '{{#each (split items ",")}}',
  '{{#each (split items ",") as |item i|}}{{item}}{{i}}',
  '{{/each}}',
  '{{#with x}}',
  '{{/with}}',
  '{{else}}',
  '{{else if x}}',
  '{{^}}',
  '{{x}}',
  '{{{x}}}',
  '{{~x~}}',
  '{{this}}',
  '{{@index}}',
  '{{../x}}',
  '{{uppercase x}}',
  '{{eq (eq (eq x "a") true) true}}',
  '{{!-- ',
  ' --}}',
  '{{! note }}',
  '(',
  ')',
  '"',
  "'",
  '\\',
  '*',
  '**',
  '_',
  '~~',
  '`',
  '```',
  '```js\n',
  '\n```\n',
  '> ',
  '- ',
  '1. ',
  '  ',
  '\t',
  '|',
  '|---|',
  '[',
  '](',
  '![',
  'www.a(',
  'http://a.b/(',
  '<',
  '>',
  '&#123;',
  '#',
  '## ',
  '\n',
  '\n\n',
  'text ',
  '\u{e000}',
  '\u{f0000}',
  '\u0000',
);

const randomBody = fc
  .tuple(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 1, max: 250 }))
  .map(([pieces, times]) => pieces.join('').repeat(times).slice(0, MAX_BODY));

/** The shapes that were slow, deep or unbounded, at any size up to 100 KB. */
const adversarialBody = fc.oneof(
  // Unclosed blocks: quadratic in Handlebars' parser before it failed.
  size.map((n) => repeat('{{#if x}}{{', n)),
  // Nesting past any stack.
  size.map((n) => {
    const depth = Math.floor(n / 16);
    return '{{#if x}}'.repeat(depth) + 'x' + '{{/if}}'.repeat(depth);
  }),
  size.map((n) => `{{#if x}}${repeat('{{else if x}}y', n)}{{/if}}`),
  size.map((n) => {
    const depth = Math.floor(n / 8);
    return `{{uppercase ${'(trim '.repeat(depth)}x${')'.repeat(depth)}}}`;
  }),
  size.map((n) => '{{#each (split items ",")}}'.repeat(n / 60) + 'x' + '{{/each}}'.repeat(n / 60)),
  // Loops over big lists, nested.
  fc.integer({ min: 1, max: 2000 }).map((n) => {
    const list = Array.from({ length: n }, () => 'a').join(',');
    return `{{#each (split "${list}")}}{{#each (split "${list}")}}- {{this}}\n{{/each}}{{/each}}`;
  }),
  // Output that grows past any guide.
  size.map((n) => repeat('{{#each (split items ",")}}{{items}}{{/each}}\n', n)),
  // Many values on one line: escaping each used to re-read the line so far.
  size.map((n) => repeat('{{x}}`', n)),
  size.map((n) => repeat('{{#each (split items ",")}}{{this}} {{/each}}', n)),
  // Brace runs, long lines, unclosed comments and strings.
  size.map((n) => '{'.repeat(n)),
  size.map((n) => repeat('{{ "', n)),
  size.map((n) => repeat('{{!-- ', n)),
  size.map((n) => 'a'.repeat(n)),
  size.map((n) => repeat('{{ x x x x ', n)),
  // Markdown that marked reads slowly or recursively.
  size.map((n) => repeat('*a **b _c', n)),
  size.map((n) => repeat('_a_', n)),
  size.map((n) => repeat('www.a(', n)),
  size.map((n) => repeat('> ', n)),
  size.map((n) => repeat('- ', n)),
  size.map((n) => {
    const depth = Math.floor(Math.sqrt(n));
    return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- x\n`).join('');
  }),
  size.map((n) => repeat('```js\nconst a = 1;\n```\n\n', n)),
  size.map((n) => repeat('|a|b|\n|-|-|\n', n)),
  size.map((n) => `- a\n${repeat('b\n', n)}`),
  size.map((n) => `1. a\n${repeat('  b\n', n)}`),
  size.map((n) => `www.a${repeat('&lt;', n)}`),
  size.map((n) => `http://a.b/${repeat('&amp;', n)}`),
  size.map((n) => repeat('(a', n)),
  // Helpers whose results multiply: join/split chains, in loops.
  fc.integer({ min: 1, max: 60 }).map((copies) => {
    const inner = '(join (split (join (split items ",") "y") "") "zzzzzzzzzz")';
    return `{{#if (join (split ${inner} "") "ww")}}ok{{/if}}\n`.repeat(copies);
  }),
  fc.integer({ min: 1, max: 9999 }).map((n) => {
    const list = Array.from({ length: n }, () => 'a').join(',');
    return `{{#each (split "${list}")}}{{#if (join (split (join (split items ",") "yyy") "") "zzz")}}{{/if}}{{/each}}`;
  }),
  size.map((n) => repeat('\u{e000}\u{e001}\u{e002}', n)),
);

describe('hostile templates', () => {
  it('each private-use character a body may hold still leaves two sentinels', () => {
    let all = '';
    for (let code = 0xe000; code <= 0xf8ff; code += 1) all += String.fromCharCode(code);
    const template = loadTemplate(`${FRONTMATTER}{{x}} ${all} {{ literal }}\n`);
    const { markdown } = renderGuide(template, CHOICES);
    expect(markdown).toBe(`a ${all} {{ literal }}\n`);
  });

  it(
    `random bodies up to 100 KB render or are refused within ${BUDGET_MS} ms`,
    { timeout: 120_000 },
    () => {
      fc.assert(fc.property(randomBody, finishesInTime), { numRuns: 150 });
    },
  );

  it(
    `adversarial bodies up to 100 KB render or are refused within ${BUDGET_MS} ms`,
    { timeout: 120_000 },
    () => {
      fc.assert(fc.property(adversarialBody, finishesInTime), { numRuns: 150 });
    },
  );
});

describe('limits name what and where', () => {
  const issueOf = (body: string): string => {
    const { outcome } = attempt(body);
    if (outcome === 'rendered') return expect.fail('rendered, but it should not have');
    return outcome.issues.map(formatTemplateIssue).join('\n');
  };

  it('nesting', () => {
    const body = `\n${'{{#if x}}'.repeat(70)}x${'{{/if}}'.repeat(70)}`;
    expect(issueOf(body)).toBe(
      `line 18, column ${9 * 64 + 1}: {{#if}} opens block number 65 inside one another; blocks nest at most 64 deep ({{else if}} counting as one more), so close some first`,
    );
  });

  it('a chain of else-ifs', () => {
    expect(issueOf(`{{#if x}}${'{{else if x}}'.repeat(70)}{{/if}}`)).toMatch(
      /^line 17, column 829: this \{\{else …\}\} nests block number 65; blocks nest at most 64 deep/,
    );
  });

  it('sub-expressions', () => {
    expect(issueOf(`{{uppercase ${'(trim '.repeat(20)}x${')'.repeat(20)}}}`)).toBe(
      'line 17, column 3: this expression nests 20 sub-expressions (…) inside one another; at most 16',
    );
  });

  it('loops, counted over the whole guide', () => {
    const list = Array.from({ length: 200 }, () => 'a').join(',');
    const body = `{{#each (split "${list}")}}\n  {{#each (split "${list}")}}.{{/each}}{{/each}}`;
    expect(attempt(body).outcome).toBeInstanceOf(RenderLimitError);
    expect(issueOf(body)).toBe(
      'line 18, column 3: this {{#each}} would make loops run 10,200 times in this guide; all loops together run at most 10,000 times, so loop over a shorter list or nest fewer loops',
    );
  });

  it('the length of a guide', () => {
    const body = `intro\n{{#each (split items ",")}}\n{{items}}\n{{/each}}`;
    expect(issueOf(body)).toBe(
      `line 18, column 1: the guide would be longer than 262,144 characters, the most one guide may have (the longest the shipped template makes is 91,436); it gets there in the {{#each}} at line 18, column 1`,
    );
  });

  it('markdown nesting, at the guide line and the template place that wrote it', () => {
    expect(issueOf(`# T\n\n{{x}}\n${'> '.repeat(40)}quoted\n`)).toBe(
      "line 19, column 1: the guide's line 4 (“> > > > > > > > > > > > …”) sits inside 33 quotes, list items or indentation levels; markdown reads them one inside another, at most 32 deep: flatten them",
    );
  });

  it('markdown emphasis that would take the square of its length', () => {
    expect(issueOf(`# T\n\n{{x}} ${repeat('*a **b _c', 8 * 1024)}\n`)).toMatch(
      /^line 19, column 1: the guide's line 3 \(“a \*a \*\*b _c\*a \*\*b _c\*a \*…”\) holds too many emphasis marks, parentheses or ampersands for markdown to read in time \(2,730 \*, _, ~, \( or & in 8,192 characters; their product summed over a guide may be at most 4,000,000\): split the paragraph, or escape the marks with a backslash$/,
    );
  });

  it('text written as it stands in the template, at its own line and column', () => {
    expect(issueOf(`# T\n\nsome text\n  ${'> '.repeat(40)}quoted\n{{x}}\n`)).toMatch(
      /^line 20, column 1: the guide's line 4 \(“ {2}> > > > > > > > > > > …”\) sits inside 33 /,
    );
  });

  it('a list item that runs on for hundreds of lines', () => {
    expect(issueOf(`{{x}}\n- item\n${'more of it\n'.repeat(300)}`)).toBe(
      "line 17, column 1: the guide's line 202 (“more of it”) is line 201 of one list item without a blank line; markdown reads an item's lines again for each new one, so an item has at most 200: end the list with a blank line before long text",
    );
    expect(attempt(`- item\n\n${'a paragraph\n'.repeat(300)}`).outcome).toBe('rendered');
  });

  it('escaped marks are not emphasis', () => {
    expect(attempt(`${'\\*'.repeat(3000)}\n`).outcome).toBe('rendered');
  });

  it('helpers that would make huge texts, at the value or block that calls them', () => {
    const chain =
      '(join (split (join (split items ",") "y") "") "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")';
    expect(
      issueOf(`{{#if ${chain.replace('items', chain.replace('"zzzz', '"zz'))}}}ok{{/if}}`),
    ).toMatch(
      /^line 17, column 1: join would make a text of [\d,]+ characters; a guide has at most 262,144, so make shorter texts \(fewer or smaller items to split or join\)$/,
    );
    const list = Array.from({ length: 5000 }, () => 'a').join(',');
    expect(
      issueOf(`{{#each (split "${list}")}}\n{{#if (join (split items ",") "-")}}{{/if}}{{/each}}`),
    ).toMatch(
      /^line 18, column 1: helpers such as join would make more than 4,194,304 characters of text in this guide, the most they may make; so make shorter texts/,
    );
  });

  it('thousands of frontmatter problems, as ten lines', () => {
    const keys = Array.from({ length: 6000 }, () => 'k: 1').join('\n');
    const issues = (() => {
      try {
        loadTemplate(`---\n${keys}\n---\nbody\n`);
      } catch (error) {
        if (error instanceof TemplateError) return error.issues;
      }
      return [];
    })();
    expect(issues).toHaveLength(10);
    expect(issues.at(-1)).toEqual({ message: 'and 5,990 more problems like these' });
  });

  it('YAML nested past its parser', () => {
    expect(() =>
      loadTemplate(`---\nz: ${'['.repeat(30_000)}${']'.repeat(30_000)}\n---\nx\n`),
    ).toThrow(
      /^line 2, column \d+: frontmatter is not valid YAML: brackets or keys nest too deeply to read; the frontmatter is a flat list of fields and their values/,
    );
  });

  it('the size of a template and of its frontmatter', () => {
    expect(() => loadTemplate(FRONTMATTER + 'a'.repeat(LIMITS.templateChars))).toThrow(
      /^the template has 2,097,\d{3} characters; a template may have at most 2,097,152 \(the shipped one has about 427,000\)/,
    );
    const padded = FRONTMATTER.replace('---\n', `---\n# ${'a'.repeat(LIMITS.frontmatterChars)}\n`);
    expect(() => loadTemplate(`${padded}x`)).toThrow(
      /^line 2: the frontmatter has 65,\d{3} characters; it may have at most 65,536/,
    );
  });

  it('a YAML alias bomb in the frontmatter, at its first alias', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries()) {
      const previous = 'abcdefg'[index] ?? 'a';
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const source = `---\n${levels.join('\n')}\n---\nbody\n`;
    expect(() => loadTemplate(source)).toThrow(
      /^line 3, column 8: the frontmatter uses aliases \(\*name\) too often or they expand to too much data \(yaml allows 100 uses\); write the values out instead$/,
    );
  });
});
