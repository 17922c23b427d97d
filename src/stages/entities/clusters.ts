import clusterFile from './model/clusters.json';

/**
 * Word clusters for the tagger (built by `npm run clusters`, scripts/build-clusters.ts, from
 * GloVe vectors): the cluster of a lower-case word at each grain, finest first, so that a
 * word the training data never had still shares features with the words it behaves like.
 */
export interface ClusterFile {
  readonly provenance: string;
  readonly grains: readonly number[];
  /** Sorted little-endian int32 FNV-1a hashes of lower-case words, base64. */
  readonly keys: string;
  /** The finest-grain cluster of each key, uint16, base64. */
  readonly clusters: string;
  /** For each coarser grain, the parent of each cluster of the grain before it. */
  readonly parents: readonly (readonly number[])[];
}

function bytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

interface Table {
  /** Sorted word hashes (binary-searched: a Map of 150,000 entries would cost every worker ~8 MB). */
  readonly keys: Int32Array;
  readonly fine: Uint16Array;
  /** Each fine cluster's ids at every grain. */
  readonly paths: readonly Int32Array[];
}
let table: Table | undefined;

function load(file: ClusterFile): Table {
  const keys = new Int32Array(bytes(file.keys).buffer);
  const fine = new Uint16Array(bytes(file.clusters).buffer);
  // one small array per fine cluster holding its id at every grain: words share them
  const paths: Int32Array[] = [];
  for (let c = 0; c < (file.grains[0] ?? 0); c++) {
    const path = new Int32Array(file.grains.length);
    let id = c;
    path[0] = id;
    file.parents.forEach((parents, g) => {
      id = parents[id]!;
      path[g + 1] = id;
    });
    paths.push(path);
  }
  return { keys, fine, paths };
}

/** The number of grains each cluster path has. */
export const CLUSTER_GRAINS = (clusterFile as ClusterFile).grains.length;

/** A word's clusters (finest grain first) by the hash of its lower-case form, or undefined. */
export function clustersOf(lowerHash: number): Int32Array | undefined {
  table ??= load(clusterFile as ClusterFile);
  const { keys, fine, paths } = table;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === lowerHash) return paths[fine[mid]!];
    if (k < lowerHash) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
