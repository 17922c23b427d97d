import { Queue } from 'bullmq';
import { QUEUE_NAME, redisConnection, type PlannedJob } from './jobs.js';

/** How a job is retried: attempts in all, the first retry after `backoffMs`, doubling after each. */
export const RETRY = { attempts: 4, backoffMs: 2_000 } as const;

/**
 * Adds jobs to the queue; those whose id the queue already holds (waiting, running, done or
 * failed) are left as they are. Done jobs are kept so that enqueuing the same inputs again
 * adds nothing (`status` counts them; a few hundred bytes of Redis each).
 */
export async function enqueueJobs(url: string, jobs: readonly PlannedJob[], queueName = QUEUE_NAME): Promise<{ added: number; already: number }> {
  const queue = new Queue(queueName, { connection: redisConnection(url) });
  let added = 0;
  try {
    await queue.waitUntilReady();
    for (let i = 0; i < jobs.length; i += 500) {
      const chunk = jobs.slice(i, i + 500);
      const known = await Promise.all(chunk.map((j) => queue.getJobState(j.id)));
      const fresh = chunk.filter((_, k) => known[k] === 'unknown');
      added += fresh.length;
      await queue.addBulk(fresh.map((j) => ({
        name: j.name,
        data: j.data,
        opts: { jobId: j.id, attempts: RETRY.attempts, backoff: { type: 'exponential', delay: RETRY.backoffMs }, removeOnComplete: false, removeOnFail: false },
      })));
    }
  } finally {
    await queue.close();
  }
  return { added, already: jobs.length - added };
}
