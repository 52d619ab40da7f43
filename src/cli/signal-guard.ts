import { constants } from 'node:os';
import { OutputError } from './output-fs';

/** The signals that ask a command to stop: Ctrl-C, `kill`, a terminal that went away. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * While the disk is being changed, a stop signal does not end the process: the first one is
 * recorded, the file-system call under way finishes, and the writer puts everything back before
 * it stops. Later signals are ignored: a second Ctrl-C during the rollback lets it finish, as
 * stopping half way through putting things back would leave the folder half moved.
 */
export class SignalGuard {
  /** The first stop signal received since the guard was set, if any. */
  received: StopSignal | undefined;
  private readonly listeners = STOP_SIGNALS.map((signal) => {
    const listener = () => {
      this.received ??= signal;
    };
    return [signal, listener] as const;
  });

  constructor() {
    for (const [signal, listener] of this.listeners) process.on(signal, listener);
  }

  /** Hands the signals back: from here on they do what they did before. */
  release(): void {
    for (const [signal, listener] of this.listeners) process.off(signal, listener);
  }
}

/** A write stopped by a signal; the message says whether the folder is as it was. */
export class InterruptedError extends OutputError {
  override name = 'InterruptedError';

  constructor(
    readonly signal: StopSignal,
    message: string,
  ) {
    super(message);
  }

  /** 128 + the signal's number, as a shell reports a process a signal ended (130 for SIGINT). */
  get exitCode(): number {
    return 128 + constants.signals[this.signal];
  }
}
