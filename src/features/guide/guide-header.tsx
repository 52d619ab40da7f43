import type { ReactNode } from 'react';
import { useFocusOnMount } from '../../components/ui/use-focus-on-mount';
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
  // Arriving at the guide from the wizard starts keyboard and screen-reader users at its title,
  // shown from the top; a link that opens on the guide leaves focus where the browser starts
  // it, as the wizard's first screen does. Once per guide screen: a changed choice re-renders
  // the same header.
  const titleRef = useFocusOnMount<HTMLHeadingElement>({ exceptFirstScreen: true });
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
