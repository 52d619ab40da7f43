/**
 * Every process the harness starts, tracked by PID: each runs in its own process group, its
 * output goes to a log file, and all of them are stopped at the end, on failure, on Ctrl-C and
 * on an uncaught error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { sleep } from './wait';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Started {
  name: string;
  pid: number;
  log: string;
  child: ChildProcess;
  /** Settles when the process has exited; `exit` is set from then on. */
  exited: Promise<Exit>;
  exit?: Exit;
}

export interface StartOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this user (the harness runs PostgreSQL and PgBouncer as `postgres` when root). */
  uid?: number;
  gid?: number;
  /** stdin as a pipe (for a psql session the harness talks to); otherwise /dev/null. */
  stdin?: boolean;
}

const running = new Set<Started>();

/** Starts a process in its own group, stdout and stderr appended to `log`. */
export function start(
  name: string,
  command: string,
  args: readonly string[],
  log: string,
  options: StartOptions = {},
): Started {
  const fd = openSync(log, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: [options.stdin ? 'pipe' : 'ignore', fd, fd],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
    });
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) {
    throw new Error(`${name}: could not start ${command}`);
  }
  const started: Started = {
    name,
    pid: child.pid,
    log,
    child,
    exited: new Promise<Exit>((resolve) => {
      child.once('exit', (code, signal) => {
        started.exit = { code, signal };
        running.delete(started);
        resolve(started.exit);
      });
    }),
  };
  child.once('error', () => undefined);
  running.add(started);
  return started;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Sends `signal` to the process only (not its group). */
export function signalProcess(started: Started, signal: NodeJS.Signals): void {
  if (started.exit) return;
  try {
    process.kill(started.pid, signal);
  } catch {
    // already gone
  }
}

/** Stops a process group: `signal`, then SIGKILL after `graceMs`; resolves once it has exited. */
export async function stop(
  started: Started,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 5_000,
): Promise<Exit> {
  if (started.exit) {
    signalGroup(started.pid, 'SIGKILL'); // workers a master left behind
    return started.exit;
  }
  signalGroup(started.pid, signal);
  const exit = await Promise.race([started.exited, sleep(graceMs).then(() => undefined)]);
  if (exit) {
    signalGroup(started.pid, 'SIGKILL');
    return exit;
  }
  signalGroup(started.pid, 'SIGKILL');
  return started.exited;
}

/** Stops everything still running, newest first. */
export async function stopAll(): Promise<void> {
  for (const started of [...running].reverse()) {
    await stop(started, 'SIGTERM', 3_000);
  }
}

let cleanups: (() => void)[] = [];

/** Runs at exit, whatever the cause (synchronous: e.g. removing the temporary folder). */
export function onExit(cleanup: () => void): void {
  cleanups.push(cleanup);
}

function exitSync(): void {
  for (const started of running) signalGroup(started.pid, 'SIGKILL');
  const pending = cleanups;
  cleanups = [];
  for (const cleanup of pending.reverse()) {
    try {
      cleanup();
    } catch {
      // best effort at exit
    }
  }
}

let stopping = false;

/** True once the harness is stopping on a signal or an error: results after that mean nothing. */
export function isStopping(): boolean {
  return stopping;
}

/** Stops every process on Ctrl-C, SIGTERM, SIGHUP, an uncaught error, and at exit. */
export function installCleanup(): void {
  const bail = (code: number, message?: string): void => {
    if (stopping) return;
    stopping = true;
    if (message) console.error(message);
    void stopAll().finally(() => {
      exitSync();
      process.exit(code);
    });
  };
  process.on('SIGINT', () => bail(130, 'services: interrupted (SIGINT); stopping every process'));
  process.on('SIGTERM', () => bail(143, 'services: stopped (SIGTERM); stopping every process'));
  process.on('SIGHUP', () => bail(129, 'services: hung up (SIGHUP); stopping every process'));
  process.on('uncaughtException', (error) =>
    bail(1, `services: internal error: ${error.stack ?? String(error)}`),
  );
  process.on('unhandledRejection', (error) =>
    bail(1, `services: internal error: ${error instanceof Error ? error.stack : String(error)}`),
  );
  process.on('exit', exitSync);
}
