/** Where a command writes: the real process streams, or buffers in tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes: 0 done, 1 the template or the disk failed, 2 the user's input was wrong. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
