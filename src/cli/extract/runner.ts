import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { outOfMemoryReason } from './limits.js';
import type { ExtractResult, ExtractTask } from './task.js';

/** Runs extraction tasks: in this thread for one job, on a worker-thread pool for more. */
export interface Runner {
  run(task: ExtractTask): Promise<ExtractResult>;
  close(): Promise<void>;
  /** The most worker threads that were running at once (0 in this thread). */
  readonly workers: number;
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

/** How workers are limited. */
export interface RunnerLimits {
  /** Each worker's old-generation heap cap in MB (see `workerHeapMb`). */
  readonly heapMb: number;
}

export async function createRunner(jobs: number, limits: RunnerLimits = { heapMb: 512 }): Promise<Runner> {
  if (jobs <= 1) {
    // Loaded only here, so that with workers the main thread holds no language model.
    const { runExtractTask } = await import('./task.js');
    return {
      run: async (task) => runExtractTask(task),
      close: async () => {},
      workers: 0,
    };
  }
  // The young generation is a trade of CPU for memory. At 8 MB a worker scavenges about
  // twice as often as at 16 MB (PolNeAR train, --jobs 2: 500 scavenges, 1.6 s of pauses
  // against 262 and 1.3 s; 32 MB: 145 and 0.7 s) but 32 MB lifts peak memory by about
  // 60 MB, past 400 MB on train x4. 16 MB keeps train x4 under 400 MB. The old generation
  // cap, derived from --max-bytes, turns a runaway document into that document's error.
  const pool = new Tinypool({
    filename: workerUrl().href,
    // Workers start as documents arrive, so a run never has more workers than documents.
    minThreads: 0,
    maxThreads: jobs,
    idleTimeout: 60_000,
    resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: limits.heapMb },
  });
  // A worker's own failure also reaches the task that was running; the pool stays up.
  pool.on('error', () => {});
  let workers = 0;
  const run = (task: ExtractTask): Promise<ExtractResult> => {
    const result = pool.run(task) as Promise<ExtractResult>;
    workers = Math.max(workers, pool.threads.length);
    // A worker that dies (out of memory, a native crash) fails only the task it was running.
    return result.catch((err: unknown) => ({
      ok: false,
      error: (err as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? outOfMemoryReason(limits.heapMb)
        : `extraction failed in a worker: ${err instanceof Error ? err.message : String(err)}`,
      words: 0,
    }));
  };
  return {
    run,
    close: () => pool.destroy(),
    get workers() {
      return workers;
    },
  };
}
