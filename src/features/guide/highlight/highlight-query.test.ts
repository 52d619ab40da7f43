import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightResult } from './highlight-protocol';

const requestHighlight = vi.fn();
vi.mock('./highlight-client', () => ({ requestHighlight }));

const { highlightQueryOptions, resetHighlightWarning } = await import('./highlight-query');

const result: HighlightResult = { palette: ['#d73a49'], lines: [[['package', 0, 0, 0]]] };

describe('highlightQueryOptions', () => {
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    requestHighlight.mockReset();
    resetHighlightWarning();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    client.clear();
  });

  it('is keyed by language and code, so equal code is highlighted once', async () => {
    requestHighlight.mockResolvedValue(result);
    const options = highlightQueryOptions('go', 'package main\n');
    expect(options.queryKey).toEqual(['highlight', 'go', 'package main\n']);
    expect(await client.fetchQuery(options)).toBe(result);
    expect(await client.fetchQuery(highlightQueryOptions('go', 'package main\n'))).toBe(result);
    expect(requestHighlight).toHaveBeenCalledTimes(1);
    await client.fetchQuery(highlightQueryOptions('go', 'package other\n'));
    expect(requestHighlight).toHaveBeenCalledTimes(2);
  });

  it('falls back to plain code with one warning when the worker fails', async () => {
    requestHighlight.mockRejectedValue(new Error('no workers here'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await client.fetchQuery(highlightQueryOptions('go', 'a\n'))).toBeNull();
    expect(await client.fetchQuery(highlightQueryOptions('python', 'b\n'))).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
