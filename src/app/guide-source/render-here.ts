import info from '../../../templates/api-performance-optimization.md?template';
import program from '../../../templates/api-performance-optimization.md?program';
import {
  decodeShareQuery,
  renderGuide,
  type Choices,
  type Guide,
  type Template,
} from '../../engine/index';

const template: Template = { ...info, program };

/**
 * The shipped template's guide for these choices, rendered by the engine on the calling
 * thread: in the guide worker, and in the page when it cannot start one.
 */
export function renderShippedGuide(choices: Choices): Guide {
  return renderGuide(template, choices);
}

/** The guide a link opens on, or null when the link's choices are not complete and valid. */
export function renderLinkedGuide(query: string): Guide | null {
  const { complete } = decodeShareQuery(info, query);
  return complete ? renderGuide(template, complete) : null;
}
