/** Where a command writes: the real process streams, or buffers in tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Exit codes: 0 done; 1 the template is malformed or over a limit; 2 the input or the
 * environment (paths, permissions, disk) is wrong, or the output was refused.
 */
export const EXIT = {
  ok: 0,
  /** The template is malformed or over a limit. */
  failure: 1,
  /** Bad arguments or settings, an unusable path, permissions, a full disk, a refused folder. */
  usage: 2,
} as const;
