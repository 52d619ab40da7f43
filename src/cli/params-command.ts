import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from './cli-io';
import { loadTemplateFile } from './load-template-file';

/** `params`: lists the template's settings, their options and defaults. */
export async function paramsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { template: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const loaded = await loadTemplateFile(values.template);
  if ('errors' in loaded) {
    io.err(loaded.errors.map((line) => `error: ${line}\n`).join(''));
    return loaded.code;
  }
  const { template } = loaded;
  if (values.json) {
    io.out(
      `${JSON.stringify({ template: template.meta, parameters: template.parameters }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  io.out(`${template.meta.title} (${template.meta.name} ${template.meta.version})\n\n`);
  for (const parameter of template.parameters) {
    const needs = parameter.required
      ? 'required'
      : `optional, default ${parameter.default ?? '(none)'}`;
    io.out(`${parameter.name}: ${parameter.question} (${needs})\n`);
    if (parameter.kind === 'choice') {
      for (const option of parameter.options) {
        io.out(`  ${option.value}${option.hint ? `  ${option.hint}` : ''}\n`);
      }
    } else {
      io.out(`  free text (${parameter.format}${parameter.hint ? `, ${parameter.hint}` : ''})\n`);
    }
  }
  return EXIT.ok;
}
