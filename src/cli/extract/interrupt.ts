/**
 * Ctrl-C during `quotegraph extract`: the first SIGINT stops the run in order (workers
 * stopped, the progress bar cleared and the cursor shown again, whole lines kept, the
 * summary printed, exit 130); a second one, while that is under way, ends the process.
 */
export interface Interrupt {
  /** Whether SIGINT has arrived. */
  readonly stopped: boolean;
  /** Removes the handler (the run is over). */
  dispose(): void;
}

/** Exit status of a run stopped by SIGINT (128 + 2, as shells report it). */
export const INTERRUPTED_EXIT = 130;

export function onInterrupt(stop: () => void): Interrupt {
  let stopped = false;
  const handler = (): void => {
    if (stopped) process.exit(INTERRUPTED_EXIT);
    stopped = true;
    stop();
  };
  process.on('SIGINT', handler);
  return {
    get stopped() {
      return stopped;
    },
    dispose: () => {
      process.off('SIGINT', handler);
    },
  };
}

/** The line after the summary of an interrupted run: how to go on. */
export function interruptedLine(out: string | undefined): string {
  return out === undefined
    ? 'quotegraph: interrupted; the graphs written to standard output are whole lines; to be able to go on, write to a file with --out FILE and run again with --resume'
    : 'quotegraph: interrupted; the graphs written are whole lines; run the same command with --resume to go on';
}
