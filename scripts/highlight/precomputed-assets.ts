import { labelsFileOf, loadTemplateFile } from '../../src/cli/load-template-file';
import { highlightKey } from '../../src/features/guide/highlight/highlight-key';
import { tokenize } from '../../src/features/guide/highlight/tokenize';
import { blocksVersion, readCache, tokenizerVersion, writeCache } from './highlight-cache';
import { allChoices, shippedBlocks } from './shipped-blocks';

/** Tokens by block key, as the JSON text of each asset. */
export type PrecomputedAssets = Map<string, string>;

export interface PrecomputeReport {
  assets: PrecomputedAssets;
  guides: number;
  /** Blocks tokenized by this build; the others came from the cache. */
  tokenized: number;
  fromCache: boolean;
}

/**
 * The tokens of every code block the shipped template can show, computed with the worker's
 * own tokenize(). Rendering every guide and tokenizing ~90k lines takes a while, so both steps
 * are cached in node_modules/.cache, keyed by the sources they depend on. Null when the
 * template cannot be enumerated (free-text parameters): the worker highlights everything then.
 */
export async function precomputeAssets(file?: string): Promise<PrecomputeReport | null> {
  const loaded = await loadTemplateFile(file);
  if ('errors' in loaded) return null;
  const combinations = allChoices(loaded.template);
  if (!combinations) return null;

  const [blocksAt, tokensAt] = await Promise.all([
    blocksVersion([loaded.file, labelsFileOf(loaded.file)]),
    tokenizerVersion(),
  ]);
  const tokens = (await readCache<Record<string, string>>('tokens', tokensAt)) ?? {};
  const cachedKeys = await readCache<string[]>('blocks', blocksAt);
  if (cachedKeys?.every((key) => key in tokens)) {
    const assets = new Map(cachedKeys.map((key) => [key, tokens[key]!]));
    return { assets, guides: combinations.length, tokenized: 0, fromCache: true };
  }

  const assets: PrecomputedAssets = new Map();
  let tokenized = 0;
  for (const { language, code } of shippedBlocks(loaded.template, combinations)) {
    const key = await highlightKey(language, code);
    let json = tokens[key];
    if (json === undefined) {
      const payload = await tokenize(language, code);
      // Code too long to highlight has no asset: the page asks the worker, which says the same.
      if (!payload) continue;
      json = JSON.stringify(payload);
      tokenized += 1;
    }
    assets.set(key, json);
  }
  await writeCache('tokens', tokensAt, Object.fromEntries(assets));
  await writeCache('blocks', blocksAt, [...assets.keys()]);
  return { assets, guides: combinations.length, tokenized, fromCache: false };
}
