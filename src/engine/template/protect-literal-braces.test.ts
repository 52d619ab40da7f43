import { describe, expect, it } from 'vitest';
import { helperNames } from '../render/helpers';
import { protectLiteralBraces } from './protect-literal-braces';

const names = {
  parameters: new Set(['api_architecture', 'environments', 'count']),
  helpers: helperNames,
};

/** The body with template mustaches kept and literal braces shown as ‹ and ›. */
function mark(body: string): string {
  const guarded = protectLiteralBraces(body, names);
  return guarded.source.replaceAll(guarded.openBrace, '‹').replaceAll(guarded.closeBrace, '›');
}

describe('which mustaches are template syntax', () => {
  it.each([
    ['a declared parameter', '{{api_architecture}}'],
    ['whitespace and strip marks', '{{~ api_architecture ~}}'],
    ['a helper call', '{{uppercase api_architecture}}'],
    ['a helper with a subexpression', '{{uppercase (trim api_architecture)}}'],
    [
      'a block keyword',
      '{{#if (eq api_architecture "rest")}}x{{else if (eq count 2)}}y{{else}}z{{/if}}',
    ],
    ['an unless block', '{{#unless api_architecture}}x{{/unless}}'],
    [
      'this and @index inside each',
      '{{#each (split environments ",")}}{{this}}{{@index}}{{/each}}',
    ],
    ['block params', '{{#each (split environments ",") as |env i|}}{{env}}{{i}}{{/each}}'],
    ['a triple-stash', '{{{api_architecture}}}'],
    ['a Handlebars comment', '{{!-- a note --}}'],
  ])('%s', (_, body) => {
    expect(mark(body)).toBe(body);
  });

  it.each([
    ['a Python f-string', 'f"body {{ font-family: Arial; }}"', 'f"body ‹‹ font-family: Arial; ››"'],
    ['f-string braces around a value', 'f"{{{value}}}"', 'f"‹‹‹value›››"'],
    ['JSX style', "style={{ height: '100%' }}", "style=‹‹ height: '100%' ››"],
    ['JSX object shorthand', 'value={{ state, dispatch }}', 'value=‹‹ state, dispatch ››'],
    ['a GitHub Actions expression', '${{ secrets.TOKEN }}', '$‹‹ secrets.TOKEN ››'],
    [
      'a GitHub Actions comparison',
      "${{ github.ref == 'refs/heads/main' }}",
      "$‹‹ github.ref == 'refs/heads/main' ››",
    ],
    ['Jinja with a method call', '{{ name.upper() }}', '‹‹ name.upper() ››'],
    ['a dotted path on a parameter', '{{ api_architecture.name }}', '‹‹ api_architecture.name ››'],
    [
      'Go templates',
      '{{if .Ready}}{{.Name}}{{else}}-{{end}}',
      '‹‹if .Ready››‹‹.Name››‹‹else››-‹‹end››',
    ],
    ['this outside any each', '{{this}}', '‹‹this››'],
    ['an unknown name', '{{ count_total }}', '‹‹ count_total ››'],
    [
      'a single-brace comment',
      '{{! not a handlebars comment here }}',
      '‹‹! not a handlebars comment here ››',
    ],
    ['four braces', '{{{{raw}}}}', '‹‹‹‹raw››››'],
  ])('%s is literal', (_, body, marked) => {
    expect(mark(body)).toBe(marked);
  });

  it('renders a template expression nested in a literal one', () => {
    expect(mark('${{ secrets.KUBE_CONFIG_{{uppercase (trim this)}} }}')).toBe(
      '$‹‹ secrets.KUBE_CONFIG_{{uppercase (trim this)}} ››',
    );
    expect(
      mark('{{#each (split environments ",")}}${S3_BUCKET_{{uppercase (trim this)}}}{{/each}}'),
    ).toBe('{{#each (split environments ",")}}$‹S3_BUCKET_{{uppercase (trim this)}}›{{/each}}');
  });

  it('protects every literal brace, single ones included', () => {
    expect(mark('function f() { return {a: 1}; }')).toBe('function f() ‹ return ‹a: 1›; ›');
  });

  it('picks sentinels that do not occur in the body', () => {
    const body = '\ue000\ue001 {{ x }}';
    const guarded = protectLiteralBraces(body, names);
    expect([guarded.openBrace, guarded.closeBrace]).not.toContain('\ue000');
    expect([guarded.openBrace, guarded.closeBrace]).not.toContain('\ue001');
  });
});
