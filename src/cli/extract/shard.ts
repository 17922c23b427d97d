/** One part of a corpus split N ways: `--shard K/N`, K counted from 1. */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/** Parses `K/N` (1 ≤ K ≤ N); undefined when malformed. */
export function parseShard(s: string): Shard | undefined {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(s.trim());
  if (!m) return undefined;
  const k = Number(m[1]);
  const n = Number(m[2]);
  return k >= 1 && n >= 1 && k <= n ? { k, n } : undefined;
}

const encoder = new TextEncoder();

/**
 * 32-bit FNV-1a over the id's UTF-8 bytes: the same on every machine and in every
 * language, so N shards split a corpus with no coordination.
 */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(id)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const inShard = (id: string, shard: Shard): boolean => idHash(id) % shard.n === shard.k - 1;

/** The environment variables a batch system gives each task its index in: Kubernetes Indexed Jobs (from 0), Slurm job arrays. */
export const SHARD_ENV = ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID'] as const;

/**
 * `--shard` as given: `K/N`, or `N` alone, the part then read from the batch system's
 * environment: `JOB_COMPLETION_INDEX` (a Kubernetes Indexed Job's index, 0 to N-1, is part
 * index+1), else `SLURM_ARRAY_TASK_ID` (counted from `SLURM_ARRAY_TASK_MIN`, 0 when unset, so
 * `--array=0-7` and `--array=1-8` both give parts 1 to 8). A shard, or why the value cannot be one.
 */
export function shardFrom(arg: string, env: Readonly<Record<string, string | undefined>> = process.env): Shard | string {
  const bad = `--shard takes K/N with 1 ≤ K ≤ N, such as 2/8, or N alone (the part from ${SHARD_ENV.join(' or ')}), not "${arg}"`;
  if (arg.includes('/')) return parseShard(arg) ?? bad;
  if (!/^\s*\d{1,6}\s*$/.test(arg) || Number(arg) < 1) return bad;
  const n = Number(arg);
  const whole = (v: string | undefined): number | undefined => (v !== undefined && /^\d{1,9}$/.test(v.trim()) ? Number(v) : undefined);
  let k: number | undefined;
  let from: string;
  if (env.JOB_COMPLETION_INDEX !== undefined && env.JOB_COMPLETION_INDEX !== '') {
    from = `JOB_COMPLETION_INDEX=${env.JOB_COMPLETION_INDEX}`;
    const i = whole(env.JOB_COMPLETION_INDEX);
    k = i === undefined ? undefined : i + 1;
  } else if (env.SLURM_ARRAY_TASK_ID !== undefined && env.SLURM_ARRAY_TASK_ID !== '') {
    from = `SLURM_ARRAY_TASK_ID=${env.SLURM_ARRAY_TASK_ID}${env.SLURM_ARRAY_TASK_MIN === undefined ? '' : ` (SLURM_ARRAY_TASK_MIN=${env.SLURM_ARRAY_TASK_MIN})`}`;
    const id = whole(env.SLURM_ARRAY_TASK_ID);
    const min = env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : whole(env.SLURM_ARRAY_TASK_MIN);
    k = id === undefined || min === undefined || id < min ? undefined : id - min + 1;
  } else {
    return `--shard ${arg} takes its part from ${SHARD_ENV.join(' or ')}, and neither is set; give --shard K/${n}`;
  }
  if (k === undefined || k > n) return `--shard ${arg}: ${from} is no part of ${n} (parts 1 to ${n}: an index from 0 to ${n - 1})`;
  return { k, n };
}
