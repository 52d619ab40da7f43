import type { LanguageId } from '../../../engine/index';

/** Where the build writes precomputed tokens, relative to the site's base. */
export const HIGHLIGHT_ASSET_DIR = 'assets/hl';

/**
 * The name of a code block's precomputed tokens: the first 24 hex digits of the SHA-256 of
 * `${language}\n${code}`. The build (in Node) and the page compute it the same way, with Web
 * Crypto, which both have.
 */
export async function highlightKey(language: LanguageId, code: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${language}\n${code}`),
  );
  return Array.from(new Uint8Array(digest).subarray(0, 12), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}
