import type { Plugin } from 'vite';
import { labelsFileOf, loadTemplateFile } from '../src/cli/load-template-file';

const SUFFIX = '?template';

/**
 * Compiles `*.md?template` imports at build time into the engine's JSON Template (with the
 * labels file beside it), so the browser needs neither a YAML parser nor the Handlebars
 * compiler, and never generates code. A malformed template fails the build with file and line.
 */
export function compiledTemplates(): Plugin {
  return {
    name: 'compiled-templates',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(SUFFIX)) return undefined;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      this.addWatchFile(labelsFileOf(file));
      const loaded = await loadTemplateFile(file);
      if ('errors' in loaded) return this.error(`invalid template\n${loaded.errors.join('\n')}`);
      return `export default ${JSON.stringify(loaded.template)};\n`;
    },
  };
}
