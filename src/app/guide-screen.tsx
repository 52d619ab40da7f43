import { useEffect, useMemo } from 'react';
import program from '../../templates/api-performance-optimization.md?program';
import {
  encodeShareQuery,
  renderGuide,
  type Choices,
  type Template,
  type TemplateInfo,
} from '../engine/index';
import { BlockActions, ExportToolbar, type ImportedConfig } from '../features/export/index';
import { GuideView } from '../features/guide/index';

export type GuideScreenProps = {
  template: TemplateInfo;
  choices: Choices;
  onChoose: (name: string, value: string) => void;
  onImport: (imported: ImportedConfig) => void;
};

/**
 * The guide for a complete set of choices, with its export actions. Loaded as its own chunk:
 * the wizard's screens do not need the markdown reader or the guide's components.
 */
export default function GuideScreen({
  template: info,
  choices,
  onChoose,
  onImport,
}: GuideScreenProps) {
  const template: Template = useMemo(() => ({ ...info, program }), [info]);
  // `choices` keeps its identity while the query does not change, so the guide is rendered
  // once per set of choices, not on every render.
  const guide = useMemo(() => renderGuide(template, choices), [template, choices]);
  const shareUrl = `${window.location.origin}${window.location.pathname}?${encodeShareQuery(template, choices)}`;
  useEffect(() => {
    document.title = `${guide.title} · API Performance Wizard`;
  }, [guide.title]);
  return (
    <GuideView
      template={template}
      guide={guide}
      onChoose={onChoose}
      toolbar={
        <ExportToolbar template={template} guide={guide} shareUrl={shareUrl} onImport={onImport} />
      }
      renderBlockActions={(block) => <BlockActions block={block} />}
    />
  );
}
