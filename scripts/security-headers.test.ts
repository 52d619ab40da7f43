import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFileText, securityHeaders } from './security-headers';
import { securityHeadersFile } from './security-headers-plugin';

/** What the plugin emits into the build, captured from its generateBundle hook. */
function emittedHeadersFile(): { fileName: string; source: string } {
  const emitted: { fileName: string; source: string }[] = [];
  const plugin = securityHeadersFile();
  const hook = plugin.generateBundle as (this: unknown, ...args: unknown[]) => void;
  hook.call({ emitFile: (file: { fileName: string; source: string }) => emitted.push(file) });
  expect(emitted).toHaveLength(1);
  return emitted[0]!;
}

/** Parses Netlify's `_headers` format back into path → header map. */
function parseHeadersFile(text: string): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
    if (!line.startsWith(' ')) rules[line] = current = {};
    else {
      const colon = line.indexOf(':');
      current![line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

describe('dist/_headers', () => {
  it('is written into the build and says exactly what vite preview serves, for every path', () => {
    const file = emittedHeadersFile();
    expect(file.fileName).toBe('_headers');
    expect(file.source).toBe(headersFileText(securityHeaders));
    expect(parseHeadersFile(file.source)).toEqual({ '/*': securityHeaders });
  });
});

describe('the Content-Security-Policy', () => {
  const csp = securityHeaders['Content-Security-Policy']!;
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );

  it('allows no inline code and no eval', () => {
    expect(csp).not.toMatch(/unsafe-|'nonce-|'sha\d+-|data:|blob:|\*/);
  });

  it.each([
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('has %s %j or stricter', (name, required) => {
    const sources = directives.get(name);
    expect(sources).toBeDefined();
    // Stricter means a subset of the required sources, or 'none'.
    if (sources!.join() !== "'none'") expect(required).toEqual(expect.arrayContaining(sources!));
  });

  it('is the policy object, spelled as a header', () => {
    expect([...directives.keys()]).toEqual(Object.keys(contentSecurityPolicy));
  });
});

describe('the other headers', () => {
  it.each([
    ['X-Content-Type-Options', /^nosniff$/],
    ['Referrer-Policy', /^no-referrer$/],
    ['Cross-Origin-Opener-Policy', /^same-origin$/],
    ['Cross-Origin-Resource-Policy', /^same-origin$/],
    ['Cross-Origin-Embedder-Policy', /^require-corp$/],
    ['X-Frame-Options', /^DENY$/],
  ])('%s is %s', (name, value) => {
    expect(securityHeaders[name]).toMatch(value);
  });

  it('Permissions-Policy denies the camera, the microphone and geolocation', () => {
    const features = securityHeaders['Permissions-Policy']?.split(', ');
    expect(features).toEqual(
      expect.arrayContaining(['camera=()', 'microphone=()', 'geolocation=()']),
    );
  });

  it('HSTS lasts at least a year and covers subdomains', () => {
    const hsts = securityHeaders['Strict-Transport-Security'] ?? '';
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain('includeSubDomains');
  });
});
