import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createRunner } from '../src/cli/extract/runner.js';

// Issue 17: a worker that cannot start (its module throws on load) left the pool with no
// worker and every document waiting for ever, so a run hung with no word. Now each document,
// waiting or to come, fails with the reason, and the run goes on to its summary.

const dir = mkdtempSync(join(tmpdir(), 'quotegraph-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workers that cannot start', () => {
  it('fail every document with the reason instead of hanging', async () => {
    const bad = join(dir, 'bad-worker.mjs');
    writeFileSync(bad, "throw new Error('boom at load');\n");
    const runner = await createRunner(2, { heapMb: 256, worker: pathToFileURL(bad) });
    try {
      const results = await Promise.all([1, 2, 3].map((n) => runner.run({ id: `d${n}`, text: 'Smith said the plan failed.', html: false, notes: [] } as never)));
      expect(results).toEqual([1, 2, 3].map(() => ({ ok: false, error: 'the workers could not start: boom at load', words: 0 })));
      // and a document after that fails at once with the same reason
      expect(await runner.run({ id: 'd4', text: 'Smith said so.', html: false, notes: [] } as never)).toEqual({ ok: false, error: 'the workers could not start: boom at load', words: 0 });
    } finally {
      await runner.close();
    }
  }, 30_000);
});
