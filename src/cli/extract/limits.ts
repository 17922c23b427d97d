import { availableParallelism, freemem } from 'node:os';
import { UsageError } from '../usage.js';

/** Workers per core at most: past two, more workers only add memory and switching. */
const WORKERS_PER_CORE = 2;
/** Memory one busy worker takes on news-sized documents (models, lexicon, a document in flight). */
const WORKER_MB = 200;
const MB = 1024 * 1024;

/** What the machine offers, as read by `machine()`; tests pass their own. */
export interface Machine {
  readonly cores: number;
  readonly freeMb: number;
}

export const machine = (): Machine => ({ cores: Math.max(1, availableParallelism()), freeMb: Math.floor(freemem() / MB) });

/**
 * The number of worker threads for `--jobs N`: at most two a core, and no more than the
 * free memory holds at about 200 MB a busy worker. `note` says why a request was lowered.
 */
export function capJobs(requested: number, m: Machine): { jobs: number; note?: string } {
  const byCores = m.cores * WORKERS_PER_CORE;
  const byMemory = Math.max(1, Math.floor(m.freeMb / WORKER_MB));
  const jobs = Math.max(1, Math.min(requested, byCores, byMemory));
  if (jobs === requested) return { jobs };
  const why = byMemory < byCores
    ? `${m.freeMb} MB of free memory holds about ${byMemory} busy worker${byMemory === 1 ? '' : 's'} (${WORKER_MB} MB each)`
    : `at most ${WORKERS_PER_CORE} workers a core (${m.cores} core${m.cores === 1 ? '' : 's'})`;
  return { jobs, note: `--jobs ${requested} lowered to ${jobs}: ${why}` };
}

/** Old-generation heap a worker needs per MB of document, measured with room to spare (~45 MB seen on PolNeAR text, graph line included). */
const HEAP_MB_PER_INPUT_MB = 96;
/** The heap of a worker's models, lexicon and the document's neighbours in the window. */
const HEAP_BASE_MB = 128;
/** The cap below which no worker goes: news-sized documents never come near it. */
const HEAP_FLOOR_MB = 512;

/**
 * A worker's heap cap (`resourceLimits.maxOldGenerationSizeMb`), derived from `--max-bytes`
 * so that every document the size limit lets through fits in a worker: 20M gives 2,048 MB.
 * It is a cap, not a reservation: a worker takes what its documents need.
 */
export function workerHeapMb(maxBytes: number): number {
  return Math.max(HEAP_FLOOR_MB, HEAP_BASE_MB + Math.ceil((maxBytes / MB) * HEAP_MB_PER_INPUT_MB));
}

/**
 * The heap (used, after a document) past which a worker is recycled: wink-nlp's lexicon
 * keeps every distinct word it met (about 170 bytes a word), so a worker's heap grows over a
 * corpus of fresh vocabulary until it is replaced. A fresh worker holds about 100 MB (models
 * and lexicon); the bound leaves it room for a few thousand news articles of new words.
 */
export const RECYCLE_HEAP_MB = 160;

/** The skip reason for a document that ran a worker out of memory, saying what to do. */
export function outOfMemoryReason(heapMb: number): string {
  return `ran out of memory in a worker (heap cap ${heapMb} MB, set by --max-bytes); skip documents this large with a lower --max-bytes, or give each worker more memory with a higher --max-bytes and fewer --jobs`;
}

/** The default of `--doc-timeout`: generous, news articles take well under a second. */
export const DEFAULT_DOC_TIMEOUT_S = 120;

/** `--doc-timeout S` in milliseconds: seconds, fractions allowed, 0 for no limit. */
export function parseDocTimeout(v: string | boolean | undefined): number {
  const s = typeof v === 'string' && /^\d{1,7}(\.\d{1,3})?$/.test(v.trim()) ? Number(v) : NaN;
  if (!(s >= 0)) throw new UsageError(`--doc-timeout takes seconds such as 120 or 0.5 (0: no limit), not "${String(v)}"`);
  return Math.round(s * 1000);
}
