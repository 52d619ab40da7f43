import { useCallback, useEffect } from 'react';
import { encodeShareQuery, stepName, type Template } from '../engine/index';
import {
  BlockActions,
  ConfigDropZone,
  ConfigImportButton,
  ExportToolbar,
  type ImportedConfig,
} from '../features/export/index';
import { GuideView } from '../features/guide/index';
import { StartScreen, Wizard, type WizardStep } from '../features/wizard/index';
import { NoticeBanner } from './notice-banner';
import { useAppState } from './use-app-state';

export type ScreensProps = { template: Template };

/** Chooses the screen for the current view and wires the features to the app state. */
export function Screens({ template }: ScreensProps) {
  const state = useAppState(template);
  const { view, given, guide, notice, choose, go, replaceChoices, showNotice, dismissNotice } =
    state;

  const onImport = useCallback(
    ({ fileName, decoded }: ImportedConfig) => {
      const errors = decoded.problems.filter((problem) => problem.kind !== 'version-mismatch');
      if (decoded.fatal || errors.length > 0 || !decoded.complete) {
        showNotice({ source: 'file', name: fileName, problems: decoded.problems, applied: false });
        return;
      }
      replaceChoices(decoded.complete);
      if (decoded.problems.length > 0) {
        showNotice({ source: 'file', name: fileName, problems: decoded.problems, applied: true });
      }
    },
    [replaceChoices, showNotice],
  );

  useDocumentTitle(template, view, guide?.title);

  const onNavigate = useCallback(
    (step: WizardStep) => go(step.kind === 'review' ? { kind: 'review' } : step),
    [go],
  );
  const firstStep: WizardStep = { kind: 'step', parameter: template.parameters[0]?.name ?? '' };

  let screen;
  if (view.kind === 'start') {
    screen = (
      <StartScreen
        template={template}
        answered={Object.keys(given).length}
        onStart={() => go(firstStep)}
        secondaryActions={<ConfigImportButton template={template} onImport={onImport} />}
      />
    );
  } else if (view.kind === 'guide' && guide) {
    const shareUrl = `${window.location.origin}${window.location.pathname}?${encodeShareQuery(template, guide.choices)}`;
    screen = (
      <GuideView
        template={template}
        guide={guide}
        onChoose={choose}
        toolbar={
          <ExportToolbar
            template={template}
            guide={guide}
            shareUrl={shareUrl}
            onImport={onImport}
          />
        }
        renderBlockActions={(block) => <BlockActions block={block} />}
      />
    );
  } else {
    const step: WizardStep = view.kind === 'step' ? view : { kind: 'review' };
    screen = (
      <Wizard
        template={template}
        choices={given}
        step={step}
        onChoose={choose}
        onNavigate={onNavigate}
        onFinish={() => go({ kind: 'guide' })}
      />
    );
  }

  return (
    <ConfigDropZone template={template} onImport={onImport}>
      {notice ? <NoticeBanner notice={notice} onDismiss={dismissNotice} /> : null}
      {screen}
    </ConfigDropZone>
  );
}

/** "Step 2 of 6 — Backend", the guide's title, or the app's name, as the page title. */
function useDocumentTitle(
  template: Template,
  view: ReturnType<typeof useAppState>['view'],
  guideTitle: string | undefined,
) {
  let title = 'API Performance Wizard';
  if (view.kind === 'step') {
    const index = template.parameters.findIndex((parameter) => parameter.name === view.parameter);
    const parameter = template.parameters[index];
    if (parameter)
      title = `Step ${index + 1} of ${template.parameters.length} — ${stepName(template, parameter)} · ${title}`;
  } else if (view.kind === 'review') {
    title = `Review your answers · ${title}`;
  } else if (view.kind === 'guide' && guideTitle) {
    title = `${guideTitle} · ${title}`;
  }
  useEffect(() => {
    document.title = title;
  }, [title]);
}
