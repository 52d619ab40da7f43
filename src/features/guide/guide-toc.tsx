import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Section } from '../../engine/index';
import { onSectionLinkClick } from './go-to-section';
import { useKeepInView } from './use-keep-in-view';
import { useMediaQuery } from './use-media-query';
import './guide-toc.css';

export type GuideTocProps = {
  toc: Section[];
  /** The section being read, marked aria-current="location". */
  active: string | undefined;
};

/** Screens wide enough for the side column, where the contents are open by default. */
export const WIDE_SCREEN = '(min-width: 64rem)';

/**
 * "On this page": the sections as links, following the reader. Open beside the guide on wide
 * screens; folded above it on phones, where it closes again once a section is picked.
 */
export function GuideToc({ toc, active }: GuideTocProps) {
  const wide = useMediaQuery(WIDE_SCREEN);
  // The reader's own open/closed choice, for the screen width it was made at.
  const [choice, setChoice] = useState<{ wide: boolean; open: boolean } | undefined>(undefined);
  const open = choice?.wide === wide ? choice.open : wide;
  const navRef = useRef<HTMLElement>(null);
  useKeepInView(navRef, 'a[aria-current="location"]', active);

  return (
    <nav ref={navRef} className="guide-toc" aria-labelledby="guide-toc-title">
      <details
        className="guide-toc__details"
        open={open}
        onToggle={(event) => {
          const next = event.currentTarget.open;
          if (next !== open) setChoice({ wide, open: next });
        }}
      >
        <summary className="guide-toc__summary" id="guide-toc-title">
          On this page
        </summary>
        <TocList
          sections={toc}
          active={active}
          onPick={() => {
            // Folded before scrolling: folding after would move the target from under the scroll.
            if (!wide) flushSync(() => setChoice({ wide, open: false }));
          }}
        />
      </details>
    </nav>
  );
}

type TocListProps = {
  sections: Section[];
  active: string | undefined;
  onPick: () => void;
};

function TocList({ sections, active, onPick }: TocListProps) {
  return (
    <ul className="guide-toc__list">
      {sections.map((section) => (
        <li key={section.id} className="guide-toc__item">
          <a
            className="guide-toc__link"
            href={`#${section.id}`}
            aria-current={section.id === active ? 'location' : undefined}
            onClick={(event) => onSectionLinkClick(event, section.id, onPick)}
          >
            {section.title}
          </a>
          {section.children.length > 0 ? (
            <TocList sections={section.children} active={active} onPick={onPick} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
