/**
 * `npm run train`: trains the named-entity tagger (a greedy averaged perceptron over
 * BIO labels) on CoNLL-2003 train and PolNeAR train's CoreNLP entities (silver), read in
 * place from ../shared/data, and writes src/stages/entities/model/ner.json.
 *
 * Reproducible: fixed seed, fixed epochs. Every document is tokenised, split into lines
 * and sentences by the pipeline's own first stages, so training sees the tokens that
 * `extract()` sees at run time. Options: --epochs N, --no-polnear, --out PATH, --release.
 *
 * `--release` also trains on CoNLL-2003 valid: the model users get has seen every gold
 * document there is. The settings are chosen on train-only models, and `npm run eval`
 * scores CoNLL valid with the train-only model (`npm run train` writes both), so its
 * figure stays honest. PolNeAR dev is never trained on: its agreement figure is the
 * release model's own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveOptions } from '../src/pipeline/options.js';
import { Pipeline } from '../src/pipeline/pipeline.js';
import { layoutStage } from '../src/stages/layout/index.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { tokenizeStage } from '../src/stages/tokenize/index.js';
import { docStats, labelFeatures, tokenFeatures, unitContext, wordKey } from '../src/stages/entities/features.js';
import { PackedModel, toBase64, type ModelFile, type Scorer } from '../src/stages/entities/model.js';
import { ENTITY_TYPES, LABELS, bestLabel, isInside, mayContinue, rememberLabel, tagDocument } from '../src/stages/entities/tagger.js';
import { hashString } from '../src/stages/entities/features.js';
import particles from '../src/lexicon/name-particles.json';
import type { Token } from '../src/text/tokenize.js';
import { tagUnits } from '../src/stages/entities/units.js';
import { loadConll, loadPolnear, type GoldDoc } from './eval/ner-data.js';
import { ROOT, SHARED_DATA } from './eval/paths.js';

const args = process.argv.slice(2);
const argOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const EPOCHS = Number(argOf('--epochs') ?? 8);
const SEED = 20261127;
const OUT = argOf('--out') ?? join(ROOT, 'src', 'stages', 'entities', 'model', 'ner.json');
const USE_POLNEAR = !args.includes('--no-polnear');
const RELEASE = args.includes('--release');
const MAX_POLNEAR = Number(argOf('--polnear-docs') ?? 100000);
/** How many times each CoNLL document is seen per epoch: the gold data weighs more than the silver. */
const CONLL_WEIGHT = Number(argOf('--conll-weight') ?? 3);
/** Features whose largest (centred) label weight is under this are dropped. */
const PRUNE = Number(argOf('--prune') ?? 1);
/** Rows whose largest weight exceeds this are stored as floats. */
const WIDE = Number(argOf('--wide') ?? 8);
/** A lower-case word found inside training names this often may continue a name (`mayContinue`). */
const INNER_MIN = Number(argOf('--inner-min') ?? 3);
const USE_INNER = args.includes('--inner');
/** Update against the best label over all labels, not only those allowed after the previous one. */
const FREE = !args.includes('--no-free');

const L = LABELS.length;
const TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i + 1]));

/** One tagging unit ready for training: its context and gold labels. */
interface TrainUnit {
  readonly ctx: ReturnType<typeof unitContext>;
  readonly gold: Int8Array;
  /** Label-independent features of each position, flattened, with offsets. */
  readonly feats: Int32Array;
  readonly offsets: Int32Array;
}
interface TrainDoc { readonly units: TrainUnit[]; readonly tokens: readonly Token[]; readonly weight: number }

const front = new Pipeline([tokenizeStage, layoutStage, segmentStage]);
const opts = resolveOptions(undefined);

/** Gold label per token: a token starting inside a gold span takes its type. */
function goldLabels(g: GoldDoc, tokens: readonly Token[]): Int8Array {
  const labels = new Int8Array(tokens.length);
  let s = 0;
  const spans = [...g.spans].sort((a, b) => a.start - b.start);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < spans.length && spans[s]!.end <= t.start) s++;
    const span = spans[s];
    if (!span || t.start < span.start) continue;
    const type = TYPE_INDEX.get(span.type);
    if (type === undefined) continue;
    const prev = i > 0 ? tokens[i - 1]! : undefined;
    const inside = prev !== undefined && prev.start >= span.start && labels[i - 1] !== 0;
    labels[i] = inside ? type * 2 : type * 2 - 1;
  }
  return labels;
}

