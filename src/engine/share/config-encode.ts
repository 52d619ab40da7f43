import type { Choices } from '../render/render-guide';
import type { TemplateInfo } from '../template/load-template';

// Apart from the reader (config-file.ts), so writing a config needs neither the JSON error
// locator nor the schema: the guide's downloads stay light.

/** The config file for these choices: template name and version, then the choices. */
export function encodeConfigFile(template: TemplateInfo, choices: Choices): string {
  const ordered = Object.fromEntries(
    template.parameters
      .filter((parameter) => Object.hasOwn(choices, parameter.name))
      .map((parameter) => [parameter.name, choices[parameter.name]]),
  );
  const file = {
    template: template.meta.name,
    version: template.meta.version,
    choices: ordered,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
