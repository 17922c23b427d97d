import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';
import { describe, expect, it } from 'vitest';
import { RECYCLE_HEAP_MB } from '../src/cli/extract/limits.js';
import { poolOptions } from '../src/cli/extract/runner.js';

describe('extract workers are recycled before their heap grows past a bound (17.4)', () => {
  it('a worker that keeps 40 MB a task is replaced once its heap passed the bound; the heap stays under it plus one task', async () => {
    const pool = new Tinypool({ ...poolOptions(1, 512), filename: pathToFileURL(join(import.meta.dirname, 'helpers', 'retain-worker.mjs')).href });
    try {
      const answers: Array<{ threadId: number; heapMb: number }> = [];
      for (let i = 0; i < 12; i++) answers.push(await pool.run(40));
      const threads = new Set(answers.map((a) => a.threadId));
      // 12 × 40 MB = 480 MB kept in one worker without recycling; with it, a new worker every few tasks.
      expect(threads.size).toBeGreaterThanOrEqual(3);
      expect(Math.max(...answers.map((a) => a.heapMb))).toBeLessThan(RECYCLE_HEAP_MB + 40 + 16);
    } finally {
      await pool.destroy();
    }
  }, 60_000);

  it('the bound stays under half the heap cap, so a worker is recycled before it runs out', () => {
    expect(poolOptions(2, 512).maxMemoryLimitBeforeRecycle).toBe(RECYCLE_HEAP_MB * 1024 * 1024);
    expect(poolOptions(2, 256).maxMemoryLimitBeforeRecycle).toBe(128 * 1024 * 1024);
  });
});
