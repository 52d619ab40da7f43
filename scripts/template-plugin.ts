import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { formatTemplateIssue, loadTemplate, TemplateError } from '../src/engine/index';

const SUFFIX = '?template';

/**
 * Compiles `*.md?template` imports at build time into the engine's JSON Template, so the
 * browser needs neither a YAML parser nor the Handlebars compiler, and never generates code.
 * A malformed template fails the build with its file and line.
 */
export function compiledTemplates(): Plugin {
  return {
    name: 'compiled-templates',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(SUFFIX)) return undefined;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      const source = await readFile(file, 'utf8');
      try {
        return `export default ${JSON.stringify(loadTemplate(source))};\n`;
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        const lines = error.issues.map((issue) => `${file}: ${formatTemplateIssue(issue)}`);
        return this.error(`invalid template\n${lines.join('\n')}`);
      }
    },
  };
}
