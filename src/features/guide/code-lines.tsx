import { Fragment } from 'react';
import {
  FONT_BOLD,
  FONT_ITALIC,
  FONT_STRIKETHROUGH,
  FONT_UNDERLINE,
  type HighlightResult,
  type HighlightToken,
} from './highlight/highlight-protocol';

export type CodeLinesProps = {
  lines: string[];
  highlighted: HighlightResult | undefined;
};

/**
 * The lines of a code block, plain or highlighted, in the same structure either way, so the
 * swap to colours moves nothing. Each line is an inline span followed by a newline, which
 * keeps copied text exact; line numbers come from a CSS counter and are never copied.
 */
export function CodeLines({ lines, highlighted }: CodeLinesProps) {
  return lines.map((line, index) => {
    const tokens = highlighted?.lines[index];
    return (
      <Fragment key={index}>
        <span className="code-line">
          {tokens ? <Tokens tokens={tokens} palette={highlighted.palette} /> : line}
        </span>
        {'\n'}
      </Fragment>
    );
  });
}

function Tokens({ tokens, palette }: { tokens: HighlightToken[]; palette: string[] }) {
  return tokens.map(([text, light, dark, fontStyle], index) => {
    if (light < 0 && dark < 0 && fontStyle === 0) return text;
    // Both themes' colours ride along as custom properties; CSS picks one with light-dark(),
    // so switching the theme recolours the code without highlighting it again.
    // A theme's default colour is left unset and falls back to the code's own colour in CSS.
    const style: Record<string, string> = {};
    const lightColor = palette[light];
    const darkColor = palette[dark];
    if (lightColor) style['--hl'] = lightColor;
    if (darkColor) style['--hd'] = darkColor;
    return (
      <span key={index} className={tokenClass(fontStyle)} style={style}>
        {text}
      </span>
    );
  });
}

function tokenClass(fontStyle: number): string {
  let name = 'code-token';
  if (fontStyle & FONT_ITALIC) name += ' code-token--italic';
  if (fontStyle & FONT_BOLD) name += ' code-token--bold';
  if (fontStyle & FONT_UNDERLINE) name += ' code-token--underline';
  if (fontStyle & FONT_STRIKETHROUGH) name += ' code-token--strike';
  return name;
}
