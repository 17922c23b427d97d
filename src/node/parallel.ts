import { QuotegraphOptionsError, describeValue } from '../errors.js';
import { inputParts, iterableKind, type ExtractInput, type InputIterable } from '../inputs.js';
import type { AnnotationGraph } from '../graph/types.js';
import { resolveOptions, type ExtractOptions } from '../pipeline/options.js';
import { workerHeapMb } from '../cli/extract/limits.js';
import { createRunner, defaultJobs } from '../cli/extract/runner.js';
import type { ExtractTask } from '../cli/extract/task.js';
import { OrderedWindow, WINDOW_CHARS } from './ordered.js';

/** What `onProgress` is told after each graph. */
export interface ParallelProgress {
  /** Graphs yielded so far. */
  readonly done: number;
  /** Words read so far (runs of non-space), as `quotegraph extract` counts them. */
  readonly words: number;
}

/** `extractParallel`'s options: the extract options every input shares, and how to run. */
export interface ParallelOptions extends Omit<ExtractOptions, 'pipeline'> {
  /** Worker threads (default: the number of cores); 1 extracts in this thread. */
  readonly workers?: number;
  /** Called after each graph, in input order. */
  readonly onProgress?: (progress: ParallelProgress) => void;
}

const CALLER = 'extractParallel()';

/**
 * Extracts graphs on worker threads (the pool of `quotegraph extract --jobs N`), yielding
 * them in input order: the same graphs `extractAll` gives. Inputs are a sync or async iterable
 * of strings or `{ text, options }`; a `pipeline` option cannot cross to a worker thread and is
 * refused (use `extractAll` for a pipeline of your own). A document a worker fails on (out of
 * memory, a crash) stops the iteration with an error naming it; the pool is closed whenever the
 * iteration ends.
 */
export function extractParallel(inputs: InputIterable, options: ParallelOptions = {}): AsyncGenerator<AnnotationGraph> {
  iterableKind(inputs, CALLER);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new QuotegraphOptionsError('E_OPTIONS_TYPE', `${CALLER} takes options as a plain object such as { workers: 2 }, not ${describeValue(options)}.`);
  }
  const { workers = defaultJobs(), onProgress, ...shared } = options;
  if (!Number.isInteger(workers) || workers < 1) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `Option "workers" must be a whole number of worker threads, 1 or more, not ${describeValue(workers)}.`);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `Option "onProgress" must be a function, not ${describeValue(onProgress)}.`);
  }
  checkSendable(shared);
  return run(inputs, shared, workers, onProgress);
}

/** Checks options in this thread, so that misuse throws here as it does in `extract`, never in a worker. */
function checkSendable(options: ExtractOptions | undefined): void {
  if (options !== undefined && options !== null && typeof options === 'object' && 'pipeline' in options && options.pipeline !== undefined) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `${CALLER} runs the default pipeline: a "pipeline" option (its stages are functions) cannot be sent to a worker thread; extract with extractAll() instead.`);
  }
  resolveOptions(options);
}

async function* run(inputs: InputIterable, shared: ExtractOptions, workers: number, onProgress: ParallelOptions['onProgress']): AsyncGenerator<AnnotationGraph> {
  // the CLI's worker heap cap for its default --max-bytes (20M: 2,048 MB, a cap, not a reservation); a lower cap costs more garbage collection
  const runner = await createRunner(workers, { heapMb: workerHeapMb(20 * 1024 * 1024) });
  // Documents run ahead of the one awaited, as in `quotegraph extract`: enough to keep every worker busy, few enough to bound memory.
  const window = new OrderedWindow<{ index: number; result: ReturnType<typeof runner.run> }>(Math.max(8, workers * 16), WINDOW_CHARS);
  let done = 0;
  let words = 0;
  const oldest = async (): Promise<AnnotationGraph> => {
    const head = window.shift().value;
    const r = await head.result;
    if (!r.ok) throw new Error(`${CALLER}: input ${head.index} failed: ${r.error}`);
    done++;
    words += r.words;
    onProgress?.({ done, words });
    return JSON.parse(r.line) as AnnotationGraph;
  };
  try {
    let index = 0;
    for await (const input of inputs as AsyncIterable<ExtractInput>) {
      const parts = inputParts(input, shared, CALLER);
      if (parts.options !== shared) checkSendable(parts.options);
      const task: ExtractTask = { id: String(index), text: parts.text, html: false, notes: [], bare: true, ...(parts.options ? { options: parts.options } : {}) };
      window.push({ index, result: runner.run(task) }, parts.text.length);
      index++;
      while (window.full) yield await oldest();
    }
    while (window.size > 0) yield await oldest();
  } finally {
    await runner.close();
  }
}
