import type { Plugin } from 'vite';
import { labelsFileOf, loadTemplateFile, type LoadedTemplate } from '../src/cli/load-template-file';

const INFO = '?template';
const PROGRAM = '?program';

/**
 * Compiles template files at build time into the engine's JSON, so the browser needs neither a
 * YAML parser nor the Handlebars compiler, and never generates code. `foo.md?template` is what
 * the template is and asks (meta, parameters, labels: the first screen needs it); `foo.md?program`
 * is its compiled body, which only the guide needs. A malformed template fails the build with
 * its file and line.
 */
export function compiledTemplates(): Plugin {
  const cache = new Map<string, Promise<LoadedTemplate>>();
  return {
    name: 'compiled-templates',
    enforce: 'pre',
    watchChange(id) {
      cache.delete(id);
      cache.delete(id.replace(/\.labels\.json$/, '.md'));
    },
    async load(id) {
      const suffix = id.endsWith(INFO) ? INFO : id.endsWith(PROGRAM) ? PROGRAM : undefined;
      if (!suffix) return undefined;
      const file = id.slice(0, -suffix.length);
      this.addWatchFile(file);
      this.addWatchFile(labelsFileOf(file));
      if (!cache.has(file)) cache.set(file, loadTemplateFile(file));
      const loaded = await cache.get(file)!;
      if ('errors' in loaded) return this.error(`invalid template\n${loaded.errors.join('\n')}`);
      const { program, ...info } = loaded.template;
      return `export default ${JSON.stringify(suffix === INFO ? info : program)};\n`;
    },
  };
}
