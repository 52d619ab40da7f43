import { readFileSync } from 'node:fs';
import { EXIT, processIo, type CliIo } from './cli-io';
import { paramsCommand } from './params-command';
import { RENDER_USAGE, renderCommand } from './render-command';

const USAGE = `API Performance Wizard, on the command line.

usage:
  ${RENDER_USAGE}
  api-perf-wizard params [--template FILE] [--json]
  api-perf-wizard --help | --version

render   writes DIR/guide.md, DIR/config.json and DIR/snippets/<file> for each code block,
         all or nothing, with DIR/.api-perf-wizard.json listing them; it replaces only files
         an earlier render wrote and nobody changed since, unless --force
params   lists the settings, their options and defaults

Without --template, the template the app ships is used.
Exit codes: 0 done; 1 the template is malformed; 2 bad input, an unusable DIR or a refused one
(nothing is written then).
`;

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'render':
        return await renderCommand(rest, io);
      case 'params':
        return await paramsCommand(rest, io);
      case '--version':
      case '-v':
        io.out(`${readVersion()}\n`);
        return EXIT.ok;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        io.err(`error: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
        return EXIT.usage;
    }
  } catch (error) {
    // parseArgs throws TypeErrors with a readable message for unknown or malformed options.
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`error: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}

function readVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as {
    version: string;
  };
  return manifest.version;
}
