import { listSources } from '../extract/inputs.js';
import { READ_FLAGS, readSettings } from '../extract/settings.js';
import { QUEUE_NAME, isRedisUrl, planJobs } from '../../queue/jobs.js';
import { redactUrl } from '../../store/pg/url.js';
import { escapeInline } from '../terminal.js';
import { UsageError, parseArgs, parsePositiveInt } from '../usage.js';

export const ENQUEUE_HELP = `quotegraph enqueue <input…> --queue redis://HOST:PORT [--batch N] [extract's input options]

Adds jobs for the inputs to a BullMQ queue on Redis, for quotegraph worker to take. Inputs
are read as quotegraph extract reads them (files, folders, globs; --shard, --text-field,
--published… the same). A job carries pointers, never text: a batch of file paths, or a
range of lines of a JSONL file (of records of a JSON array), read in place by the worker, so
the paths must be the same on every machine (absolute paths are stored). Job ids are a hash
of what the job carries: enqueuing the same inputs again adds nothing.
  --queue URL      the Redis server (redis://HOST:PORT)
  --batch N        documents a job (default 25: files, JSONL lines or JSON records)
  --queue-name Q   the queue (default ${QUEUE_NAME})`;

/** `quotegraph enqueue`: inputs as jobs on the queue. */
export async function runEnqueue(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['queue', 'batch', 'queue-name', ...READ_FLAGS], booleans: ['help'] });
  if (options.help === true) {
    process.stdout.write(`${ENQUEUE_HELP}\n`);
    return 0;
  }
  if (typeof options.queue !== 'string' || !isRedisUrl(options.queue)) throw new UsageError('enqueue needs --queue redis://HOST:PORT (the Redis server of the queue)');
  if (positionals.length === 0) throw new UsageError('enqueue needs at least one input (a file, folder or glob)');
  if (positionals.includes('-')) throw new UsageError('enqueue cannot take standard input (-): a worker reads the inputs where they are; save them to a file');
  const batch = options.batch === undefined ? 25 : parsePositiveInt(options.batch, '--batch');
  const { settings, published } = readSettings(options);
  const sources = await listSources(positionals, settings.stdinFormat);
  const jobs = await planJobs(sources, settings, published, batch);
  // the queue's client (BullMQ, ioredis) is loaded only by the commands that use it
  const { enqueueJobs } = await import('../../queue/enqueue.js');
  const { added, already } = await enqueueJobs(options.queue, jobs, typeof options['queue-name'] === 'string' ? options['queue-name'] : QUEUE_NAME);
  process.stderr.write(`quotegraph: ${added} job${added === 1 ? '' : 's'} added to ${escapeInline(redactUrl(options.queue))} (${sources.length} input file${sources.length === 1 ? '' : 's'}), ${already} already in the queue\n`);
  return 0;
}
