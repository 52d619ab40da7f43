import { queryOptions } from '@tanstack/react-query';
import { encodeShareQuery, type Choices, type TemplateInfo } from '../../engine/index';
import { requestGuide } from './guide-client';

/**
 * The guide for a template and choices. A guide is a pure function of the two, so it never
 * goes stale; it is dropped as soon as no screen shows it (a guide holds all its code, and
 * rendering one again in the worker takes a few milliseconds).
 */
export function guideQueryOptions(template: TemplateInfo, choices: Choices) {
  return queryOptions({
    queryKey: ['guide', template.meta.name, encodeShareQuery(template, choices)] as const,
    queryFn: () => requestGuide(choices),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}
