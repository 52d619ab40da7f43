import { describe, expect, it } from 'vitest';
import { renderGuide } from '../../engine/index';
import { loadFixture } from '../../engine/testing/fixtures';
import { choicesSummary, markdownFileName, projectZipFileName, zipFileName } from './export-names';

const template = loadFixture('seed.md');
const guide = renderGuide(template, {
  api_architecture: 'grpc',
  backend_technology: 'go',
  expected_load: 'high',
  data_complexity: 'real-time',
  performance_targets: 'sub-100ms',
  infrastructure: 'containerized',
});

describe('export file names', () => {
  it('name the zip after the template and the choices, in question order', () => {
    expect(zipFileName(template, guide)).toBe(
      'api_performance_optimization-grpc-go-high-real-time-sub-100ms-containerized.zip',
    );
    expect(projectZipFileName(template, guide)).toBe(
      'api_performance_optimization-grpc-go-high-real-time-sub-100ms-containerized-project.zip',
    );
    expect(markdownFileName(template, guide)).toBe(
      'api_performance_optimization-grpc-go-high-real-time-sub-100ms-containerized.md',
    );
  });

  it('give two setups two Markdown names', () => {
    const other = renderGuide(template, { ...guide.choices, backend_technology: 'rust' });
    expect(markdownFileName(template, other)).not.toBe(markdownFileName(template, guide));
  });

  it('keep the summary short and made of safe characters only', () => {
    const long = {
      ...guide,
      choices: { ...guide.choices, api_architecture: 'A/B\\..:*?"<>| x'.repeat(9) },
    };
    const summary = choicesSummary(template, long);
    expect(summary.length).toBeLessThanOrEqual(60);
    expect(summary).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
