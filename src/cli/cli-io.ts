import { describeFsError, errorCode } from './fs-errors';

/** Where a command writes: the real process streams, or buffers in tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The process's own streams, and what became of them. */
export interface ProcessIo extends CliIo {
  /** The exit code to end with: the command's `code`, or 2 if stdout or stderr failed. */
  exitCode: (code: number) => number;
}

type StreamName = 'stdout' | 'stderr';

/**
 * stdout and stderr as a CliIo. A reader that went away (EPIPE: `| head -1`) ends that
 * stream's output quietly and keeps the exit code; any other failure (a full disk) is said once
 * on stderr, if stderr still works, and makes the exit code 2, even when it comes after the
 * command returned: the files may be written, but the output it owed was lost.
 */
export function processIo(): ProcessIo {
  const open: Record<StreamName, boolean> = { stdout: true, stderr: true };
  let failed = false;
  const write = (name: StreamName, text: string) => {
    // Nothing to say is not written: a 0-byte write to a full disk fails too.
    if (!open[name] || text === '') return;
    try {
      process[name].write(text);
    } catch (error) {
      broken(name, error);
    }
  };
  const broken = (name: StreamName, error: unknown) => {
    // After its first error a stream may report more (ERR_STREAM_DESTROYED): one is enough.
    if (!open[name]) return;
    open[name] = false;
    if (errorCode(error) === 'EPIPE') return;
    failed = true;
    process.exitCode = EXIT.usage;
    write('stderr', `error: ${describeFsError(error, 'write the output to', name)}\n`);
  };
  process.stdout.on('error', (error) => broken('stdout', error));
  process.stderr.on('error', (error) => broken('stderr', error));
  return {
    out: (text) => write('stdout', text),
    err: (text) => write('stderr', text),
    exitCode: (code) => (failed ? EXIT.usage : code),
  };
}

/**
 * Exit codes: 0 done; 1 the template is malformed or over a limit, or a bug; 2 the input or
 * the environment (paths, permissions, disk) is wrong, or the output was refused; 128 + N when
 * signal N stopped a write (130 for Ctrl-C), see signal-guard.ts.
 */
export const EXIT = {
  ok: 0,
  /** The template is malformed or over a limit; or an internal error (a bug). */
  failure: 1,
  /** Bad arguments or settings, an unusable path, permissions, a full disk, a refused folder. */
  usage: 2,
} as const;