function prepare(g: GoldDoc) {
  const doc = front.runDoc(g.text, opts);
  const tokens = doc.tokens;
  const labels = goldLabels(g, tokens);
  const units = tagUnits(doc);
  const stats = docStats(tokens, units);
  const out: TrainUnit[] = [];
  const buf: number[] = [];
  for (const unit of units) {
    const ctx = unitContext(tokens, unit, stats);
    const n = unit.last - unit.first;
    const offsets = new Int32Array(n + 1);
    buf.length = 0;
    for (let k = 0; k < n; k++) {
      offsets[k] = buf.length;
      tokenFeatures(ctx, k, buf);
    }
    offsets[n] = buf.length;
    const gold = labels.slice(unit.first, unit.last);
    // an I- label with nothing of its type before it (a span cut by a unit boundary) opens it
    for (let k = 0; k < n; k++) if (isInside(gold[k]!) && (k === 0 || gold[k - 1] === 0)) gold[k] = gold[k]! - 1;
    out.push({ ctx, gold, feats: Int32Array.from(buf), offsets });
  }
  return { units: out, tokens, weight: g.id.startsWith('conll-') ? CONLL_WEIGHT : 1 };
}

/** Averaged perceptron weights, updated lazily (each weight keeps its running sum). */
class Weights {
  readonly w = new Map<number, Float64Array>();
  c = 1;
  row(f: number): Float64Array {
    let r = this.w.get(f);
    if (!r) {
      r = new Float64Array(3 * L);
      this.w.set(f, r);
    }
    return r;
  }
  score(feats: ArrayLike<number>, from: number, to: number, scores: Float64Array): void {
    for (let i = from; i < to; i++) {
      const r = this.w.get(feats[i]!);
      if (!r) continue;
      for (let l = 0; l < L; l++) scores[l]! += r[l]!;
    }
  }
  update(feats: ArrayLike<number>, from: number, to: number, label: number, v: number): void {
    for (let i = from; i < to; i++) {
      const r = this.row(feats[i]!);
      r[L + label]! += (this.c - r[2 * L + label]!) * r[label]!;
      r[2 * L + label] = this.c;
      r[label]! += v;
    }
  }
  averaged(): Map<number, Float64Array> {
    const out = new Map<number, Float64Array>();
    for (const [f, r] of this.w) {
      const a = new Float64Array(L);
      let any = false;
      for (let l = 0; l < L; l++) {
        const total = r[L + l]! + (this.c - r[2 * L + l]!) * r[l]!;
        a[l] = total / this.c;
        if (a[l] !== 0) any = true;
      }
      if (any) out.set(f, a);
    }
    return out;
  }
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * The lower-case words that may continue a name: those found after the first word of gold
 * names at least INNER_MIN times, and the name particles of the lexicon.
 */
function innerWords(docs: readonly TrainDoc[]): Set<number> {
  const counts = new Map<number, number>();
  for (const d of docs)
    for (const u of d.units)
      for (let k = 0; k < u.gold.length; k++) {
        const w = u.ctx.words[k]!;
        if (!isInside(u.gold[k]!) || w.caps !== 0 || !w.letters) continue;
        counts.set(w.lowerH, (counts.get(w.lowerH) ?? 0) + 1);
      }
  const out = new Set<number>();
  for (const [h, n] of counts) if (n >= INNER_MIN) out.add(h);
  for (const p of particles.inside) out.add(hashString(p));
  return out;
}

/** The best label over all labels. */
function freeBest(scores: Float64Array): number {
  let best = 0;
  for (let l = 1; l < scores.length; l++) if (scores[l]! > scores[best]!) best = l;
  return best;
}

function train(docs: readonly TrainDoc[]): Weights {
  const W = new Weights();
  const random = rng(SEED);
  const order = docs.flatMap((d, i) => Array.from({ length: d.weight }, () => i));
  const scores = new Float64Array(L);
  const lf: number[] = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let correct = 0;
    let total = 0;
    const t0 = performance.now();
    for (const d of order) {
      const doc = docs[d]!;
      const memory = new Map<number, number>();
      for (const u of doc.units) {
        let prev = 0;
        let prev2 = 0;
        for (let k = 0; k < u.gold.length; k++) {
          lf.length = 0;
          labelFeatures(u.ctx, k, prev, prev2, memory.get(wordKey(u.ctx, k)) ?? 0, lf);
          scores.fill(0);
          W.score(u.feats, u.offsets[k]!, u.offsets[k + 1]!, scores);
          W.score(lf, 0, lf.length, scores);
          const guess = bestLabel(scores, prev, prev === 0 || mayContinue(u.ctx, k, inner));
          const gold = u.gold[k]!;
          // Without FREE, an I- label is never penalised where it is not allowed, so the
          // rows every token has (bias, shapes) drift towards I- and decoding runs names on.
          const wrong = FREE ? freeBest(scores) : guess;
          if (wrong !== gold) {
            W.update(u.feats, u.offsets[k]!, u.offsets[k + 1]!, gold, 1);
            W.update(u.feats, u.offsets[k]!, u.offsets[k + 1]!, wrong, -1);
            W.update(lf, 0, lf.length, gold, 1);
            W.update(lf, 0, lf.length, wrong, -1);
          }
          if (guess === gold) correct++;
          total++;
          W.c++;
          if (guess !== 0) rememberLabel(memory, u.ctx, k, guess, doc.tokens);
          prev2 = prev;
          prev = guess;
        }
      }
    }
    console.log(`epoch ${epoch + 1}/${EPOCHS}: token accuracy ${(correct / total).toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s, ${W.w.size} features)`);
  }
  return W;
}

