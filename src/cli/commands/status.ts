import { QUEUE_NAME, isRedisUrl } from '../../queue/jobs.js';
import { escapeInline, jsonForTerminal } from '../terminal.js';
import { UsageError, parseArgs } from '../usage.js';

export const STATUS_HELP = `quotegraph status --queue redis://HOST:PORT [--json] [--queue-name Q]

The queue's jobs: waiting, running, done and failed, and the failed ones' inputs with why
they failed.`;

/** `quotegraph status`: the queue's counts and failures. */
export async function runStatus(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['queue', 'queue-name'], booleans: ['json', 'help'] });
  if (options.help === true) {
    process.stdout.write(`${STATUS_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('status takes no inputs');
  if (typeof options.queue !== 'string' || !isRedisUrl(options.queue)) throw new UsageError('status needs --queue redis://HOST:PORT (the Redis server of the queue)');
  const { queueStatus } = await import('../../queue/status.js');
  const s = await queueStatus(options.queue, { queue: typeof options['queue-name'] === 'string' ? options['queue-name'] : QUEUE_NAME });
  if (options.json === true) {
    process.stdout.write(`${jsonForTerminal(s)}\n`);
    return 0;
  }
  let out = `waiting ${s.waiting}, running ${s.active}, retrying later ${s.delayed}, done ${s.done}, failed ${s.failed}\n`;
  for (const f of s.failures) out += `failed: ${escapeInline(f.inputs)} (after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}): ${escapeInline(f.reason)}\n`;
  if (s.failed > s.failures.length) out += `and ${s.failed - s.failures.length} more failed\n`;
  process.stdout.write(out);
  return 0;
}
