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
