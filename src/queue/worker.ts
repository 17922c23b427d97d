import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotationGraph } from '../graph/types.js';
import { readItems } from '../cli/extract/inputs.js';
import { createRunner } from '../cli/extract/runner.js';
import { workerHeapMb } from '../cli/extract/limits.js';
import { taskFor } from '../cli/extract/settings.js';
import { escapeInline } from '../cli/terminal.js';
import { connectPg, isConnectionError, redactUrl } from '../store/pg/connect.js';
import { checkPgSchema } from '../store/pg/schema.js';
import { writeGraphs } from '../store/pg/write.js';
import { MAX_CONNECTION_ERRORS, QUEUE_NAME, redisConnection, sourcesOf, type JobData } from './jobs.js';

export interface WorkerConfig {
  readonly queueUrl: string;
  readonly dbUrl: string;
  readonly jobs: number;
  readonly docTimeoutMs: number;
  readonly exitWhenIdle: boolean;
  readonly archive?: string;
  /** How long a job stays taken by a worker that stopped answering (died) before another takes it. */
  readonly lockMs: number;
  readonly queue?: string;
  readonly log: (line: string) => void;
}


/** What a worker did, for its last line. */
export interface WorkerStats {
  jobs: number;
  failedJobs: number;
  documents: number;
  skipped: number;
  dbMs: number;
  startedAt: number;
}

/**
 * A queue worker: takes jobs, reads their inputs as `extract` does (`readItems`), extracts
 * them on `extract`'s worker-thread pool, and writes each job's graphs in one transaction.
 * Documents that cannot be read or extracted are skipped as `extract` skips them; a job with
 * skipped documents writes the others and is then failed (not retried: reading again gives
 * the same) with their reasons. Other errors (the database) are retried with backoff; a
 * job that still fails is marked failed with its reason and the worker goes on. After
 * `MAX_CONNECTION_ERRORS` connection or schema errors in a row, the worker stops: exit 1.
 * Resolves with the exit status.
 */
