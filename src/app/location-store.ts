/**
 * The address bar as the app's store: the query holds the choices, `history.state` the view.
 * Components read it with useSyncExternalStore, so reload, back and forward all reproduce
 * the same screen. An entry made from a link that could not be applied as it was also keeps
 * what was wrong with it, so reload and history show the same message.
 */
import type { Problem } from '../engine/index';

/** Where in the app the user is. */
export type View =
  { kind: 'start' } | { kind: 'step'; parameter: string } | { kind: 'review' } | { kind: 'guide' };

export interface LocationSnapshot {
  search: string;
  /** The view stored with this history entry; undefined for an entry the app did not make. */
  view: View | undefined;
  /** Counts history moves (load, back, forward), so entry-time messages can be keyed on them. */
  entry: number;
  /** What the link this entry was made from could not apply (not yet dismissed). */
  problems: Problem[] | undefined;
}

const listeners = new Set<() => void>();
let entry = 0;
let snapshot = read();

function read(): LocationSnapshot {
  const state: unknown = window.history.state;
  const view = isView(state) ? state : undefined;
  const problems =
    view && 'problems' in view && Array.isArray(view.problems)
      ? (view.problems as Problem[])
      : undefined;
  return { search: window.location.search, view, entry, problems };
}

function isView(value: unknown): value is View {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  const { kind } = value;
  if (kind === 'step') return typeof (value as { parameter?: unknown }).parameter === 'string';
  return kind === 'start' || kind === 'review' || kind === 'guide';
}

function emit(): void {
  snapshot = read();
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', () => {
  entry += 1;
  emit();
});

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): LocationSnapshot {
  return snapshot;
}

/**
 * Moves to a view and/or a new query; `replace` keeps the history entry (a choice changed).
 * `problems` are kept with the entry (see LocationSnapshot); without them the entry has none.
 */
export function navigate(
  next: { search?: string; view: View; problems?: Problem[] },
  options: { replace?: boolean } = {},
) {
  const search = next.search ?? window.location.search;
  // A changed choice keeps the reader's #section; a new view starts at the top.
  const hash = options.replace ? window.location.hash : '';
  const url = `${window.location.pathname}${search ? `?${search.replace(/^\?/, '')}` : ''}${hash}`;
  const { kind } = next.view;
  const view = next.view.kind === 'step' ? { kind, parameter: next.view.parameter } : { kind };
  const state = next.problems?.length ? { ...view, problems: next.problems } : view;
  if (options.replace) window.history.replaceState(state, '', url);
  else window.history.pushState(state, '', url);
  emit();
}
