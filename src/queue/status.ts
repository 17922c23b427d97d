import { Queue } from 'bullmq';
import { QUEUE_NAME, redisConnection } from './jobs.js';

export interface QueueStatus {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly done: number;
  readonly failed: number;
  /** The failed jobs (at most `limit`): their inputs and why they failed. */
  readonly failures: ReadonlyArray<{ readonly id: string; readonly inputs: string; readonly reason: string; readonly attempts: number }>;
}

/** The queue's counts and its failed jobs. */
export async function queueStatus(url: string, options: { readonly queue?: string; readonly limit?: number } = {}): Promise<QueueStatus> {
  const queue = new Queue(options.queue ?? QUEUE_NAME, { connection: redisConnection(url) });
  try {
    await queue.waitUntilReady();
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed');
    const failed = await queue.getFailed(0, (options.limit ?? 100) - 1);
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      done: c.completed ?? 0,
      failed: c.failed ?? 0,
      failures: failed.map((j) => ({ id: j.id ?? '', inputs: j.name, reason: j.failedReason ?? '', attempts: j.attemptsMade })).sort((a, b) => (a.inputs < b.inputs ? -1 : a.inputs > b.inputs ? 1 : 0)),
    };
  } finally {
    await queue.close();
  }
}
