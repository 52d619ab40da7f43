/**
 * The production response headers: the one source of truth for `vite preview` (vite.config.ts
 * `preview.headers`) and for static hosts (`dist/_headers`, written by security-headers-plugin.ts).
 */

/**
 * Everything the app loads is its own: scripts, styles, the favicon, the colours in
 * /assets/hl/*.json, the module workers. No 'unsafe-inline' (no inline scripts or style
 * attributes; React's style prop goes through CSSOM, which CSP does not govern) and no
 * 'unsafe-eval' (templates are compiled at build time, zod parses without JIT).
 */
export const contentSecurityPolicy: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The directives joined as the header spells them. */
export function cspHeaderValue(policy: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

// Powerful features the app never uses, denied to it and to anything that might ever embed in it.
// Only names Chromium knows: an unknown one is a console error on every page.
const deniedFeatures = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/** Header name → value, as every response of the built app carries them. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': cspHeaderValue(contentSecurityPolicy),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Two years: what the preload list asks for. Browsers ignore it over plain http (localhost).
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // frame-ancestors says the same to current browsers; this is for the ones that predate it.
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': deniedFeatures.map((feature) => `${feature}=()`).join(', '),
};

/** The `_headers` file of Netlify and Cloudflare Pages: every path gets every header. */
export function headersFileText(headers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return ['/*', ...lines, ''].join('\n');
}
