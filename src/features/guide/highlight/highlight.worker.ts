/**
 * The highlighter's thread, for code whose tokens the build did not precompute: shiki and its
 * grammars live here, so tokenizing thousands of lines never blocks the page. Requests are
 * handled one at a time, in the order they came; a request cancelled before its turn (its
 * block unmounted, its choice changed) is dropped.
 */
import type { HighlightPayload } from './highlight-payload';
import type { HighlightRequest, HighlightResponse } from './highlight-protocol';
import { prepare, tokenize } from './tokenize';

type Job = Extract<HighlightRequest, { type: 'highlight' }>;

/** Recent results, so switching a choice back and forth does not tokenize again; bounded. */
const RECENT_LIMIT = 24;
const recent = new Map<string, HighlightPayload | null>();

const queue: Job[] = [];
let running = false;

function reply(response: HighlightResponse) {
  self.postMessage(response);
}

async function tokenizeRecent(job: Job): Promise<HighlightPayload | null> {
  const key = `${job.language}\n${job.code}`;
  if (recent.has(key)) {
    const result = recent.get(key)!;
    // Map order is insertion order: re-inserting makes this the most recently used entry.
    recent.delete(key);
    recent.set(key, result);
    return result;
  }
  const result = await tokenize(job.language, job.code);
  recent.set(key, result);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return result;
}

async function drain() {
  if (running) return;
  running = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    try {
      reply({ id: job.id, ok: true, result: await tokenizeRecent(job) });
    } catch (error) {
      reply({
        id: job.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    // Let cancellations that arrived meanwhile be read before the next job starts.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  running = false;
}

self.addEventListener('message', (event: MessageEvent<HighlightRequest>) => {
  const request = event.data;
  if (request.type === 'prepare') {
    prepare(request.languages);
    return;
  }
  if (request.type === 'cancel') {
    const index = queue.findIndex((job) => job.id === request.id);
    if (index >= 0) queue.splice(index, 1);
    return;
  }
  queue.push(request);
  void drain();
});
