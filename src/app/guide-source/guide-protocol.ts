import type { Choices, Guide } from '../../engine/index';

/**
 * What the page asks the guide worker: the guide for one complete set of choices, or for the
 * link the page was opened with (decoded by the worker, before the page has started React).
 */
export type GuideRequest = { id: number; choices: Choices } | { id: number; query: string };

/** The guide, or null for a link that does not hold a complete, valid set of choices. */
export type GuideResponse =
  { id: number; ok: true; guide: Guide | null } | { id: number; ok: false; error: string };