/**
 * Each feature's row of label weights is stored as 8-bit values scaled to the row's
 * largest magnitude, and that magnitude as an 8-bit code on a geometric scale (rows run
 * from hundredths to thousands; within a row the error stays under half a percent).
 */
function pack(weights: Map<number, Float64Array>): ModelFile {
  // Adding one constant to all of a feature's label weights never changes which label
  // wins, so each row is centred first.
  const rows: Array<[number, Float64Array, number]> = [];
  // the few rows with large weights (features that fire nearly everywhere) decide by
  // small differences between large numbers: they are kept as 32-bit floats
  const wide: Array<[number, Float64Array]> = [];
  let top = 0;
  for (const [f, a] of weights) {
    let mean = 0;
    for (const v of a) mean += v / a.length;
    let max = 0;
    for (let l = 0; l < a.length; l++) {
      a[l]! -= mean;
      max = Math.max(max, Math.abs(a[l]!));
    }
    if (max < PRUNE) continue;
    if (max > WIDE) wide.push([f, a]);
    else {
      rows.push([f, a, max]);
      top = Math.max(top, max);
    }
  }
  wide.sort((x, y) => x[0] - y[0]);
  rows.sort((x, y) => x[0] - y[0]);
  const low = Math.max(PRUNE, 1e-3);
  const ratio = Math.pow(top / low, 1 / 255);
  const scales = Array.from({ length: 256 }, (_, c) => Number((low * Math.pow(ratio, c)).toPrecision(7)));
  const keys: number[] = [];
  const scaleCodes: number[] = [];
  const q: number[] = [];
  for (const [f, a, max] of rows) {
    let c = Math.max(0, Math.ceil(Math.log(max / low) / Math.log(ratio) - 1e-9));
    while (c < 255 && scales[c]! < max) c++;
    const scale = scales[c]!;
    keys.push(f);
    scaleCodes.push(c);
    for (const v of a) q.push(Math.max(-127, Math.min(127, Math.round((v / scale) * 127))));
  }
  const keyBytes = new Uint8Array(Int32Array.from(keys).buffer);
  const wBytes = new Uint8Array(Int8Array.from(q).buffer);
  const wideKeys = new Uint8Array(Int32Array.from(wide.map((r) => r[0])).buffer);
  const wideWeights = new Uint8Array(Float32Array.from(wide.flatMap((r) => [...r[1]])).buffer);
  console.log(`packed ${keys.length} + ${wide.length} wide of ${weights.size} features (${((keyBytes.length * 1.25 + wBytes.length) / 1e6).toFixed(2)} MB before base64)`);
  return {
    provenance: `Averaged perceptron trained by scripts/train-ner.ts (${EPOCHS} epochs, seed ${SEED}) on CoNLL-2003 English train${RELEASE ? ' and valid' : ''} (×${CONLL_WEIGHT} per epoch)${USE_POLNEAR ? " and PolNeAR train's Stanford CoreNLP entities (silver)" : ''}; weights only, no corpus text.`,
    labels: LABELS,
    scales,
    keys: toBase64(keyBytes),
    rowScales: toBase64(Uint8Array.from(scaleCodes)),
    weights: toBase64(wBytes),
    wideKeys: toBase64(wideKeys),
    wideWeights: toBase64(wideWeights),
    ...(inner ? { inner: toBase64(new Uint8Array(Int32Array.from([...inner].sort((a, b) => a - b)).buffer)) } : {}),
  };
}

