import { scanLocal } from '../scripts/observatory/scan-local';
import { expect, test } from './fixtures';

// The preview server the suite runs against serves the production headers; this scores them.
test('the HTTP Observatory finds nothing wrong but what plain http forces', async ({ baseURL }) => {
  const { grade, score, rows, scoreOverHttps } = await scanLocal(Number(new URL(baseURL!).port));
  expect(Object.fromEntries(rows.map((row) => [row.test, [row.result, row.modifier]]))).toEqual({
    'content-security-policy': ['csp-implemented-with-no-unsafe-default-src-none', 10],
    cookies: ['cookies-not-found', 0],
    'cross-origin-resource-sharing': ['cross-origin-resource-sharing-not-implemented', 0],
    'cross-origin-resource-policy': ['corp-implemented-with-same-origin', 10],
    'referrer-policy': ['referrer-policy-private', 5],
    'subresource-integrity': ['sri-not-implemented-but-all-scripts-loaded-from-secure-origin', 0],
    'x-content-type-options': ['x-content-type-options-nosniff', 0],
    'x-frame-options': ['x-frame-options-implemented-via-csp', 5],
    // Forced by plain http: no https to redirect to or to send HSTS over.
    redirection: ['redirection-missing', -20],
    'strict-transport-security': ['hsts-not-implemented-no-https', -20],
  });
  // Two -20s withhold the bonus points: C+ here, A+ (130) over https.
  expect([grade, score]).toEqual(['C+', 60]);
  expect(scoreOverHttps).toBe(130);
});
