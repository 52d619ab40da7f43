import { plainText, type Inline } from '../../engine/index';
import { onSectionLinkClick } from './go-to-section';
import { GuideInline } from './guide-inline';

export type GuideHeadingProps = {
  id: string;
  depth: number;
  nodes: Inline[];
};

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * A section heading with its anchor link. The link sits beside the heading, not inside it, so
 * the heading's accessible name is its title alone. The guide's title is the only h1.
 */
export function GuideHeading({ id, depth, nodes }: GuideHeadingProps) {
  const Tag = `h${Math.min(Math.max(depth, 2), 6)}` as HeadingTag;
  return (
    <div className={`guide-heading guide-heading--${Tag}`}>
      <Tag id={id} className="guide-heading__title" tabIndex={-1}>
        <GuideInline nodes={nodes} />
      </Tag>
      <a
        className="guide-heading__anchor"
        href={`#${id}`}
        aria-label={`Link to ${plainText(nodes)}`}
        onClick={(event) => onSectionLinkClick(event, id)}
      >
        #
      </a>
    </div>
  );
}
