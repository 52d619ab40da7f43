/**
 * The guide's thread: the engine renders the template and reads the markdown here (its first
 * run costs 100 ms and more of cold regular expressions and JIT), so the page only turns the
 * finished Guide model into elements. Requests are answered in order.
 */
import type { GuideRequest, GuideResponse } from './guide-protocol';
import { renderLinkedGuide, renderShippedGuide } from './render-here';

self.addEventListener('message', (event: MessageEvent<GuideRequest>) => {
  const request = event.data;
  let response: GuideResponse;
  try {
    const guide =
      'query' in request ? renderLinkedGuide(request.query) : renderShippedGuide(request.choices);
    response = { id: request.id, ok: true, guide };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    response = { id: request.id, ok: false, error: message };
  }
  self.postMessage(response);
});
