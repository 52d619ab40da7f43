import type { Plugin } from 'vite';
import { labelsFileOf, loadTemplateFile, type LoadedTemplate } from '../src/cli/load-template-file';
import { specializeProgram } from '../src/engine/index';
import { assignments, chooseSplit, programKey } from './program-split';

const INFO = '?template';
const PROGRAM = '?program';
const PROGRAMS = '?programs';
const FIXED = '?program&fixed=';

/**
 * Compiles template files at build time into the engine's JSON, so the browser needs neither a
 * YAML parser nor the Handlebars compiler, and never generates code. `foo.md?template` is what
 * the template is and asks (meta, parameters, labels: the first screen needs it); `foo.md?program`
 * is its compiled body; `foo.md?programs` loads, for a guide's choices, only the body those
 * choices can show: one specialised program per combination of the parameters that branch most
 * (scripts/program-split.ts), each its own chunk. A malformed template fails the build with its
 * file and line.
 */
export function compiledTemplates(): Plugin {
  const cache = new Map<string, Promise<LoadedTemplate>>();
  const splits = new Map<string, string[]>();
  return {
    name: 'compiled-templates',
    enforce: 'pre',
    watchChange(id) {
      const file = id.replace(/\.labels\.json$/, '.md');
      cache.delete(file);
      splits.delete(file);
    },
    async load(id) {
      const at = [FIXED, PROGRAMS, INFO, PROGRAM].map(
        (suffix) => [suffix, id.indexOf(suffix)] as const,
      );
      const found = at.find(
        ([suffix, index]) => index > 0 && (suffix === FIXED || id.endsWith(suffix)),
      );
      if (!found) return undefined;
      const [suffix, index] = found;
      const file = id.slice(0, index);
      this.addWatchFile(file);
      this.addWatchFile(labelsFileOf(file));
      if (!cache.has(file)) cache.set(file, loadTemplateFile(file));
      const loaded = await cache.get(file)!;
      if ('errors' in loaded) return this.error(`invalid template\n${loaded.errors.join('\n')}`);
      const { program, ...info } = loaded.template;
      if (suffix === INFO) return `export default ${JSON.stringify(info)};\n`;
      if (suffix === PROGRAM) return `export default ${JSON.stringify(program)};\n`;
      if (!splits.has(file)) splits.set(file, chooseSplit(loaded.template));
      const split = splits.get(file)!;
      if (suffix === FIXED) {
        const fixed = JSON.parse(decodeURIComponent(id.slice(index + FIXED.length))) as Record<
          string,
          string
        >;
        return `export default ${JSON.stringify(specializeProgram(program, fixed))};\n`;
      }
      const choices = loaded.template.parameters.filter((parameter) =>
        split.includes(parameter.name),
      );
      const loaders = assignments(choices as never).map((fixed) => {
        const target = `${file}${FIXED}${encodeURIComponent(JSON.stringify(fixed))}`;
        return `  ${JSON.stringify(programKey(split, fixed))}: () => import(${JSON.stringify(target)}),`;
      });
      return [
        `const split = ${JSON.stringify(split)};`,
        `const loaders = {\n${loaders.join('\n')}\n};`,
        '/** The body for these choices: specialised when they are complete, else the whole. */',
        'export default async function loadProgram(choices) {',
        `  const key = split.map((name) => choices[name] ?? '').join('/');`,
        `  const load = Object.hasOwn(loaders, key) ? loaders[key] : () => import(${JSON.stringify(file + PROGRAM)});`,
        '  return (await load()).default;',
        '}',
        '',
      ].join('\n');
    },
  };
}
