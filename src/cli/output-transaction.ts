import { errorCode } from './fs-errors';
import { attempt, OutputError, type OutputFs } from './output-fs';
import { InterruptedError, type SignalGuard } from './signal-guard';

type Undo = (io: OutputFs) => Promise<void>;

/**
 * Changes to the disk, each with its undo, so that a failure half way can put everything back:
 * folders made are removed, files written are deleted, files moved are moved back. After each
 * change it looks at `guard`: a stop signal received meanwhile is thrown as an InterruptedError,
 * to be rolled back like any failure.
 */
export class Transaction {
  private readonly undos: Undo[] = [];

  constructor(
    private readonly io: OutputFs,
    private readonly guard?: SignalGuard,
  ) {}

  /** Makes a folder; a failure reads `cannot <action> <shown>: …`. */
  async mkdir(path: string, action: string, shown: string): Promise<void> {
    await attempt(action, shown, () => this.io.mkdir(path));
    this.undos.push((io) => io.rmdir(path));
    this.checkpoint();
  }

  /**
   * Writes a new file, with `mode` (before the umask) when given. Undone even when the write
   * fails: it may have left part of a file.
   */
  async write(path: string, content: string, shown: string, mode?: number): Promise<void> {
    this.undos.push((io) =>
      io.unlink(path).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw error;
      }),
    );
    await attempt('write', shown, () =>
      mode === undefined
        ? this.io.writeFile(path, content)
        : this.io.writeFile(path, content, mode),
    );
    this.checkpoint();
  }

  /** Moves a file or folder with rename(2), which is atomic within one file system. */
  async move(from: string, to: string, action: string, shown: string): Promise<void> {
    await attempt(action, shown, () => this.io.rename(from, to));
    this.undos.push((io) => io.rename(to, from));
    this.checkpoint();
  }

  private checkpoint(): void {
    const signal = this.guard?.received;
    if (signal !== undefined) throw new InterruptedError(signal, `interrupted (${signal})`);
  }

  /**
   * Undoes every change, newest first, and returns `error` to throw: an OutputError with its
   * message, plus where to look if some change could not be undone. An interruption put right
   * says `intact` ("/x/out is as it was").
   */
  async rollback(error: unknown, leftover: string, intact: string): Promise<OutputError> {
    let failed = 0;
    for (const undo of this.undos.reverse()) {
      try {
        await undo(this.io);
      } catch {
        failed += 1;
      }
    }
    this.undos.length = 0;
    const message = error instanceof Error ? error.message : String(error);
    const steps = `(${failed} step${failed === 1 ? '' : 's'}): look in ${leftover} for files that belong in its folder`;
    if (error instanceof InterruptedError) {
      const after = failed === 0 ? intact : `undoing what it had done failed ${steps}`;
      return new InterruptedError(error.signal, `${message}; ${after}`);
    }
    if (failed === 0) return error instanceof OutputError ? error : new OutputError(message);
    return new OutputError(`${message}; undoing it failed too ${steps}`, { cause: error });
  }
}
