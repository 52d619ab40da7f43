import { describe, expect, it } from 'vitest';
import { internalError, main } from './main';

/** A CliIo that keeps what goes to stderr, and whose stdout fails as a bug would. */
function brokenStdout() {
  const err: string[] = [];
  const io = {
    out: () => {
      throw new TypeError('cannot read properties of undefined\n    at somewhere (x.ts:1:1)');
    },
    err: (text: string) => void err.push(text),
  };
  return { io, err };
}

describe('main, the last resort', () => {
  it('turns an exception no command expected into one line and exit code 1', async () => {
    const { io, err } = brokenStdout();
    expect(await main(['--version'], io)).toBe(1);
    expect(err.join('')).toBe(
      'error: internal error: cannot read properties of undefined; this is a bug, please report it with the command you ran\n',
    );
  });

  it('adds the stack only with API_PERF_WIZARD_DEBUG=1', () => {
    const error = new Error('boom\nsecond line');
    const line =
      'error: internal error: boom; this is a bug, please report it with the command you ran\n';
    expect(internalError(error, {})).toBe(line);
    expect(internalError(error, { API_PERF_WIZARD_DEBUG: '0' })).toBe(line);
    const debug = internalError(error, { API_PERF_WIZARD_DEBUG: '1' });
    expect(debug.startsWith(`${line}Error: boom\nsecond line\n    at `)).toBe(true);
    expect(internalError('a string', {})).toContain('internal error: a string; this is a bug');
    expect(internalError(new Error(''), {})).toContain('internal error: unknown error; this');
  });
});

describe('main, help', () => {
  it('prints the usage and exits 0 for --help after a command, writing nothing', async () => {
    for (const argv of [
      ['--help'],
      ['render', '--help'],
      ['render', '--out', 'x', '-h'],
      ['params', '--help'],
    ]) {
      const out: string[] = [];
      const err: string[] = [];
      const io = {
        out: (text: string) => void out.push(text),
        err: (text: string) => void err.push(text),
      };
      expect(await main(argv, io), argv.join(' ')).toBe(0);
      expect(out.join(''), argv.join(' ')).toContain('usage:');
      expect(err, argv.join(' ')).toEqual([]);
    }
  });
});
