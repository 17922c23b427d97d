import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inShard, shardFrom } from '../src/cli/extract/shard.js';
import { cli } from './distributed.helpers.js';
import { ROOT, SPAWN_TIMEOUT } from './helpers/cli.js';

describe('--shard N takes its part from the batch system (issue 16)', () => {
  it('reads a Kubernetes Indexed Job index (from 0) and a Slurm array task id (from its minimum)', () => {
    expect(shardFrom('2/8', {})).toEqual({ k: 2, n: 8 });
    expect(shardFrom('8', { JOB_COMPLETION_INDEX: '0' })).toEqual({ k: 1, n: 8 });
    expect(shardFrom('8', { JOB_COMPLETION_INDEX: '7' })).toEqual({ k: 8, n: 8 });
    expect(shardFrom('8', { SLURM_ARRAY_TASK_ID: '0' })).toEqual({ k: 1, n: 8 });
    expect(shardFrom('8', { SLURM_ARRAY_TASK_ID: '8', SLURM_ARRAY_TASK_MIN: '1' })).toEqual({ k: 8, n: 8 });
    expect(shardFrom('8', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1' })).toEqual({ k: 3, n: 8 });
    // Kubernetes first when both are set (a Slurm variable leaking into a pod's environment)
    expect(shardFrom('4', { JOB_COMPLETION_INDEX: '2', SLURM_ARRAY_TASK_ID: '0' })).toEqual({ k: 3, n: 4 });
    // K/N given in full: the environment is not read
    expect(shardFrom('1/4', { JOB_COMPLETION_INDEX: '2' })).toEqual({ k: 1, n: 4 });
  });

  it('refuses, saying why, an index past N, a malformed one, and N alone with neither variable set', () => {
    expect(shardFrom('8', { JOB_COMPLETION_INDEX: '8' })).toBe('--shard 8: JOB_COMPLETION_INDEX=8 is no part of 8 (parts 1 to 8: an index from 0 to 7)');
    expect(shardFrom('8', { SLURM_ARRAY_TASK_ID: 'x' })).toBe('--shard 8: SLURM_ARRAY_TASK_ID=x is no part of 8 (parts 1 to 8: an index from 0 to 7)');
    expect(shardFrom('8', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '1' })).toBe('--shard 8: SLURM_ARRAY_TASK_ID=0 (SLURM_ARRAY_TASK_MIN=1) is no part of 8 (parts 1 to 8: an index from 0 to 7)');
    expect(shardFrom('8', {})).toBe('--shard 8 takes its part from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID, and neither is set; give --shard K/8');
    for (const bad of ['0', '4/3', 'x', '']) expect(shardFrom(bad, { JOB_COMPLETION_INDEX: '0' })).toBe(`--shard takes K/N with 1 ≤ K ≤ N, such as 2/8, or N alone (the part from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID), not "${bad}"`);
  });

  const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-shard-env-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const corpus = join(ROOT, 'test-corpus', 'articles');
  const ids = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => (JSON.parse(l) as { id: string }).id);

  it('extract --shard 3 in three tasks of an array writes the parts of --shard K/3, which together are the corpus once', () => {
    const all = new Set<string>();
    const env = (k: number): Record<string, string> => (k === 2 ? { JOB_COMPLETION_INDEX: '', SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1' } : { JOB_COMPLETION_INDEX: String(k), SLURM_ARRAY_TASK_ID: '' });
    for (let k = 0; k < 3; k++) {
      const out = join(tmp, `part-${k}.jsonl`);
      const r = cli(['extract', corpus, '--jobs', '1', '--shard', '3', '--out', out], env(k));
      expect(r.status, r.stderr).toBe(0);
      const part = ids(out);
      expect(part.length).toBeGreaterThan(0);
      // exactly the ids of part k+1 of 3
      expect(part.every((id) => inShard(id, { k: k + 1, n: 3 }))).toBe(true);
      for (const id of part) all.add(id);
    }
    const whole = join(tmp, 'all.jsonl');
    expect(cli(['extract', corpus, '--jobs', '1', '--out', whole]).status).toBe(0);
    expect([...all].sort()).toEqual(ids(whole).sort());
    const none = cli(['extract', corpus, '--shard', '3'], { JOB_COMPLETION_INDEX: '', SLURM_ARRAY_TASK_ID: '' });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('quotegraph: --shard 3 takes its part from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID, and neither is set; give --shard K/3\n');
  }, SPAWN_TIMEOUT);
});
