import type { ReactNode } from 'react';
import type { CodeBlock, Guide, TemplateInfo } from '../../engine/index';

export type GuideViewProps = {
  template: TemplateInfo;
  guide: Guide;
  /**
   * The choices as the user has them now; the same as the guide's, except for the moment
   * between a change and the guide that follows it.
   */
  choices: Readonly<Record<string, string>>;
  /** Changes one choice in place; the guide re-renders from the new choices. */
  onChoose: (name: string, value: string) => void;
  /** The export actions (share, download all, config, markdown), composed by the app. */
  toolbar: ReactNode;
  /** Copy and download buttons for one code block, composed by the app. */
  renderBlockActions: (block: CodeBlock) => ReactNode;
};
