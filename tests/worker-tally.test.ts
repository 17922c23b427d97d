import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replacedWorkers, summaryLine } from '../src/cli/commands/extract.js';
import { outOfMemoryReason } from '../src/cli/extract/limits.js';
import { createRunner, timeoutReason } from '../src/cli/extract/runner.js';

// Issue 17: extract's end summary counts the workers it replaced, recycled (heap bound) or dead.
const worker = pathToFileURL(join(import.meta.dirname, 'helpers', 'answer-worker.mjs'));
const task = (id: string, text: string) => ({ id, text, html: false, notes: [] });

describe('the runner counts the workers it replaced', () => {
  it('a worker recycled after its heap passed the bound is counted once per replacement', async () => {
    // one worker at a time (a time limit puts even one job in a pool); the bound is 128 MB at a 256 MB cap
    const runner = await createRunner(1, { heapMb: 256, docTimeoutMs: 60_000, worker });
    try {
      const lines: string[] = [];
      for (let i = 0; i < 10; i++) {
        const r = await runner.run(task(`d${i}`, '40'));
        expect(r.ok).toBe(true);
        expect(r).not.toHaveProperty('thread');
        if (r.ok) lines.push(r.line);
      }
      const threads = new Set(lines.map((l) => l.split(' ')[1]));
      // 10 × 40 MB in one worker is 400 MB: it must have been replaced, and every replacement counted
      expect(threads.size).toBeGreaterThanOrEqual(3);
      expect(runner.replaced).toEqual({ recycled: threads.size - 1, died: 0, stopped: 0 });
    } finally {
      await runner.close();
    }
  }, 120_000);

  it('a worker out of memory is counted as died, a document past --doc-timeout as stopped; the runs go on', async () => {
    const runner = await createRunner(2, { heapMb: 256, worker });
    try {
      expect(await runner.run(task('big', 'oom'))).toEqual({ ok: false, error: outOfMemoryReason(256), words: 0 });
      expect(await runner.run(task('next', '1'))).toMatchObject({ ok: true });
      expect(runner.replaced).toEqual({ recycled: 0, died: 1, stopped: 0 });
    } finally {
      await runner.close();
    }
    const timed = await createRunner(1, { heapMb: 256, docTimeoutMs: 300, worker });
    try {
      expect(await timed.run(task('slow', 'slow'))).toEqual({ ok: false, error: timeoutReason(300), words: 0 });
      expect(await timed.run(task('next', '1'))).toMatchObject({ ok: true });
      expect(timed.replaced).toEqual({ recycled: 0, died: 0, stopped: 1 });
    } finally {
      await timed.close();
    }
  }, 120_000);

  it('one job in this thread replaces nothing', async () => {
    const runner = await createRunner(1, { heapMb: 512 });
    expect(runner.replaced).toEqual({ recycled: 0, died: 0, stopped: 0 });
    await runner.close();
  });
});

describe('the end summary says which workers were replaced', () => {
  it.each([
    [{ recycled: 0, died: 0, stopped: 0 }, ''],
    [{ recycled: 3, died: 0, stopped: 0 }, '3 recycled (heap bound)'],
    [{ recycled: 2, died: 1, stopped: 4 }, '2 recycled (heap bound), 1 died (out of memory or crashed; only its document skipped), 4 stopped by --doc-timeout'],
  ])('%j', (replaced, text) => {
    expect(replacedWorkers(replaced)).toBe(text);
    const stats = { written: 5, skipped: [{ id: 'a.txt', reason: 'too big' }], resumed: 0, words: 10, startedAt: performance.now() };
    const line = summaryLine(stats, 2, replaced);
    expect(line).toMatch(/^quotegraph: 5 written, 1 skipped in [\d.]+ s \(.*, 2 jobs, CPU [\d.]+ s, peak memory \d+ MB\)/);
    expect(line.slice(line.indexOf('MB)') + 3)).toBe(`${text === '' ? '' : `; workers replaced: ${text}`}; skipped: a.txt (too big)`);
  });
});
