import type { LanguageId } from '../../../engine/index';
import type { HighlightPayload } from './highlight-payload';
import type { HighlightRequest, HighlightResponse } from './highlight-protocol';

type Pending = {
  resolve: (result: HighlightPayload | null) => void;
  reject: (error: Error) => void;
};

let worker: Worker | undefined;
let broken: Error | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function fail(error: Error) {
  broken = error;
  worker?.terminate();
  worker = undefined;
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

/** The one highlighter worker, started on first use and shared by every code block. */
function getWorker(): Worker {
  if (broken) throw broken;
  if (worker) return worker;
  if (typeof Worker === 'undefined') throw (broken = new Error('Web Workers are not available'));
  const started = new Worker(new URL('./highlight.worker.ts', import.meta.url), {
    type: 'module',
    name: 'highlighter',
  });
  started.addEventListener('message', (event: MessageEvent<HighlightResponse>) => {
    const response = event.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.ok) waiting.resolve(response.result);
    else waiting.reject(new Error(response.error));
  });
  // The script failed to load or threw at the top level: no highlighting for this page.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(event.message || 'the highlighter worker failed to start'));
  });
  worker = started;
  return started;
}

/**
 * Starts the worker and has it load the grammars a guide will need, while the page renders;
 * without workers this does nothing, and highlighting falls back when first asked.
 */
export function prepareHighlighter(languages: readonly LanguageId[]): void {
  const wanted = languages.filter((language) => language !== 'text');
  if (wanted.length === 0) return;
  try {
    getWorker().postMessage({ type: 'prepare', languages: wanted } satisfies HighlightRequest);
  } catch {
    // Reported once, by the first highlight request.
  }
}

/**
 * Tokens for a piece of code, from the worker; null when the code is not worth highlighting.
 * Aborting drops the request if the worker has not started on it yet.
 */
export function requestHighlight(
  language: LanguageId,
  code: string,
  signal?: AbortSignal,
): Promise<HighlightPayload | null> {
  return new Promise((resolve, reject) => {
    const target = getWorker();
    const id = nextId++;
    pending.set(id, { resolve, reject });
    target.postMessage({ type: 'highlight', id, language, code } satisfies HighlightRequest);
    signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(id)) return;
        worker?.postMessage({ type: 'cancel', id } satisfies HighlightRequest);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      },
      { once: true },
    );
  });
}