function floatScores(w: Map<number, Float64Array>, feats: ArrayLike<number>, scores: Float64Array): void {
  for (let i = 0; i < feats.length; i++) {
    const r = w.get(feats[i]!);
    if (r) for (let l = 0; l < L; l++) scores[l]! += r[l]!;
  }
}

/** Token accuracy on CoNLL valid: a check that packing kept the model's decisions. */
function heldOutAccuracy(model: Scorer): number {
  let right = 0;
  let total = 0;
  for (const g of heldOut) {
    const doc = front.runDoc(g.text, opts);
    const units = tagUnits(doc);
    const spans = tagDocument(doc.tokens, units, docStats(doc.tokens, units), model);
    const sys = new Int8Array(doc.tokens.length);
    for (const s of spans) for (let i = s.first; i < s.last; i++) sys[i] = TYPE_INDEX.get(s.type)!;
    const gold = goldLabels(g, doc.tokens);
    for (let i = 0; i < sys.length; i++) {
      total++;
      if (sys[i] === (gold[i]! + 1) >> 1) right++;
    }
  }
  return right / total;
}

const heldOut = loadConll(join(SHARED_DATA, 'conll2003', 'valid.txt')).slice(0, 60);
const t0 = performance.now();
const gold: GoldDoc[] = loadConll(join(SHARED_DATA, 'conll2003', 'train.txt'));
console.log(`CoNLL-2003 train: ${gold.length} documents`);
if (RELEASE) {
  // valid's ids ("conll-…") keep the gold weight; the held-out accuracy below is then only a packing check
  const valid = loadConll(join(SHARED_DATA, 'conll2003', 'valid.txt'));
  console.log(`CoNLL-2003 valid (release model): ${valid.length} documents`);
  gold.push(...valid);
}
if (USE_POLNEAR) {
  const all = loadPolnear(join(SHARED_DATA, 'polnear', 'train'));
  // an even sample across publishers (the files are sorted by publisher)
  const pn = all.filter((_, i) => Math.floor((i * MAX_POLNEAR) / all.length) !== Math.floor(((i + 1) * MAX_POLNEAR) / all.length) || MAX_POLNEAR >= all.length);
  console.log(`PolNeAR train: ${pn.length} documents`);
  gold.push(...pn);
}
const docs = gold.map(prepare);
console.log(`prepared ${docs.reduce((n, d) => n + d.tokens.length, 0)} tokens in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const inner = USE_INNER ? innerWords(docs) : undefined;
if (inner) console.log(`${inner.size} lower-case words may continue a name`);
const W = train(docs);
const averaged = W.averaged();
const floatAccuracy = heldOutAccuracy({ labels: LABELS, inner, addScores: (feats, scores) => floatScores(averaged, feats, scores) });
const file = pack(averaged);
const packedAccuracy = heldOutAccuracy(new PackedModel(file));
console.log(`CoNLL valid token accuracy: float weights ${floatAccuracy.toFixed(4)}, packed ${packedAccuracy.toFixed(4)}`);
writeFileSync(OUT, `${JSON.stringify(file)}\n`);
console.log(`wrote ${OUT} in ${((performance.now() - t0) / 1000).toFixed(1)} s total`);
