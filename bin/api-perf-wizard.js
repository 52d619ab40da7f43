#!/usr/bin/env node
// The command line front of the engine. tsx runs the TypeScript sources directly, so the CLI
// always uses the same engine code as the app and the tests, with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv.slice(2));
