import info from '../../../templates/api-performance-optimization.md?template';
import loadProgram from '../../../templates/api-performance-optimization.md?programs';
import { decodeShareQuery, renderGuide, type Choices, type Guide } from '../../engine/index';

/**
 * The shipped template's guide for these choices, rendered by the engine on the calling
 * thread: in the guide worker, and in the page when it cannot start one. Only the body these
 * choices can show is loaded (one small chunk per backend, architecture and infrastructure).
 */
export async function renderShippedGuide(choices: Choices): Promise<Guide> {
  return renderGuide({ ...info, program: await loadProgram(choices) }, choices);
}

/** The guide a link opens on, or null when the link's choices are not complete and valid. */
export async function renderLinkedGuide(query: string): Promise<Guide | null> {
  const { complete } = decodeShareQuery(info, query);
  return complete ? renderShippedGuide(complete) : null;
}
