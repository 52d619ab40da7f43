import { memo, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { LANGUAGES, type CodeBlock, type LanguageId } from '../../engine/index';
import { CodeLines } from './code-lines';
import { codeLines } from './highlight/highlight-protocol';
import { useHighlight } from './highlight/use-highlight';
import { useNearViewport } from './use-near-viewport';
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
 * The code itself. Memoised on (language, code): a changed choice re-renders only the blocks
 * whose code changed. Shown as plain text at once; the colours follow when the worker is done.
 */
const CodeBody = memo(function CodeBody({ language, code }: CodeBodyProps) {
  const ref = useRef<HTMLPreElement>(null);
  const near = useNearViewport(ref);
  const highlighted = useHighlight(language, code, near);
  const lines = useMemo(() => codeLines(code), [code]);
  const gutter = { '--gutter': `${String(lines.length).length}ch` } as CSSProperties;
  return (
    <pre
      ref={ref}
      className="code-figure__code"
      style={gutter}
      // Long lines scroll sideways; keyboard users need to reach the scroller.
      tabIndex={0}
      data-highlighted={highlighted ? 'true' : undefined}
    >
      <code className={`language-${language}`}>
        <CodeLines lines={lines} highlighted={highlighted} />
      </code>
    </pre>
  );
});
