import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { RECYCLE_HEAP_MB, outOfMemoryReason } from './limits.js';
import type { ExtractResult, ExtractTask, WorkerAnswer } from './task.js';

/** Runs extraction tasks: in this thread for one job, on a worker-thread pool for more. */
export interface Runner {
  run(task: ExtractTask): Promise<ExtractResult>;
  close(): Promise<void>;
  /** The most worker threads that were running at once (0 in this thread). */
  readonly workers: number;
  /** Workers replaced during the run, by why. */
  readonly replaced: Replaced;
}

/** Workers replaced during a run: recycled once their heap passed the bound, dead (out of memory, crashed), stopped by --doc-timeout. */
export interface Replaced {
  recycled: number;
  died: number;
  stopped: number;
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
  /** Milliseconds a document may run in a worker before the worker is replaced and the document skipped (0: no limit). */
  readonly docTimeoutMs?: number;
  /** The worker module (tests give their own); by default quotegraph's. */
  readonly worker?: URL;
}

export async function createRunner(jobs: number, limits: RunnerLimits = { heapMb: 512 }): Promise<Runner> {
  const timeoutMs = limits.docTimeoutMs ?? 0;
  // A time limit needs a worker to stop: one job with a limit runs in one worker.
  if (jobs <= 1 && timeoutMs <= 0) {
    // Loaded only here, so that with workers the main thread holds no language model.
    const { runExtractTask } = await import('./task.js');
    return {
      run: async (task) => runExtractTask(task),
      close: async () => {},
      workers: 0,
      replaced: { recycled: 0, died: 0, stopped: 0 },
    };
  }
  // The young generation is a trade of CPU for memory. At 8 MB a worker scavenges about
  // twice as often as at 16 MB (PolNeAR train, --jobs 2: 500 scavenges, 1.6 s of pauses
  // against 262 and 1.3 s; 32 MB: 145 and 0.7 s) but 32 MB lifts peak memory by about
  // 60 MB, past 400 MB on train x4. 16 MB keeps train x4 under 400 MB. The old generation
  // cap, derived from --max-bytes, turns a runaway document into that document's error.
  const pool = new Tinypool({ ...poolOptions(jobs, limits.heapMb), ...(limits.worker ? { filename: limits.worker.href } : {}) });
  // A worker's own failure also reaches the task that was running; the pool stays up. A worker
  // that cannot even start (its module throws on load) leaves the pool with no worker and its
  // tasks waiting for ever: when an error leaves no worker and no task has finished since,
  // the runner is broken, and every task, waiting or to come, fails with the reason.
  let broken: string | undefined;
  let finished = 0;
  let inFlight = 0;
  const breakers = new Set<() => void>();
  pool.on('error', (err: unknown) => {
    const seen = finished;
    setTimeout(() => {
      if (broken !== undefined || closed || inFlight === 0 || finished !== seen || pool.threads.length > 0) return;
      broken = `the workers could not start: ${err instanceof Error ? err.message : String(err)}`;
      for (const b of breakers) b();
    }, START_CHECK_MS).unref();
  });
  let workers = 0;
  const replaced: Replaced = { recycled: 0, died: 0, stopped: 0 };
  // At most one document a worker is handed to the pool, so that a document's clock starts
  // when a worker takes it, not while it waits in the queue.
  const slots = new Slots(Math.max(1, jobs));
  const failure = (err: unknown, timedOut: boolean): ExtractResult => ({
    ok: false,
    error: timedOut
      ? timeoutReason(timeoutMs)
      : (err as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? outOfMemoryReason(limits.heapMb)
        : `extraction failed in a worker: ${err instanceof Error ? err.message : String(err)}`,
    words: 0,
  });
  let closed: Promise<void> | undefined;
  const run = async (task: ExtractTask): Promise<ExtractResult> => {
    await slots.take();
    if (closed) {
      slots.give();
      return { ok: false, error: 'not extracted: the run was stopped', words: 0 };
    }
    if (broken !== undefined) {
      slots.give();
      return { ok: false, error: broken, words: 0 };
    }
    // A document past its time is aborted: the pool terminates its worker and starts another.
    const abort = new AbortController();
    const timer = timeoutMs > 0 ? setTimeout(() => abort.abort(), timeoutMs) : undefined;
    let breaker: (() => void) | undefined;
    inFlight++;
    try {
      const result = pool.run(task, { signal: abort.signal }) as Promise<WorkerAnswer>;
      workers = Math.max(workers, pool.threads.length);
      const gaveUp = new Promise<'broken'>((resolve) => {
        breaker = () => resolve('broken');
        breakers.add(breaker);
      });
      result.catch(() => {}); // (settled later by the pool's destruction, if the runner broke first)
      const answered = await Promise.race([result, gaveUp]);
      if (answered === 'broken') return { ok: false, error: broken!, words: 0 };
      finished++;
      const { thread, ...answer } = answered;
      // The pool removes a worker to recycle before it answers: gone now, it was recycled.
      if (!closed && thread !== undefined && !pool.threads.some((t) => t.threadId === thread)) replaced.recycled++;
      return answer as ExtractResult;
    } catch (err) {
      finished++;
      // A worker that dies (out of memory, a native crash) fails only the task it was running.
      if (!closed) replaced[abort.signal.aborted ? 'stopped' : 'died']++;
      return failure(err, abort.signal.aborted);
    } finally {
      inFlight--;
      if (breaker) breakers.delete(breaker);
      clearTimeout(timer);
      slots.give();
    }
  };
  return {
    run,
    // Stops every worker; documents running or waiting end as failures, so nothing waits for ever.
    close: () => {
      closed ??= (slots.open(), pool.destroy());
      return closed;
    },
    get workers() {
      return workers;
    },
    replaced,
  };
}

/** How long after a worker's error the runner looks whether any worker is left to run the waiting tasks. */
const START_CHECK_MS = 1000;

/** The worker pool's options for `jobs` workers of `heapMb` MB of old generation each. */
export function poolOptions(jobs: number, heapMb: number): ConstructorParameters<typeof Tinypool>[0] & {} {
  return {
    filename: workerUrl().href,
    // Workers start as documents arrive, so a run never has more workers than documents.
    minThreads: 0,
    maxThreads: jobs,
    idleTimeout: 60_000,
    resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: heapMb },
    // wink-nlp's lexicon grows with every distinct word and never shrinks: a worker whose
    // heap passed the bound after a document is replaced by a fresh one, so memory stays flat.
    maxMemoryLimitBeforeRecycle: Math.min(RECYCLE_HEAP_MB, heapMb / 2) * 1024 * 1024,
  };
}

/** The skip reason for a document stopped by `--doc-timeout`. */
export function timeoutReason(ms: number): string {
  return `still running after --doc-timeout ${ms / 1000} s; stopped (its worker replaced)`;
}

/** A counting semaphore: `take` waits while every slot is held. */
class Slots {
  private readonly waiting: Array<() => void> = [];
  constructor(private free: number) {}

  take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Lets every waiter through, now and later (the runner is closing). */
  open(): void {
    this.free = Number.POSITIVE_INFINITY;
    for (const next of this.waiting.splice(0)) next();
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
