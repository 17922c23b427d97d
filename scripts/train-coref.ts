/**
 * `npm run train:coref`: trains the pronoun sieve's ranker (an averaged perceptron over the
 * features of src/stages/coref/features.ts) on GAP development, read in place from
 * ../shared/data/gap, and writes src/stages/coref/ranker.json. GAP validation picks the epoch
 * (the best F1 among those whose bias F/M lies between 0.96 and 1.04) and is what
 * `npm run eval -- --only gap` reports; GAP test is never read.
 *
 * Each paragraph goes through the default pipeline without the coref stage, so training sees
 * the mentions and entities the stage sees at run time. At the example's pronoun the gold
 * option is the entity of the name GAP marks TRUE (examples whose referent is neither name, or
 * whose name the pipeline did not find as a person, teach nothing); the chain then follows the
 * gold choice. Features seen in fewer than --min-count options (10) are left out, and --runs (5)
 * perceptrons, each over its own fixed shuffle of development, are averaged epoch by epoch (one
 * order alone swings validation by ±0.02). Reproducible: fixed orders, fixed epochs. Options:
 * --epochs N, --min-count N, --runs N, --out PATH.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDefaultPipeline } from '../src/default-pipeline.js';
import type { Doc } from '../src/pipeline/doc.js';
import { resolveOptions } from '../src/pipeline/options.js';
import { live, mentionsOf, type Entity } from '../src/model/mentions.js';
import { resolveDocPronouns } from '../src/stages/coref/index.js';
import { f1, isFeminine, readGapRows, type Counts, type GapRow } from './eval/gap.js';
import { ROOT, SHARED_DATA } from './eval/paths.js';

const args = process.argv.slice(2);
const argOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const EPOCHS = Number(argOf('--epochs') ?? 12);
const MIN_COUNT = Number(argOf('--min-count') ?? 10);
const RUNS = Number(argOf('--runs') ?? 5);
const OUT = argOf('--out') ?? join(ROOT, 'src', 'stages', 'coref', 'ranker.json');

interface Example {
  readonly row: GapRow;
  readonly doc: Doc;
  /** Token index of the pronoun. */
  readonly token: number;
  /** The entity of each GAP name (undefined: not found as a person). */
  readonly names: ReadonlyArray<Entity | undefined>;
  readonly gold: Entity | undefined;
}

const pipeline = getDefaultPipeline().edit({ drop: ['coref'] });

function prepare(file: string): Example[] {
  const out: Example[] = [];
  for (const row of readGapRows(file)) {
    const doc = pipeline.runDoc(row.text, resolveOptions({}));
    const token = doc.tokens.findIndex((t) => t.start === row.pronounOffset);
    if (token < 0) continue;
    const names = row.names.map(({ name, offset }) => {
      const m = mentionsOf(doc).find((x) => x.type === 'person' && x.entity && x.start < offset + name.length && x.end > offset);
      return m?.entity ? live(m.entity) : undefined;
    });
    const goldIndex = row.names.findIndex((n) => n.gold);
    out.push({ row, doc, token, names, gold: goldIndex >= 0 ? names[goldIndex] : undefined });
  }
  return out;
}

type Weights = Record<string, number>;

/** The entity the sieve gives the example's pronoun under `weights` (an existing mention keeps its own). */
function predict(ex: Example, weights: Weights): Entity | undefined {
  const existing = mentionsOf(ex.doc).find((m) => m.form === 'pronoun' && m.first === ex.token);
  if (existing) return existing.entity ? live(existing.entity) : undefined;
  return resolveDocPronouns(ex.doc, { weights }).find((r) => r.pronoun.token === ex.token)?.entity;
}

function score(examples: readonly Example[], weights: Weights): { overall: number; masculine: number; feminine: number } {
  const m: Counts = { tp: 0, fp: 0, fn: 0 };
  const f: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const ex of examples) {
    const target = predict(ex, weights);
    const counts = isFeminine(ex.row.pronoun) ? f : m;
    ex.row.names.forEach((n, i) => {
      const predicted = target !== undefined && ex.names[i] === target;
      if (predicted && n.gold) counts.tp++;
      else if (predicted) counts.fp++;
      else if (n.gold) counts.fn++;
    });
  }
  return { overall: f1({ tp: m.tp + f.tp, fp: m.fp + f.fp, fn: m.fn + f.fn }), masculine: f1(m), feminine: f1(f) };
}

/** A fixed shuffle of `items` (a linear congruential generator seeded by `seed`): each run sees its own order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The features seen in at least MIN_COUNT options of the training pronouns (the rarer ones would learn one paragraph). */
function frequentFeatures(examples: readonly Example[]): (f: string) => boolean {
  const counts = new Map<string, number>();
  for (const ex of examples) {
    resolveDocPronouns(ex.doc, {
      weights: {},
      observe: (choice) => {
        if (choice.pronoun.token === ex.token) for (const o of choice.options) for (const f of o.features) counts.set(f, (counts.get(f) ?? 0) + 1);
        return undefined;
      },
    });
  }
  return (f) => (counts.get(f) ?? 0) >= MIN_COUNT;
}

