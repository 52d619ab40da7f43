import { describe, expect, it } from 'vitest';
import { renderGuide, renderMarkdown } from '../index';
import {
  combinations,
  handlebarsReference,
  loadFixture,
  readFixture,
  type FixtureName,
} from '../testing/fixtures';

const SIBLINGS: FixtureName[] = [
  'ci-cd-pipeline.md',
  'analytics-dashboard-design.md',
  'sprint-planning.md',
];

describe('the sibling templates render exactly as Handlebars does', () => {
  it.each(SIBLINGS)(
    '%s, for every combination of its choices',
    (name) => {
      const template = loadFixture(name);
      const reference = handlebarsReference(readFixture(name));
      let count = 0;
      for (const choices of combinations(template, {
        environments: ' dev, staging ,production',
        sprint_number: '14',
        team_size: '5',
        product_name: 'Checkout',
      })) {
        const markdown = renderMarkdown(template, choices);
        if (markdown !== reference(choices)) expect.fail(`differs for ${JSON.stringify(choices)}`);
        count += 1;
      }
      expect(count).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('GitHub Actions expressions in the CI/CD template', () => {
  const template = loadFixture('ci-cd-pipeline.md');
  const github = renderMarkdown(template, {
    platform: 'github-actions',
    project_type: 'python',
    deployment_target: 'kubernetes',
    environments: 'dev,staging,production',
    testing_enabled: 'yes',
  });

  it('keeps ${{ … }} expressions byte for byte', () => {
    expect(github).toContain('python-version: ${{ env.PYTHON_VERSION }}');
    expect(github).toContain("key: ${{ runner.os }}-pip-${{ hashFiles('requirements.txt') }}");
    expect(github).toContain("text: 'Deployment to staging ${{ job.status }}'");
  });

  it('renders a template expression nested inside a literal one', () => {
    expect(github).toContain(
      'echo "${{ secrets.KUBE_CONFIG_PRODUCTION }}" | base64 -d > kubeconfig',
    );
    expect(github).toContain('KUBE_CONFIG_STAGING: ${{ secrets.KUBE_CONFIG_STAGING }}');
  });

  it('resolves top-level parameters inside #each, as in compat mode', () => {
    const aws = renderMarkdown(template, {
      platform: 'github-actions',
      project_type: 'node',
      deployment_target: 'aws',
      environments: 'dev,production',
      testing_enabled: 'no',
    });
    expect(aws).toContain('aws s3 sync dist/ s3://${{ vars.S3_BUCKET_PRODUCTION }}/ --delete');
    expect(aws).toContain('--distribution-id ${{ vars.CLOUDFRONT_DISTRIBUTION_ID_DEV }} \\');
    expect(aws.match(/aws-access-key-id: \$\{\{ secrets\.AWS_ACCESS_KEY_ID \}\}/g)).toHaveLength(2);
  });

  it('renders ${VAR_{{…}}} shell expansions with the template value inside', () => {
    const gitlab = renderMarkdown(template, {
      platform: 'gitlab-ci',
      project_type: 'node',
      deployment_target: 'aws',
      environments: 'dev, production',
      testing_enabled: 'yes',
    });
    expect(gitlab).toContain('- aws s3 sync dist/ s3://${S3_BUCKET_PRODUCTION}/ --delete');
    expect(gitlab).toContain('--distribution-id ${CLOUDFRONT_DISTRIBUTION_ID_DEV} \\');
  });

  it('uses the defaults of optional parameters', () => {
    const guide = renderGuide(template, {
      platform: 'github-actions',
      project_type: 'node',
      deployment_target: 'heroku',
      environments: 'dev,staging,production',
      testing_enabled: 'yes',
    });
    expect(guide.markdown).toContain(
      '**Environments:** dev,staging,production  \n**Testing:** Enabled',
    );
    expect(guide.blocks[0]).toMatchObject({ language: 'yaml', filename: 'ci-cd.yml' });
  });
});

describe('JSX braces in the analytics dashboard template', () => {
  const markdown = renderMarkdown(loadFixture('analytics-dashboard-design.md'), {
    dashboard_type: 'executive',
    data_sources: 'database',
    visualization_framework: 'react-charts',
    update_frequency: 'daily',
    user_personas: 'executives',
    interactivity_level: 'full-interactive',
  });

  it('keeps style={{ … }} and other object literals in JSX', () => {
    expect(markdown).toContain('<DashboardContext.Provider value={{ state, dispatch }}>');
    expect(markdown).toContain("style={{ height: '100%', position: 'relative' }}");
    expect(markdown).toContain('cols={{ lg: 12, md: 10, sm: 6, xs: 4, xxs: 2 }}');
  });

  it('reads `eq x "a" "b"` as "x is a or b", as the template means it', () => {
    expect(markdown).toContain('handleMetricDrillDown(config, data)');
    const staticView = renderMarkdown(loadFixture('analytics-dashboard-design.md'), {
      dashboard_type: 'executive',
      data_sources: 'database',
      visualization_framework: 'react-charts',
      update_frequency: 'daily',
      user_personas: 'executives',
      interactivity_level: 'static',
    });
    expect(staticView).not.toContain('handleMetricDrillDown(config, data)');
  });

  it('still renders template values inside code', () => {
    expect(markdown).toContain("role: 'executives';");
    expect(markdown).toContain('cache_duration = self.cache_ttl.get("daily", 300)');
  });
});

describe('free-text, defaulted and numeric parameters in the sprint planning template', () => {
  const template = loadFixture('sprint-planning.md');

  it('reads number formats from defaults and from arithmetic helpers', () => {
    expect(
      template.parameters.map((parameter) => [
        parameter.name,
        parameter.kind === 'text' && parameter.format,
      ]),
    ).toEqual([
      ['sprint_number', 'text'],
      ['sprint_duration', 'number'],
      ['team_size', 'number'],
      ['velocity', 'number'],
      ['product_name', 'text'],
    ]);
  });

  it('computes with the arithmetic helpers and compares with gt', () => {
    const markdown = renderMarkdown(template, {
      sprint_number: '14',
      sprint_duration: '2',
      team_size: '5',
      velocity: '33',
      product_name: 'Checkout',
    });
    expect(markdown).toContain('# Sprint 14 Planning: Checkout');
    expect(markdown).toContain('- **Total**: 41 points');
    expect(markdown).toContain('| New Features | 19.8 | 60% |');
    expect(markdown).toContain('| Bugs | 3.3 | 10% |');
    expect(markdown).toContain('on Day 6');
    expect(markdown).toContain('- [ ] Day 7: Mid-Sprint Check-in');
  });

  it('takes the other branch of eq for a one-week sprint', () => {
    const markdown = renderMarkdown(template, {
      sprint_number: '1',
      sprint_duration: '1',
      team_size: '3',
      velocity: '40',
      product_name: 'X',
    });
    expect(markdown).toContain('- [ ] Day 3: Mid-Sprint Check-in');
    expect(markdown).toContain('| New Features | 24 | 60% |');
  });
});
