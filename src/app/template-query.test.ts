import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import program from '../../templates/api-performance-optimization.md?program';
import { renderGuide } from '../engine/index';
import { templateQueryOptions } from './template-query';

describe('templateQueryOptions', () => {
  it('gives what the shipped template is and asks, compiled at build time, without its body', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const info = await client.fetchQuery(templateQueryOptions());
    expect(info.meta.name).toBe('api_performance_optimization');
    expect(info.parameters).toHaveLength(6);
    expect(info.labels?.parameters.backend_technology?.step).toBe('Backend');
    expect('program' in info).toBe(false);
    expect(client.getQueryData(templateQueryOptions().queryKey)).toBe(info);
  });

  it('renders a guide once the body is joined to it', async () => {
    const info = await new QueryClient().fetchQuery(templateQueryOptions());
    const guide = renderGuide(
      { ...info, program },
      {
        api_architecture: 'rest',
        backend_technology: 'nodejs',
        expected_load: 'low',
        data_complexity: 'analytics',
        performance_targets: 'sub-1s',
        infrastructure: 'traditional',
      },
    );
    expect(guide.blocks.length).toBeGreaterThan(0);
  });
});
