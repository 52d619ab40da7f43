import type { Inline } from '../../engine/index';

export type GuideInlineProps = {
  nodes: Inline[];
};

/** Prose inside a block, as React elements; link targets were already vetted by the engine. */
export function GuideInline({ nodes }: GuideInlineProps) {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return (
          <strong key={index}>
            <GuideInline nodes={node.children} />
          </strong>
        );
      case 'emphasis':
        return (
          <em key={index}>
            <GuideInline nodes={node.children} />
          </em>
        );
      case 'delete':
        return (
          <del key={index}>
            <GuideInline nodes={node.children} />
          </del>
        );
      case 'code':
        return (
          <code key={index} className="guide-prose__code">
            {node.text}
          </code>
        );
      case 'link':
        return (
          <a key={index} href={node.href}>
            <GuideInline nodes={node.children} />
          </a>
        );
      case 'break':
        return <br key={index} />;
    }
  });
}
