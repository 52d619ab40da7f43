import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { startTransition, useEffect, useState } from 'react';
import { encodeShareQuery, type CodeBlock, type Choices, type TemplateInfo } from '../engine/index';
import { BlockActions, ExportToolbar, type ImportedConfig } from '../features/export/index';
import { GuideView } from '../features/guide/index';
import { guideQueryOptions } from './guide-source/guide-query';

export type GuideScreenProps = {
  template: TemplateInfo;
  choices: Choices;
  onChoose: (name: string, value: string) => void;
  onImport: (imported: ImportedConfig) => void;
};

/**
 * The guide for a complete set of choices, with its export actions. Loaded as its own chunk:
 * the wizard's screens do not need the guide's components. The guide itself is rendered by the
 * engine in a worker; while a changed choice is being rendered, the previous guide stays.
 */
export default function GuideScreen({ template, choices, onChoose, onImport }: GuideScreenProps) {
  const { data: guide, error } = useQuery({
    ...guideQueryOptions(template, choices),
    placeholderData: keepPreviousData,
  });
  // The first guide is a large tree: React builds it in a transition, in slices of a few
  // milliseconds, so the page answers input while it does. Later guides differ from the shown
  // one in a few blocks and are rendered at once.
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    if (guide && !revealed) startTransition(() => setRevealed(true));
  }, [guide, revealed]);
  useEffect(() => {
    if (guide) document.title = `${guide.title} · API Performance Wizard`;
  }, [guide]);
  if (error) throw error;
  if (!guide || !revealed) return <p aria-busy="true">Rendering your guide…</p>;
  const shareUrl = `${window.location.origin}${window.location.pathname}?${encodeShareQuery(template, guide.choices)}`;
  return (
    <GuideView
      template={template}
      guide={guide}
      choices={choices}
      onChoose={onChoose}
      toolbar={
        <ExportToolbar template={template} guide={guide} shareUrl={shareUrl} onImport={onImport} />
      }
      renderBlockActions={renderBlockActions}
    />
  );
}

/** One function for the life of the app, so unchanged blocks skip re-rendering. */
function renderBlockActions(block: CodeBlock) {
  return <BlockActions block={block} />;
}
