import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightKey } from './highlight-key';
import type { HighlightPayload } from './highlight-payload';

const requestHighlight = vi.fn();
vi.mock('./highlight-client', () => ({ requestHighlight }));

const { highlightQueryOptions, prefetchHighlights, resetHighlightWarning } =
  await import('./highlight-query');

const CODE = 'package main\n';
const result: HighlightPayload = { palette: ['#d73a49', '#f97583'], lines: [[7, 0, 1, 5, -1, -1]] };

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('highlightQueryOptions', () => {
  let client: QueryClient;
  const fetch = vi.fn<typeof globalThis.fetch>();
  beforeEach(() => {
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    requestHighlight.mockReset();
    fetch.mockReset();
    vi.stubGlobal('fetch', fetch);
    resetHighlightWarning();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    client.clear();
  });

  it('is keyed by language and code, so equal code is highlighted once', async () => {
    requestHighlight.mockResolvedValue(result);
    const options = highlightQueryOptions('go', CODE);
    expect(options.queryKey).toEqual(['highlight', 'go', CODE]);
    expect(await client.fetchQuery(options)).toBe(result);
    expect(await client.fetchQuery(highlightQueryOptions('go', CODE))).toBe(result);
    expect(requestHighlight).toHaveBeenCalledTimes(1);
    await client.fetchQuery(highlightQueryOptions('go', 'package other\n'));
    expect(requestHighlight).toHaveBeenCalledTimes(2);
    // Without precomputed tokens in this build, nothing is fetched.
    expect(fetch).not.toHaveBeenCalled();
  });

  it('forgets tokens as soon as no block shows them, so a long session piles nothing up', async () => {
    requestHighlight.mockResolvedValue(result);
    const observer = new QueryObserver(client, highlightQueryOptions('go', CODE));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe(result));
    expect(client.getQueryCache().find({ queryKey: ['highlight', 'go', CODE] })).toBeDefined();
    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(client.getQueryCache().find({ queryKey: ['highlight', 'go', CODE] })).toBeUndefined();
  });

  it('takes the build’s tokens when it has them, without starting the worker', async () => {
    vi.stubEnv('VITE_PRECOMPUTED_HIGHLIGHTS', 'true');
    fetch.mockResolvedValue(jsonResponse(result));
    expect(await client.fetchQuery(highlightQueryOptions('go', CODE))).toEqual(result);
    const key = await highlightKey('go', CODE);
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    expect(fetch).toHaveBeenCalledWith(`/assets/hl/${key}.json`, expect.anything());
    expect(requestHighlight).not.toHaveBeenCalled();
  });

  it('asks the worker when the build has no tokens for the code, or they do not fit it', async () => {
    vi.stubEnv('VITE_PRECOMPUTED_HIGHLIGHTS', 'true');
    requestHighlight.mockResolvedValue(result);
    fetch.mockResolvedValueOnce(new Response('not found', { status: 404 }));
    expect(await client.fetchQuery(highlightQueryOptions('go', CODE))).toBe(result);
    fetch.mockResolvedValueOnce(jsonResponse({ palette: [], lines: [[99, -1, -1]] }));
    expect(await client.fetchQuery(highlightQueryOptions('go', 'package a\n'))).toBe(result);
    fetch.mockRejectedValueOnce(new TypeError('offline'));
    expect(await client.fetchQuery(highlightQueryOptions('go', 'package b\n'))).toBe(result);
    expect(requestHighlight).toHaveBeenCalledTimes(3);
  });

  it('falls back to plain code with one warning when the worker fails', async () => {
    requestHighlight.mockRejectedValue(new Error('no workers here'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await client.fetchQuery(highlightQueryOptions('go', 'a\n'))).toBeNull();
    expect(await client.fetchQuery(highlightQueryOptions('python', 'b\n'))).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('a block’s query takes over the request prefetched while the guide rendered', async () => {
    vi.stubEnv('VITE_PRECOMPUTED_HIGHLIGHTS', 'true');
    fetch.mockImplementation(() => Promise.resolve(jsonResponse(result)));
    prefetchHighlights([
      { language: 'go', code: CODE },
      { language: 'text', code: 'plain\n' },
    ]);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(await client.fetchQuery(highlightQueryOptions('go', CODE))).toEqual(result);
    expect(fetch).toHaveBeenCalledTimes(1);
    // Taken once: a later query (the first one was dropped) fetches again.
    client.clear();
    await client.fetchQuery(highlightQueryOptions('go', CODE));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a new guide’s prefetch drops what the previous guide asked and nobody took', async () => {
    vi.stubEnv('VITE_PRECOMPUTED_HIGHLIGHTS', 'true');
    fetch.mockImplementation(() => Promise.resolve(jsonResponse(result)));
    prefetchHighlights([{ language: 'go', code: 'package mian\n' }]);
    prefetchHighlights([{ language: 'go', code: CODE }]);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await client.fetchQuery(highlightQueryOptions('go', 'package mian\n'));
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
