import { queryOptions } from '@tanstack/react-query';

/**
 * The template the app ships, compiled at build time and loaded as its own chunk. Its data
 * never changes while the page is open, so it is fetched once and never refetched.
 */
export function templateQueryOptions() {
  return queryOptions({
    queryKey: ['template', 'api-performance-optimization'],
    queryFn: async () =>
      (await import('../../templates/api-performance-optimization.md?template')).default,
    staleTime: Infinity,
    gcTime: Infinity,
    // A chunk that failed to load is tried once more, quickly; then the error boundary takes over.
    retry: 1,
    retryDelay: 300,
  });
}
