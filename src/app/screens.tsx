import { lazy, Suspense, useCallback, useEffect } from 'react';
import { stepName, type TemplateInfo } from '../engine/index';
import { ConfigDropZone, ConfigImportButton, type ImportedConfig } from '../features/export/index';
import { StartScreen, Wizard, type WizardStep } from '../features/wizard/index';
import { NoticeBanner } from './notice-banner';
import { useAppState } from './use-app-state';

const GuideScreen = lazy(() => import('./guide-screen'));

export type ScreensProps = { template: TemplateInfo };

/** Chooses the screen for the current view and wires the features to the app state. */
export function Screens({ template }: ScreensProps) {
  const state = useAppState(template);
  const { view, given, complete, notice, choose, go, replaceChoices, showNotice, dismissNotice } =
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

  useDocumentTitle(template, view);

  const onNavigate = useCallback(
    (step: WizardStep) => go(step.kind === 'review' ? { kind: 'review' } : step),
    [go],
  );
  // "Start" begins at the first question; "Continue" (some answers came with a link) at the
  // first one still unanswered, or at the review when none is.
  const unanswered = template.parameters.find(
    (parameter) => parameter.required && !Object.hasOwn(given, parameter.name),
  );
  const startAt: WizardStep =
    Object.keys(given).length === 0
      ? { kind: 'step', parameter: template.parameters[0]?.name ?? '' }
      : unanswered
        ? { kind: 'step', parameter: unanswered.name }
        : { kind: 'review' };

  let screen;
  if (view.kind === 'start') {
    screen = (
      <StartScreen
        template={template}
        answered={Object.keys(given).length}
        onStart={() => go(startAt)}
        secondaryActions={<ConfigImportButton template={template} onImport={onImport} />}
      />
    );
  } else if (view.kind === 'guide' && complete) {
    screen = (
      <Suspense fallback={<p aria-busy="true">Rendering your guide…</p>}>
        <GuideScreen template={template} choices={complete} onChoose={choose} onImport={onImport} />
      </Suspense>
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
        onExit={() => go({ kind: 'start' })}
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
function useDocumentTitle(template: TemplateInfo, view: ReturnType<typeof useAppState>['view']) {
  let title = 'API Performance Wizard';
  if (view.kind === 'step') {
    const index = template.parameters.findIndex((parameter) => parameter.name === view.parameter);
    const parameter = template.parameters[index];
    if (parameter)
      title = `Step ${index + 1} of ${template.parameters.length} — ${stepName(template, parameter)} · ${title}`;
  } else if (view.kind === 'review') {
    title = `Review your answers · ${title}`;
  }
  useEffect(() => {
    document.title = title;
  }, [title]);
}