/**
 * One averaged perceptron over `examples` in the given order (`w` the current weights, `u` the
 * step-weighted sum of updates): its averaged weights after each epoch.
 */
function perceptron(examples: readonly Example[], kept: (f: string) => boolean): Weights[] {
  const w: Weights = {};
  const u: Weights = {};
  let step = 1;
  const averaged = (): Weights => {
    const out: Weights = {};
    for (const [k, v] of Object.entries(w)) out[k] = v - (u[k] ?? 0) / step;
    return out;
  };
  const epochs: Weights[] = [];
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (const ex of examples) {
      if (!ex.gold) continue;
      resolveDocPronouns(ex.doc, {
        weights: w,
        observe: (choice, ranked) => {
          if (choice.pronoun.token !== ex.token) return undefined;
          const gold = choice.options.findIndex((o) => o.facts.candidate.entity === ex.gold);
          if (gold < 0) return undefined;
          if (gold !== ranked) {
            for (const f of choice.options[gold]!.features.filter(kept)) { w[f] = (w[f] ?? 0) + 1; u[f] = (u[f] ?? 0) + step; }
            for (const f of choice.options[ranked]!.features.filter(kept)) { w[f] = (w[f] ?? 0) - 1; u[f] = (u[f] ?? 0) - step; }
          }
          return gold;
        },
      });
      step++;
    }
    epochs.push(averaged());
  }
  return epochs;
}

/** The mean of several runs' weights, rounded. */
function mean(runs: readonly Weights[]): Weights {
  const sum: Weights = {};
  for (const r of runs) for (const [k, v] of Object.entries(r)) sum[k] = (sum[k] ?? 0) + v / runs.length;
  const out: Weights = {};
  for (const [k, v] of Object.entries(sum)) if (Math.abs(v) > 1e-3) out[k] = Math.round(v * 1000) / 1000;
  return out;
}

/**
 * RUNS perceptrons, each over its own shuffle of development, averaged epoch by epoch (the mean of
 * several orders varies less than one order's weights); validation picks the epoch.
 */
function train(examples: readonly Example[], valid: readonly Example[]): Weights {
  const kept = frequentFeatures(examples);
  const runs = Array.from({ length: RUNS }, (_, r) => perceptron(r === 0 ? examples : shuffled(examples, r), kept));
  let best: { weights: Weights; f1: number; epoch: number; balanced: boolean } | undefined;
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    const weights = mean(runs.map((r) => r[epoch - 1]!));
    const dev = score(examples, weights);
    const val = score(valid, weights);
    console.log(`epoch ${epoch}: development F1 ${dev.overall.toFixed(3)}; validation F1 ${val.overall.toFixed(3)} (M ${val.masculine.toFixed(3)}, F ${val.feminine.toFixed(3)})`);
    // the issue's target: the bias F/M between 0.95 and 1.05 (held here at 0.96–1.04, a margin for the
    // graph-level scoring of `npm run eval`); of the epochs that meet it, the best F1
    const balanced = val.masculine > 0 && Math.abs(val.feminine / val.masculine - 1) <= 0.04;
    if (!best || (balanced && !best.balanced) || (balanced === best.balanced && val.overall > best.f1)) best = { weights, f1: val.overall, epoch, balanced };
  }
  console.log(`kept epoch ${best!.epoch} (validation F1 ${best!.f1.toFixed(3)}${best!.balanced ? '' : ', bias outside 0.96–1.04'})`);
  return best!.weights;
}

const root = join(SHARED_DATA, 'gap');
const t0 = performance.now();
const dev = prepare(join(root, 'gap-development.tsv'));
const valid = prepare(join(root, 'gap-validation.tsv'));
console.log(`read ${dev.length} development and ${valid.length} validation examples (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const weights = train(dev, valid);
const sorted = Object.fromEntries(Object.entries(weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(OUT, `${JSON.stringify({
  provenance: 'Written by `npm run train:coref` (scripts/train-coref.ts): an averaged perceptron over the features of features.ts, trained on GAP development (Webster et al. 2018, ../shared/data/gap), the mean of `runs` perceptrons over shuffles of it, the epoch chosen on GAP validation; GAP test is never read.',
  epochs: EPOCHS,
  runs: RUNS,
  minCount: MIN_COUNT,
  weights: sorted,
}, null, 2)}\n`);
console.log(`wrote ${Object.keys(sorted).length} weights to ${OUT}`);
