import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { renderGuide } from '../engine/index';
import { templateQueryOptions } from './template-query';

describe('templateQueryOptions', () => {
  it('loads the shipped template, compiled at build time, once', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const template = await client.fetchQuery(templateQueryOptions());
    expect(template.meta.name).toBe('api_performance_optimization');
    expect(template.parameters).toHaveLength(6);
    expect(client.getQueryData(templateQueryOptions().queryKey)).toBe(template);
    const guide = renderGuide(template, {
      api_architecture: 'rest',
      backend_technology: 'nodejs',
      expected_load: 'low',
      data_complexity: 'analytics',
      performance_targets: 'sub-1s',
      infrastructure: 'traditional',
    });
    expect(guide.blocks.length).toBeGreaterThan(0);
  });
});