export async function runQueueWorker(cfg: WorkerConfig): Promise<number> {
  const log = cfg.log;
  const db = connectPg(cfg.dbUrl, { max: 2 });
  const stats: WorkerStats = { jobs: 0, failedJobs: 0, documents: 0, skipped: 0, dbMs: 0, startedAt: performance.now() };
  let connectionErrors = 0;
  let fatal: string | undefined;
  try {
    // The schema is checked first: a database not migrated is a mistake to fix, not to retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await checkPgSchema(db, redactUrl(cfg.dbUrl));
        break;
      } catch (err) {
        if (!isConnectionError(err) || attempt >= MAX_CONNECTION_ERRORS) {
          log(`quotegraph: worker: ${escapeInline(messageOf(err))}`);
          return 1;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  } catch (err) {
    await db.end();
    throw err;
  }

  const runner = await createRunner(cfg.jobs, { heapMb: workerHeapMb(20 * 1024 * 1024), docTimeoutMs: cfg.docTimeoutMs });
  let busy = 0;
  let stop: (() => void) | undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const giveUp = (why: string): void => {
    fatal ??= why;
    stop!();
  };
  const noteConnectionError = (what: string, err: unknown): void => {
    connectionErrors++;
    log(`quotegraph: worker: ${what} error ${connectionErrors}/${MAX_CONNECTION_ERRORS}: ${escapeInline(messageOf(err))}`);
    if (connectionErrors >= MAX_CONNECTION_ERRORS) giveUp(`${connectionErrors} ${what} errors in a row; stopping (check the server, then start the worker again)`);
  };

  const processJob = async (job: Job<JobData>): Promise<{ written: number; quotes: number }> => {
    busy++;
    try {
      const graphs: Array<AnnotationGraph & { id: string }> = [];
      const lines: string[] = [];
      const skipped: string[] = [];
      const pending: Array<Promise<void>> = [];
      for await (const item of readItems(sourcesOf(job.data), job.data.settings)) {
        if (item.kind === 'note') {
          log(`quotegraph: note: ${escapeInline(item.name)}: ${escapeInline(item.message)}`);
        } else if (item.kind === 'skip') {
          skipped.push(`${item.name} (${item.reason})`);
        } else {
          const id = item.id;
          pending.push(runner.run(taskFor(item, job.data.published)).then((r) => {
            if (!r.ok) skipped.push(`${id} (${r.error})`);
            else lines.push(r.line);
          }));
        }
      }
      await Promise.all(pending);
      // in a stable order, whatever order the pool finished in
      lines.sort();
      for (const line of lines) graphs.push(JSON.parse(line) as AnnotationGraph & { id: string });
      if (cfg.archive !== undefined && lines.length > 0) {
        const file = join(cfg.archive, `${job.id}.jsonl`);
        writeFileSync(`${file}.tmp`, `${lines.join('\n')}\n`);
        renameSync(`${file}.tmp`, file);
      }
      const t0 = performance.now();
      let written: { documents: number; quotes: number };
      try {
        written = await writeGraphs(db, graphs);
        connectionErrors = 0;
      } catch (err) {
        if (isConnectionError(err)) noteConnectionError('database connection', err);
        throw err;
      } finally {
        stats.dbMs += performance.now() - t0;
      }
      stats.documents += written.documents;
      stats.skipped += skipped.length;
      log(`quotegraph: job ${escapeInline(job.name)}: ${written.documents} written (${written.quotes} quotes), ${skipped.length} skipped`);
      if (skipped.length > 0) {
        throw new UnrecoverableError(`${skipped.length} skipped (${written.documents} written): ${skipped.slice(0, 20).join('; ')}${skipped.length > 20 ? `; and ${skipped.length - 20} more` : ''}`);
      }
      return { written: written.documents, quotes: written.quotes };
    } finally {
      busy--;
    }
  };

  const connection = redisConnection(cfg.queueUrl);
  const worker = new Worker<JobData>(cfg.queue ?? QUEUE_NAME, processJob, {
    connection,
    // a job's documents run on the pool at once; a second job keeps the pool busy while one is written
    concurrency: 2,
    lockDuration: cfg.lockMs,
    stalledInterval: cfg.lockMs,
    maxStalledCount: 3,
    autorun: false,
  });
  worker.on('error', (err) => noteConnectionError('queue connection', err));
  worker.on('completed', () => {
    stats.jobs++;
  });
  worker.on('failed', (job, err) => {
    stats.jobs++;
    if (job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError || err.name === 'UnrecoverableError') {
      stats.failedJobs++;
      log(`quotegraph: job ${escapeInline(job?.name ?? '?')} failed: ${escapeInline(err.message)}`);
    } else {
      log(`quotegraph: job ${escapeInline(job?.name ?? '?')} failed (attempt ${job?.attemptsMade ?? '?'}, will retry): ${escapeInline(err.message)}`);
    }
  });

  const onSignal = (): void => stop!();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  let idleTimer: NodeJS.Timeout | undefined;
  const queue = cfg.exitWhenIdle ? new Queue(cfg.queue ?? QUEUE_NAME, { connection }) : undefined;
  if (queue) {
    queue.on('error', () => {});
    let checking = false;
    idleTimer = setInterval(() => {
      if (checking || busy > 0) return;
      checking = true;
      queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children').then(
        (c) => {
          checking = false;
          if (busy === 0 && Object.values(c).every((n) => n === 0)) stop!();
        },
        () => {
          checking = false;
        },
      );
    }, 500);
  }
  log(`quotegraph: worker taking jobs from ${redactUrl(cfg.queueUrl)} into ${redactUrl(cfg.dbUrl)} (${cfg.jobs} job${cfg.jobs === 1 ? '' : 's'})`);
  void worker.run().catch((err: unknown) => giveUp(`the queue stopped: ${messageOf(err)}`));
  await stopped;
  clearInterval(idleTimer);
  // a worker giving up does not wait for its jobs: another worker takes them once their lock ends
  await Promise.race([worker.close(fatal !== undefined), sleep(fatal !== undefined ? 2000 : 600_000)]).catch(() => {});
  await queue?.close().catch(() => {});
  await runner.close();
  await db.end().catch(() => {});
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  const seconds = (performance.now() - stats.startedAt) / 1000;
  log(`quotegraph: worker: ${stats.jobs} jobs (${stats.failedJobs} failed), ${stats.documents} documents written, ${stats.skipped} skipped in ${seconds.toFixed(1)} s (${(stats.documents / Math.max(seconds, 1e-3)).toFixed(1)} docs/s; database ${((100 * stats.dbMs) / Math.max(1, seconds * 1000)).toFixed(1)}% of the time)`);
  if (fatal !== undefined) {
    log(`quotegraph: worker: ${escapeInline(fatal)}`);
    return 1;
  }
  return 0;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
