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
}

export interface Scorer {
  readonly labels: readonly string[];
  /** Adds the weights of `n` features to `scores` (one slot per label). */
  addScores(feats: ArrayLike<number>, scores: Float64Array): void;
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
 * Features are looked up in an open-addressing table whose slots hold the key and the
 * label weights side by side, so scoring a feature touches one cache line or two.
 */
export class PackedModel implements Scorer {
  readonly labels: readonly string[];
  private readonly slotKeys: Int32Array;
  private readonly slots: Float32Array;
  private readonly mask: number;
  private readonly stride: number;

  constructor(file: ModelFile) {
    this.labels = file.labels;
    const L = file.labels.length;
    const narrow = new Int32Array(fromBase64(file.keys).buffer);
    const wide = new Int32Array(fromBase64(file.wideKeys).buffer);
    const q = new Int8Array(fromBase64(file.weights).buffer);
    const codes = fromBase64(file.rowScales);
    const wideWeights = new Float32Array(fromBase64(file.wideWeights).buffer);
    const n = narrow.length + wide.length;
    let cap = 1;
    while (cap < n * 1.6) cap <<= 1;
    this.mask = cap - 1;
    this.stride = L + 1;
    const buffer = new ArrayBuffer(cap * this.stride * 4);
    this.slotKeys = new Int32Array(buffer);
    this.slots = new Float32Array(buffer);
    const put = (key: number, weight: (l: number) => number): void => {
      if (key === 0) return; // 0 marks an empty slot
      let h = (key ^ (key >>> 15)) & this.mask;
      while (this.slotKeys[h * this.stride] !== 0) h = (h + 1) & this.mask;
      const base = h * this.stride;
      this.slotKeys[base] = key;
      for (let l = 0; l < L; l++) this.slots[base + 1 + l] = weight(l);
    };
    for (let r = 0; r < narrow.length; r++) {
      const scale = (file.scales[codes[r]!] ?? 0) / 127;
      put(narrow[r]!, (l) => q[r * L + l]! * scale);
    }
    for (let r = 0; r < wide.length; r++) put(wide[r]!, (l) => wideWeights[r * L + l]!);
  }

  addScores(feats: ArrayLike<number>, scores: Float64Array): void {
    const L = this.labels.length;
    const { slotKeys, slots, mask, stride } = this;
    for (let f = 0; f < feats.length; f++) {
      const k = feats[f]!;
      let h = (k ^ (k >>> 15)) & mask;
      let key = slotKeys[h * stride]!;
      while (key !== k && key !== 0) {
        h = (h + 1) & mask;
        key = slotKeys[h * stride]!;
      }
      if (key === 0) continue;
      const base = h * stride + 1;
      for (let l = 0; l < L; l++) scores[l]! += slots[base + l]!;
    }
  }
}
