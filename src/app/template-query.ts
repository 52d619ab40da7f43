import { queryOptions } from '@tanstack/react-query';
import info from '../../templates/api-performance-optimization.md?template';

/**
 * The template the app ships: what it is and what it asks, compiled at build time and small
 * (its body, which only the guide needs, is loaded with the guide screen). A query so that a
 * template fetched at run time can take its place without changing its readers.
 */
export function templateQueryOptions() {
  return queryOptions({
    queryKey: ['template', 'api-performance-optimization'],
    queryFn: () => Promise.resolve(info),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}
