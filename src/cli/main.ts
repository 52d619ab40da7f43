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
         an earlier render wrote and nobody changed since, unless --force. --layout project
         writes a project instead: README.md (how to run it), guide.md, config.json and each
         code block at the path the guide names (src/app.js, app/main.py, deploy/etc/…)
params   lists the settings, their options and defaults

Without --template, the template the app ships is used.
Exit codes: 0 done; 1 the template is malformed (or a bug); 2 bad input, an unusable DIR or
a refused one (nothing is written then); 130 stopped by Ctrl-C while writing (143 SIGTERM,
129 SIGHUP), the message says what DIR holds then.
`;

/** The command line as a process: its arguments, streams and exit code (bin/api-perf-wizard.js). */
export async function runCli(argv: readonly string[]): Promise<void> {
  const io = processIo();
  const lastResort = (error: unknown) => {
    io.err(internalError(error));
    // Thrown outside any command's await, so the program is in an unknown state: stop here.
    process.exit(EXIT.failure);
  };
  process.on('uncaughtException', lastResort);
  process.on('unhandledRejection', lastResort);
  process.exitCode = io.exitCode(await main(argv, io));
}

const HELP = new Set(['--help', '-h']);

/** Runs the command line and returns the exit code; nothing it throws reaches the user as a stack. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // `render --help` asks for the usage too, before any of its options are read.
    if ((command === 'render' || command === 'params') && rest.some((arg) => HELP.has(arg))) {
      io.out(USAGE);
      return EXIT.ok;
    }
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
    io.err(internalError(error));
    return EXIT.failure;
  }
}

/**
 * The last resort, for what no command expected: one line that says it is a bug, with the stack
 * after it only when API_PERF_WIZARD_DEBUG=1.
 */
export function internalError(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0]?.trim() || 'unknown error';
  const line = `error: internal error: ${first}; this is a bug, please report it with the command you ran\n`;
  const stack = error instanceof Error ? error.stack : undefined;
  return env.API_PERF_WIZARD_DEBUG === '1' && stack ? `${line}${stack}\n` : line;
}

function readVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as {
    version: string;
  };
  return manifest.version;
}
