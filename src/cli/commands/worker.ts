import { DEFAULT_DOC_TIMEOUT_S, capJobs, machine, parseDocTimeout } from '../extract/limits.js';
import { defaultJobs } from '../extract/runner.js';
import { MAX_CONNECTION_ERRORS, QUEUE_NAME, isRedisUrl } from '../../queue/jobs.js';
import { isPostgresUrl } from '../../store/pg/url.js';
import { mkdirSync } from 'node:fs';
import { UsageError, parseArgs, parsePositiveInt } from '../usage.js';

export const WORKER_HELP = `quotegraph worker --queue redis://… --db postgres://… [--jobs N] [--exit-when-idle] [--archive DIR]

Takes jobs from the queue (quotegraph enqueue), extracts their documents on a pool of worker
threads, and writes each job into the shared PostgreSQL index in one transaction (documents
upserted by id, their quotes and entities replaced: a job done twice leaves no duplicate).
Failed jobs are retried with backoff; one that keeps failing is marked failed with its
reason (quotegraph status lists them) and the worker goes on. A worker killed mid-job
loses nothing: its job goes back to the queue once its lock runs out. The database must be
migrated first (quotegraph db migrate); speakers are merged by quotegraph merge-speakers.
  --jobs N          worker threads (default: the number of cores)
  --exit-when-idle  stop once the queue has no job waiting or running
  --archive DIR     also write each job's graphs as DIR/<job id>.jsonl (to index again without extracting)
  --lock S          seconds a job stays with a worker that stopped answering before another takes it (default 30)
  --doc-timeout S   skip a document still running after S seconds (default 120; 0: no limit)
  --queue-name Q    the queue (default ${QUEUE_NAME})

Exit status: 0 stopped (idle, or SIGTERM/Ctrl-C after the jobs in hand), 2 usage error,
1 the database is not migrated, or ${MAX_CONNECTION_ERRORS} connection errors in a row.`;

/** `quotegraph worker`: jobs from the queue into the shared index. */
export async function runWorker(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['queue', 'db', 'jobs', 'archive', 'lock', 'doc-timeout', 'queue-name'], booleans: ['exit-when-idle', 'help'] });
  if (options.help === true) {
    process.stdout.write(`${WORKER_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('worker takes no inputs: they come from the queue (quotegraph enqueue)');
  if (typeof options.queue !== 'string' || !isRedisUrl(options.queue)) throw new UsageError('worker needs --queue redis://HOST:PORT (the Redis server of the queue)');
  if (typeof options.db !== 'string' || !isPostgresUrl(options.db)) throw new UsageError('worker needs --db postgres://USER@HOST:PORT/DATABASE (the shared index)');
  const capped = capJobs(options.jobs === undefined ? defaultJobs() : parsePositiveInt(options.jobs, '--jobs'), machine());
  if (capped.note !== undefined) process.stderr.write(`quotegraph: ${capped.note}\n`);
  const archive = typeof options.archive === 'string' ? options.archive : undefined;
  if (archive !== undefined) mkdirSync(archive, { recursive: true });
  const { runQueueWorker } = await import('../../queue/worker.js');
  return runQueueWorker({
    queueUrl: options.queue,
    dbUrl: options.db,
    jobs: capped.jobs,
    docTimeoutMs: options['doc-timeout'] === undefined ? DEFAULT_DOC_TIMEOUT_S * 1000 : parseDocTimeout(options['doc-timeout']),
    exitWhenIdle: options['exit-when-idle'] === true,
    lockMs: (options.lock === undefined ? 30 : parsePositiveInt(options.lock, '--lock')) * 1000,
    ...(archive === undefined ? {} : { archive }),
    ...(typeof options['queue-name'] === 'string' ? { queue: options['queue-name'] } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
}
