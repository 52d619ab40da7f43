import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  decodeShareQuery,
  encodeShareQuery,
  type Choices,
  type Problem,
  type TemplateInfo,
} from '../engine/index';
import {
  getSnapshot,
  navigate,
  subscribe,
  type LocationSnapshot,
  type View,
} from './location-store';

const NO_PROBLEMS: Problem[] = [];

/** Problems to show in the banner, and where they came from. */
export interface Notice {
  source: 'link' | 'file';
  /** For a file: its name. */
  name?: string;
  problems: Problem[];
  /** Whether anything was applied (a link keeps its valid choices, if any; a broken file changes nothing). */
  applied: boolean;
}

export interface AppState {
  view: View;
  /** The valid choices given so far (defaults not included). */
  given: Choices;
  /** All choices, when every required one is answered. */
  complete: Choices | undefined;
  notice: Notice | undefined;
  dismissNotice: () => void;
  choose: (name: string, value: string) => void;
  go: (view: View) => void;
  /** Replaces every choice at once (an imported config) and shows the guide. */
  replaceChoices: (choices: Choices) => void;
  showNotice: (notice: Notice) => void;
}

/**
 * The whole app state, derived from the address bar: choices from the query (validated by the
 * engine), the view from the history entry, the guide from (template, choices).
 */
export function useAppState(template: TemplateInfo): AppState {
  const location = useSyncExternalStore(subscribe, getSnapshot);
  const decoded = useMemo(
    () => decodeShareQuery(template, location.search),
    [template, location.search],
  );
  const { given, complete } = decoded;

  // Problems belong to the history entry that brought them; a later change of choice rewrites
  // the query cleanly, but the message stays until it is dismissed or the user moves in history.
  const [dismissed, setDismissed] = useState<number | undefined>(undefined);
  const [fileNotice, setFileNotice] = useState<{ entry: number; notice: Notice } | undefined>();
  const [entryProblems] = useState(() => new Map<number, Problem[]>());
  if (!entryProblems.has(location.entry)) {
    entryProblems.set(
      location.entry,
      location.problems ?? problemsToShow(decoded.problems, location),
    );
  }
  const linkProblems = entryProblems.get(location.entry) ?? NO_PROBLEMS;
  const notice: Notice | undefined =
    fileNotice?.entry === location.entry
      ? fileNotice.notice
      : dismissed !== location.entry && linkProblems.length > 0
        ? { source: 'link', problems: linkProblems, applied: Object.keys(given).length > 0 }
        : undefined;

  const view = resolveView(template, location.view, given, complete, location.search);
  // The address bar shows exactly what is applied: a link as typed (without its version, with a
  // typo the banner explains) is rewritten in place to the canonical query of its valid choices.
  const canonical = Object.keys(given).length > 0 ? `?${encodeShareQuery(template, given)}` : '';
  // The entry keeps the problems the banner shows, so reload, back and forward show them again.
  useEffect(() => {
    if (location.search === canonical) return;
    const problems = dismissed === location.entry ? [] : linkProblems;
    navigate({ search: canonical, view, problems }, { replace: true });
  }, [location.search, location.entry, canonical, view, dismissed, linkProblems]);

  const choose = useCallback(
    (name: string, value: string) => {
      const next = { ...decodeShareQuery(template, window.location.search).given, [name]: value };
      navigate({ search: encodeShareQuery(template, next), view }, { replace: true });
    },
    [template, view],
  );
  const go = useCallback((next: View) => navigate({ view: next }), []);
  const replaceChoices = useCallback(
    (choices: Choices) =>
      navigate({ search: encodeShareQuery(template, choices), view: { kind: 'guide' } }),
    [template],
  );
  const showNotice = useCallback(
    (next: Notice) => setFileNotice({ entry: getSnapshot().entry, notice: next }),
    [],
  );
  const dismissNotice = useCallback(() => {
    setDismissed(getSnapshot().entry);
    setFileNotice(undefined);
    // Dismissed for good: the entry forgets its problems, so a reload does not bring them back.
    navigate({ view }, { replace: true });
  }, [view]);

  return {
    view,
    given,
    complete,
    notice,
    dismissNotice,
    choose,
    go,
    replaceChoices,
    showNotice,
  };
}

/**
 * What a link could not apply. An empty query is a fresh visit, not a broken link; in an entry
 * the app made itself (a reload mid-wizard), unanswered steps are not problems either.
 */
function problemsToShow(problems: Problem[], location: LocationSnapshot): Problem[] {
  if (location.search.replace(/^\?/, '') === '') return [];
  return location.view ? problems.filter((problem) => problem.kind !== 'missing') : problems;
}

/**
 * The view to show: the history entry's own when it still makes sense, otherwise the guide for
 * a complete link, the first unanswered step for a partial one, and the start screen for none.
 */
function resolveView(
  template: TemplateInfo,
  stored: View | undefined,
  given: Choices,
  complete: Choices | undefined,
  search: string,
): View {
  const firstMissing = template.parameters.find(
    (parameter) => parameter.required && !Object.hasOwn(given, parameter.name),
  );
  if (stored) {
    if (stored.kind === 'guide' && !complete) {
      return firstMissing ? { kind: 'step', parameter: firstMissing.name } : { kind: 'review' };
    }
    if (stored.kind === 'step' && !template.parameters.some((p) => p.name === stored.parameter)) {
      return { kind: 'start' };
    }
    return stored;
  }
  if (complete) return { kind: 'guide' };
  if (search.replace(/^\?/, '') === '') return { kind: 'start' };
  return firstMissing ? { kind: 'step', parameter: firstMissing.name } : { kind: 'review' };
}
