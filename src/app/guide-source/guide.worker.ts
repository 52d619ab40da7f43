/**
 * The guide's thread: the engine renders the template and reads the markdown here (its first
 * run costs 100 ms and more of cold regular expressions and JIT), so the page only turns the
 * finished Guide model into elements. Requests are answered in order, one after the other,
 * even when an earlier one waits for its part of the template to load.
 */
import type { GuideRequest, GuideResponse } from './guide-protocol';
import { renderLinkedGuide, renderShippedGuide } from './render-here';

let queue: Promise<void> = Promise.resolve();

async function answer(request: GuideRequest): Promise<GuideResponse> {
  try {
    const guide = await ('query' in request
      ? renderLinkedGuide(request.query)
      : renderShippedGuide(request.choices));
    return { id: request.id, ok: true, guide };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, error: message };
  }
}

self.addEventListener('message', (event: MessageEvent<GuideRequest>) => {
  const request = event.data;
  queue = queue.then(async () => self.postMessage(await answer(request)));
});
