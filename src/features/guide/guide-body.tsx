import { memo, type ReactNode } from 'react';
import type { CodeBlock, GuideNode, ListItem, TemplateInfo } from '../../engine/index';
import { CodeFigure } from './code-figure';
import { GuideHeading } from './guide-heading';
import { GuideInline } from './guide-inline';
import { GuideTable } from './guide-table';
import { NoticeBox } from './notice-box';
import { sameContent } from './same-content';

export type GuideBodyProps = {
  template: TemplateInfo;
  nodes: GuideNode[];
  renderBlockActions: (block: CodeBlock) => ReactNode;
};

/**
 * The guide's blocks in document order. Headings, code blocks and notices are keyed by their
 * stable ids, so a changed choice updates the page in place instead of rebuilding it.
 */
export function GuideBody({ template, nodes, renderBlockActions }: GuideBodyProps) {
  return nodes.map((node, index) => (
    <GuideBlock
      key={nodeKey(node, index)}
      template={template}
      node={node}
      renderBlockActions={renderBlockActions}
    />
  ));
}

function nodeKey(node: GuideNode, index: number): string {
  if (node.type === 'heading') return `heading:${node.id}`;
  if (node.type === 'code') return `code:${node.block.id}`;
  if (node.type === 'notice') return `notice:${node.notice.id}`;
  return `${node.type}:${index}`;
}

type GuideBlockProps = {
  template: TemplateInfo;
  node: GuideNode;
  renderBlockActions: (block: CodeBlock) => ReactNode;
};

/**
 * One block, re-rendered only when its content changed: a changed choice brings a whole new
 * Guide (from the worker), in which most blocks are equal to the ones shown.
 */
const GuideBlock = memo(
  GuideBlockContent,
  (before, after) =>
    before.template === after.template &&
    before.renderBlockActions === after.renderBlockActions &&
    sameContent(before.node, after.node),
);

function GuideBlockContent({ template, node, renderBlockActions }: GuideBlockProps) {
  switch (node.type) {
    case 'heading':
      return <GuideHeading id={node.id} depth={node.depth} nodes={node.children} />;
    case 'paragraph':
      return (
        <p>
          <GuideInline nodes={node.children} />
        </p>
      );
    case 'list':
      return <GuideList {...node} template={template} renderBlockActions={renderBlockActions} />;
    case 'quote':
      return (
        <blockquote>
          <GuideBody
            template={template}
            nodes={node.children}
            renderBlockActions={renderBlockActions}
          />
        </blockquote>
      );
    case 'rule':
      return <hr />;
    case 'table':
      return <GuideTable align={node.align} header={node.header} rows={node.rows} />;
    case 'code':
      return <CodeFigure block={node.block} actions={renderBlockActions(node.block)} />;
    case 'notice':
      return <NoticeBox template={template} notice={node.notice} />;
  }
}

type GuideListProps = {
  template: TemplateInfo;
  ordered: boolean;
  start?: number;
  items: ListItem[];
  renderBlockActions: (block: CodeBlock) => ReactNode;
};

function GuideList({ template, ordered, start, items, renderBlockActions }: GuideListProps) {
  const tasks = items.some((item) => item.checked !== undefined);
  const children = items.map((item, index) => {
    // A one-paragraph item is a "tight" item: its text without a paragraph's margins.
    const [only] = item.children;
    const content =
      item.children.length === 1 && only?.type === 'paragraph' ? (
        <GuideInline nodes={only.children} />
      ) : (
        <GuideBody
          template={template}
          nodes={item.children}
          renderBlockActions={renderBlockActions}
        />
      );
    return (
      <li key={index} className={item.checked === undefined ? undefined : 'guide-prose__task'}>
        {item.checked === undefined ? null : (
          <input
            type="checkbox"
            className="guide-prose__checkbox"
            checked={item.checked}
            readOnly
            disabled
            aria-label={item.checked ? 'Done' : 'To do'}
          />
        )}
        {content}
      </li>
    );
  });
  const className = tasks ? 'guide-prose__tasks' : undefined;
  return ordered ? (
    <ol className={className} start={start}>
      {children}
    </ol>
  ) : (
    <ul className={className}>{children}</ul>
  );
}
