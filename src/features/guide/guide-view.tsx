import { useEffect, useMemo } from 'react';
import type { LanguageId, Section } from '../../engine/index';
import { ChoicesPanel } from './choices-panel';
import { goToSection } from './go-to-section';
import { GuideBody } from './guide-body';
import { GuideHeader } from './guide-header';
import { GuideToc } from './guide-toc';
import { prepareHighlighter } from './highlight/highlight-client';
import { hasPrecomputedHighlights } from './highlight/precomputed-highlight';
import { usePrefetchHighlights } from './highlight/use-prefetch-highlights';
import type { GuideViewProps } from './guide-types';
import { useActiveSection } from './use-active-section';
import './guide-view.css';
import './guide-prose.css';

/**
 * The guide, rendered from the engine's Guide model as React elements: header, the choices and
 * contents beside it, and the body. A changed choice re-renders it in place, so the reader
 * keeps their place on the page.
 */
export function GuideView({
  template,
  guide,
  choices,
  onChoose,
  toolbar,
  renderBlockActions,
}: GuideViewProps) {
  const sectionIds = useMemo(() => flatten(guide.toc).map((section) => section.id), [guide.toc]);
  const active = useActiveSection(sectionIds);
  useScrollToLinkedSection();
  const languages = useMemo(
    () => [...new Set(guide.blocks.map((block) => block.language))].join(' '),
    [guide.blocks],
  );
  usePrefetchHighlights(guide.blocks);
  useEffect(() => {
    // The build's tokens usually cover every block: the worker starts only when they do not
    // (then here, at once, so its grammars load while the page renders), or on a miss.
    if (!hasPrecomputedHighlights()) prepareHighlighter(languages.split(' ') as LanguageId[]);
  }, [languages]);

  return (
    <article className="guide" aria-labelledby="guide-title">
      <GuideHeader guide={guide} toolbar={toolbar} />
      <aside className="guide__side" aria-label="Choices and contents">
        <ChoicesPanel template={template} choices={choices} onChoose={onChoose} />
        <GuideToc toc={guide.toc} active={active} />
      </aside>
      <div className="guide__body guide-prose">
        <GuideBody template={template} nodes={guide.body} renderBlockActions={renderBlockActions} />
      </div>
    </article>
  );
}

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.children)]);
}

/**
 * A link with #section opens at that section. The browser's own jump happened before the
 * guide existed (it is rendered after the template loads), so it is done once here.
 */
function useScrollToLinkedSection() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) goToSection(id, { smooth: false });
  }, []);
}
