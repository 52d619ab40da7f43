import { useEffect, useRef, type ReactNode } from 'react';
import type { Guide } from '../../engine/index';
import './guide-header.css';

export type GuideHeaderProps = {
  guide: Guide;
  toolbar: ReactNode;
};

/** Where the shipped template comes from; the app ships this one collection's template. */
const TEMPLATE_SOURCE = { name: 'jezweb/prompts', url: 'https://github.com/jezweb/prompts' };

/** The guide's title, what it covers, the template it came from, and the export actions. */
export function GuideHeader({ guide, toolbar }: GuideHeaderProps) {
  const meta = guide.template;
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Arriving at the guide (from the review, or a link) starts keyboard and screen-reader users
  // at its title, shown from the top; a link to a section keeps its own place (GuideView
  // scrolls there). Once per guide screen: a changed choice re-renders the same header.
  useEffect(() => {
    if (window.location.hash) return;
    window.scrollTo({ top: 0 });
    titleRef.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="guide-header">
      <h1 className="guide-header__title" id="guide-title" ref={titleRef} tabIndex={-1}>
        {guide.title}
      </h1>
      <p className="guide-header__description">{meta.description}</p>
      <dl className="guide-header__meta">
        <div className="guide-header__meta-item">
          <dt>Difficulty</dt>
          <dd>{capitalize(meta.difficulty)}</dd>
        </div>
        <div className="guide-header__meta-item">
          <dt>Version</dt>
          <dd>{meta.version}</dd>
        </div>
        <div className="guide-header__meta-item">
          <dt>Template</dt>
          <dd>
            <a href={TEMPLATE_SOURCE.url}>{TEMPLATE_SOURCE.name}</a> (MIT)
          </dd>
        </div>
      </dl>
      <div className="guide-header__toolbar">{toolbar}</div>
    </header>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
