import type { Plugin } from 'vite';
import { headersFileText, securityHeaders } from './security-headers';

/**
 * Writes `_headers` into the build output from the same map `vite preview` serves, so a static
 * host (Netlify, Cloudflare Pages) and the preview server can never disagree.
 */
export function securityHeadersFile(): Plugin {
  return {
    name: 'security-headers-file',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: headersFileText(securityHeaders),
      });
    },
  };
}
