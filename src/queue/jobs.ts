import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { ReadSettings, Source } from '../cli/extract/inputs.js';

/** Connection errors in a row after which a worker gives up (exit 1) instead of retrying for ever. */
export const MAX_CONNECTION_ERRORS = 5;

/** The queue every command uses unless told otherwise. */
export const QUEUE_NAME = 'quotegraph';

/** A source as a job carries it: a pointer to a file (and a part of it), never its text. */
export type JobSource = Omit<Source, 'path'> & { readonly path: string; readonly pathBytes?: true };

/** What a job carries: pointers to files or parts of files, and how to read them (as `extract` would). */
export interface JobData {
  readonly sources: readonly JobSource[];
  readonly settings: ReadSettings;
  readonly published?: string;
}

export interface PlannedJob {
  /** Deterministic: the same pointers and settings give the same id, so enqueuing twice adds nothing. */
  readonly id: string;
  /** How the job is named to people (status, logs): its first input and how much it holds. */
  readonly name: string;
  readonly data: JobData;
}

/** A file path as a job carries it: absolute (workers on other machines mount the same paths), bytes where the name is not UTF-8. */
function pointer(source: Source): JobSource {
  if (typeof source.path === 'string') return { ...source, path: source.path === '-' || isAbsolute(source.path) ? source.path : resolve(source.path) };
  const abs = Buffer.from(resolve(source.path.toString('latin1')), 'latin1');
  return { ...source, path: abs.toString('base64'), pathBytes: true };
}

/** A job's sources as `readItems` takes them. */
export function sourcesOf(data: JobData): Source[] {
  return data.sources.map(({ pathBytes, ...s }) => ({ ...s, path: pathBytes === true ? Buffer.from(s.path, 'base64') : s.path }));
}

/** Counts the lines of a file (a last line without a newline counts). */
async function lineCount(path: string | Buffer): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  return last === 10 ? lines : lines + 1;
}

/** Records of a .json file: the length of its array, 1 for anything else (or when it cannot be read: the worker says why). */
function jsonRecords(path: string | Buffer): number {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return Array.isArray(parsed) ? parsed.length : 1;
  } catch {
    return 1;
  }
}

/**
 * Splits listed sources into jobs of about `batch` documents: plain files (text, HTML, and
 * listing problems) `batch` files a job; a JSONL file `batch` lines a job, a JSON array
 * `batch` records a job (as ranges, read in place by the worker).
 */
export async function planJobs(sources: readonly Source[], settings: ReadSettings, published: string | undefined, batch: number): Promise<PlannedJob[]> {
  const parts: Array<{ sources: JobSource[]; label: string }> = [];
  let files: JobSource[] = [];
  const flushFiles = (): void => {
    if (files.length === 0) return;
    parts.push({ sources: files, label: files.length === 1 ? files[0]!.name : `${files[0]!.name} and ${files.length - 1} more file${files.length === 2 ? '' : 's'}` });
    files = [];
  };
  for (const source of sources) {
    const split = source.problem === undefined && source.note === undefined && (source.format === 'jsonl' || source.format === 'json');
    if (!split) {
      files.push(pointer(source));
      if (files.length >= batch) flushFiles();
      continue;
    }
    flushFiles();
    const jsonl = source.format === 'jsonl';
    let total: number;
    try {
      total = jsonl ? await lineCount(source.path) : jsonRecords(source.path);
    } catch {
      total = 1; // unreadable: one job, whose worker reports why
    }
    const first = jsonl ? 1 : 0;
    for (let from = first; from < first + Math.max(1, total); from += batch) {
      const to = from + batch;
      parts.push({ sources: [{ ...pointer(source), range: { from, to } }], label: `${source.name} ${jsonl ? 'lines' : 'records'} ${from}-${Math.min(to, first + total) - 1}` });
    }
  }
  flushFiles();
  return parts.map(({ sources: s, label }) => {
    const data: JobData = { sources: s, settings, ...(published === undefined ? {} : { published }) };
    return { id: jobId(data), name: label, data };
  });
}

/** A job's id: a hash of what it carries (BullMQ takes no ':' in an id, and no bare integer). */
export function jobId(data: JobData): string {
  return `qg-${createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 40)}`;
}

/** Redis connection options for BullMQ from a `redis://` URL. */
export function redisConnection(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}

export const isRedisUrl = (s: string): boolean => /^rediss?:\/\//i.test(s);
