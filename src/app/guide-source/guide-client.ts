import type { Choices, Guide } from '../../engine/index';
import type { GuideRequest, GuideResponse } from './guide-protocol';

type Question = { choices: Choices } | { query: string };
type Pending = {
  question: Question;
  resolve: (guide: Guide | null) => void;
  reject: (error: Error) => void;
};

let worker: Worker | undefined;
/** Set once the worker cannot run here (no Worker, blocked script): the page renders then. */
let inPage = typeof Worker === 'undefined';
let nextId = 1;
const pending = new Map<number, Pending>();
/** The guide of the link the page opened with, asked for before React started. */
let early: Promise<Guide | null> | undefined;

function key(choices: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(choices).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function renderInPage(question: Question): Promise<Guide | null> {
  const { renderLinkedGuide, renderShippedGuide } = await import('./render-here');
  return 'query' in question
    ? renderLinkedGuide(question.query)
    : renderShippedGuide(question.choices);
}

function startWorker(): Worker {
  const started = new Worker(new URL('./guide.worker.ts', import.meta.url), {
    type: 'module',
    name: 'guide',
  });
  started.addEventListener('message', (event: MessageEvent<GuideResponse>) => {
    const response = event.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.ok) waiting.resolve(response.guide);
    else waiting.reject(new Error(response.error));
  });
  // The script could not load or threw at the top level: render in the page from now on,
  // including what was already asked.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    console.warn('The guide worker failed to start; rendering in the page.', event.message);
    inPage = true;
    started.terminate();
    worker = undefined;
    for (const { question, resolve, reject } of pending.values()) {
      renderInPage(question).then(resolve, reject);
    }
    pending.clear();
  });
  return started;
}

function ask(question: Question): Promise<Guide | null> {
  if (inPage) return renderInPage(question);
  worker ??= startWorker();
  const id = nextId++;
  const target = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { question, resolve, reject });
    target.postMessage({ id, ...question } satisfies GuideRequest);
  });
}

async function askChoices(choices: Choices): Promise<Guide> {
  const guide = await ask({ choices });
  if (!guide) throw new Error('The guide worker answered no guide for complete choices.');
  return guide;
}

/**
 * Starts the guide worker on the link the page was opened with, before the page's own script
 * has loaded React: the worker reads the link and renders its guide meanwhile.
 */
export function renderLinkEarly(query: string): void {
  // User timing for `npm run bench` and DevTools: once per page, so nothing piles up.
  performance.mark('guide:asked');
  early = ask({ query });
  early.then(() => performance.mark('guide:received')).catch(() => undefined);
  // Unhandled only if nobody asks for it; the screen's own request reports a failure.
  early.catch(() => undefined);
}

/**
 * The guide for a complete set of choices, rendered off the main thread. The first request
 * takes the link's early guide when it was for the same choices. (Two screens asking for the
 * same choices at once share one request through the guide query's key, not here.)
 */
export function requestGuide(choices: Choices): Promise<Guide> {
  const opening = early;
  early = undefined;
  if (!opening) return askChoices(choices);
  const id = key(choices);
  return opening.then((guide) =>
    guide && key(guide.choices) === id ? guide : askChoices(choices),
  );
}
