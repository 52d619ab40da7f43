import type { ReactNode } from 'react';
import type { CodeBlock, Guide, Template } from '../../engine/index';

export type GuideViewProps = {
  template: Template;
  guide: Guide;
  /** Changes one choice in place; the guide re-renders from the new choices. */
  onChoose: (name: string, value: string) => void;
  /** The export actions (share, download all, config, markdown), composed by the app. */
  toolbar: ReactNode;
  /** Copy and download buttons for one code block, composed by the app. */
  renderBlockActions: (block: CodeBlock) => ReactNode;
};
