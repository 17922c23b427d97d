/**
 * The trained weights of the tagger: an averaged perceptron's weights, each feature's
 * row quantised to 8 bits against its own scale, stored as base64 in `model/ner.json` (written by
 * `npm run train`). At load time the feature hashes go into an open-addressing table
 * so that scoring a feature is one or two array reads.
 */

export interface ModelFile {
  readonly provenance: string;
  readonly labels: readonly string[];
  /** Row scales by their 8-bit code. */
  readonly scales: readonly number[];
  /** One scale code per key, base64. */
  readonly rowScales: string;
  /** Little-endian int32 feature hashes, base64. */
  readonly keys: string;
  /** int8 weights, `labels.length` per key (times the row's scale / 127), base64. */
  readonly weights: string;
  /** Rows of large weights, kept as float32: their keys and weights, base64. */
  readonly wideKeys: string;
  readonly wideWeights: string;
  /** Lower-case words that may continue a name: little-endian int32 word hashes, base64. */
  readonly inner?: string;
}

export interface Scorer {
  readonly labels: readonly string[];
  /** Adds the weights of `n` features to `scores` (one slot per label). */
  addScores(feats: ArrayLike<number>, scores: Float64Array): void;
  /** Hashes of the lower-case words that may continue a name; every word may where absent. */
  readonly inner?: ReadonlySet<number> | undefined;
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CH = 0x8000;
  for (let i = 0; i < bytes.length; i += CH) s += String.fromCharCode(...bytes.subarray(i, i + CH));
  return btoa(s);
}

/**
 * Features are looked up in an open-addressing table whose slots hold the key, the row's
 * scale code and its 8-bit weights side by side (20 bytes a slot: the table stays small
 * enough to sit mostly in cache, and scoring a feature touches one cache line). A row
 * of large weights keeps float32 weights in a side array. Weights are widened exactly as
 * a float32 store would (`Math.fround`), so scores do not depend on the packing.
 */
export class PackedModel implements Scorer {
  readonly labels: readonly string[];
  readonly inner: ReadonlySet<number> | undefined;
  /** Per slot: key, meta (scale code, or WIDE + row of `wideWeights`), then the int8 weights. */
  private readonly slotInts: Int32Array;
  private readonly slotBytes: Int8Array;
  private readonly mask: number;
  /** Slot size in int32 units. */
  private readonly stride: number;
  /** Scale of each code, divided by 127. */
  private readonly scaleOf: Float64Array;
  private readonly wideWeights: Float32Array;

  constructor(file: ModelFile) {
    this.labels = file.labels;
    this.inner = file.inner === undefined ? undefined : new Set(new Int32Array(fromBase64(file.inner).buffer));
    const L = file.labels.length;
    const narrow = new Int32Array(fromBase64(file.keys).buffer);
    const wide = new Int32Array(fromBase64(file.wideKeys).buffer);
    const q = new Int8Array(fromBase64(file.weights).buffer);
    const codes = fromBase64(file.rowScales);
    this.wideWeights = new Float32Array(fromBase64(file.wideWeights).buffer);
    this.scaleOf = new Float64Array(file.scales.length);
    for (let c = 0; c < file.scales.length; c++) this.scaleOf[c] = (file.scales[c] ?? 0) / 127;
    const n = narrow.length + wide.length;
    let cap = 1;
    while (cap < n * 1.6) cap <<= 1;
    this.mask = cap - 1;
    this.stride = 2 + ((L + 3) >> 2);
    const buffer = new ArrayBuffer(cap * this.stride * 4);
    this.slotInts = new Int32Array(buffer);
    this.slotBytes = new Int8Array(buffer);
    const slotFor = (key: number): number => {
      let h = (key ^ (key >>> 15)) & this.mask;
      while (this.slotInts[h * this.stride] !== 0) h = (h + 1) & this.mask;
      this.slotInts[h * this.stride] = key;
      return h * this.stride;
    };
    for (let r = 0; r < narrow.length; r++) {
      if (narrow[r] === 0) continue; // 0 marks an empty slot
      const base = slotFor(narrow[r]!);
      this.slotInts[base + 1] = codes[r]!;
      for (let l = 0; l < L; l++) this.slotBytes[(base + 2) * 4 + l] = q[r * L + l]!;
    }
    for (let r = 0; r < wide.length; r++) {
      if (wide[r] === 0) continue;
      this.slotInts[slotFor(wide[r]!) + 1] = WIDE + r;
    }
  }

  addScores(feats: ArrayLike<number>, scores: Float64Array): void {
    const L = this.labels.length;
    const { slotInts, slotBytes, mask, stride, scaleOf, wideWeights } = this;
    for (let f = 0; f < feats.length; f++) {
      const k = feats[f]!;
      let h = (k ^ (k >>> 15)) & mask;
      let key = slotInts[h * stride]!;
      while (key !== k && key !== 0) {
        h = (h + 1) & mask;
        key = slotInts[h * stride]!;
      }
      if (key === 0) continue;
      const base = h * stride;
      const meta = slotInts[base + 1]!;
      if (meta >= WIDE) {
        const row = (meta - WIDE) * L;
        for (let l = 0; l < L; l++) scores[l]! += wideWeights[row + l]!;
      } else {
        const scale = scaleOf[meta]!;
        const b = (base + 2) * 4;
        for (let l = 0; l < L; l++) scores[l]! += Math.fround(slotBytes[b + l]! * scale);
      }
    }
  }
}

/** Slot meta values from here up mark a float32 row. */
const WIDE = 1 << 16;
