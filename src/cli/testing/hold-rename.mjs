// Loaded into the real command line with `node --import` by cli.test.ts (never by the CLI
// itself): the third rename(2) it makes says "holding" on file descriptor 3, then waits for a
// SIGINT before it runs. A test can so stop a write half way through its moves, by Ctrl-C or
// kill -9, on any machine and at the same point every time.
import { writeSync } from 'node:fs';
import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const HOLD_AT = 3;
const rename = fs.rename;
let calls = 0;

fs.rename = async (from, to) => {
  calls += 1;
  if (calls === HOLD_AT) {
    const signalled = new Promise((resolve) => process.once('SIGINT', resolve));
    // A real rename keeps the process alive while it runs; signal handlers alone do not.
    const alive = setInterval(() => {}, 1000);
    writeSync(3, 'holding\n');
    await signalled;
    clearInterval(alive);
  }
  return rename(from, to);
};
// The CLI imports `node:fs/promises` as an ES module: its bindings follow the patched object.
syncBuiltinESMExports();
