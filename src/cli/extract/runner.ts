import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { ExtractResult, ExtractTask } from './task.js';

/** Runs extraction tasks: in this thread for one job, on a worker-thread pool for more. */
export interface Runner {
  run(task: ExtractTask): Promise<ExtractResult>;
  close(): Promise<void>;
}

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/**
 * The worker's module: `cli-worker.js` beside the bundle in `dist/`; from source (tsx),
 * a shim that registers tsx in the worker before loading `worker.ts`.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../worker-tsx.mjs', here) : new URL('./cli-worker.js', here);
}

export async function createRunner(jobs: number): Promise<Runner> {
  if (jobs <= 1) {
    // Loaded only here, so that with workers the main thread holds no language model.
    const { runExtractTask } = await import('./task.js');
    return {
      run: async (task) => runExtractTask(task),
      close: async () => {},
    };
  }
  // A small young generation makes workers collect short-lived garbage early: on PolNeAR
  // the peak memory of two workers drops from about 460 MB to about 330 MB. The old
  // generation cap turns a runaway document into that document's error.
  const pool = new Tinypool({
    filename: workerUrl().href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 },
  });
  // A worker's own failure also reaches the task that was running; the pool stays up.
  pool.on('error', () => {});
  return {
    // A worker that dies (out of memory, a native crash) fails only the task it was running.
    run: (task) =>
      (pool.run(task) as Promise<ExtractResult>).catch((err: unknown) => ({
        ok: false,
        error: `extraction failed in a worker: ${err instanceof Error ? err.message : String(err)}`,
        words: 0,
      })),
    close: () => pool.destroy(),
  };
}
