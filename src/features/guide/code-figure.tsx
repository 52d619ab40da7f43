import { memo, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { LANGUAGES, type CodeBlock, type LanguageId } from '../../engine/index';
import { codeLines } from './highlight/highlight-payload';
import { useHighlight } from './highlight/use-highlight';
import { usePaintedCode } from './highlight/use-painted-code';
import './code-figure.css';

export type CodeFigureProps = {
  block: CodeBlock;
  /** Copy and download buttons, composed by the app. */
  actions: ReactNode;
};

/** A code block: language and file name, its actions, and the code, highlighted when ready. */
export function CodeFigure({ block, actions }: CodeFigureProps) {
  const captionId = `${block.id}-caption`;
  return (
    <figure className="code-figure" aria-labelledby={captionId}>
      <div className="code-figure__header">
        <div className="code-figure__caption" id={captionId}>
          <span className="code-figure__language">{LANGUAGES[block.language].label}</span>{' '}
          <span className="code-figure__filename">{block.filename}</span>
        </div>
        <div className="code-figure__actions">{actions}</div>
      </div>
      <CodeBody language={block.language} code={block.code} />
    </figure>
  );
}

type CodeBodyProps = {
  language: LanguageId;
  code: string;
};

/**
 * The code itself: one text node, so copying and selecting give exactly the code, with the
 * line numbers in a gutter beside it that is never copied nor read out. Memoised on
 * (language, code): a changed choice re-renders only the blocks whose code changed. Plain at
 * once; the colours are laid over the text (CSS custom highlights) when they arrive.
 */
const CodeBody = memo(function CodeBody({ language, code }: CodeBodyProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const lines = useMemo(() => codeLines(code).length, [code]);
  const numbers = useMemo(() => lineNumbers(lines), [lines]);
  usePaintedCode(preRef, code, useHighlight(language, code));
  // A custom property through the CSSOM (no style attribute in the markup, which a strict CSP
  // allows): the block's height before it is first laid out.
  const style = useMemo(() => ({ '--code-lines': lines }) as CSSProperties, [lines]);
  return (
    <div className="code-figure__body" style={style}>
      <div className="code-figure__gutter" aria-hidden="true">
        {numbers}
      </div>
      {/* Long lines scroll sideways; keyboard users need to reach the scroller. */}
      <pre ref={preRef} className="code-figure__code" tabIndex={0}>
        <code className={`language-${language}`}>{code}</code>
      </pre>
    </div>
  );
});

/** "1\n2\n…\ncount": the gutter's one text node. */
function lineNumbers(count: number): string {
  return Array.from({ length: count }, (_, index) => index + 1).join('\n');
}
