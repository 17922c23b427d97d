/**
 * `npm run train:speaker`: trains the learned choice of speaker phrase (an averaged perceptron
 * over the features of src/stages/quotes/speakers/choice.ts) on PolNeAR train, read in place from
 * ../shared/data/polnear, and writes src/stages/quotes/speakers/model.json. PolNeAR dev picks the
 * epoch and is where the script reports the model against the shapes' own choice; no test split
 * is read.
 *
 * Each article goes through the default pipeline; at each attribution with a speaker phrase the
 * quotes stage hands the candidates around its cue to an observer. The gold attribution is the
 * annotator's (the first annotator file of the article) whose Cue overlaps the system cue, else
 * whose Content covers most of the system's pieces; a candidate is gold where its mention's tokens
 * overlap that attribution's Source. Choices with no gold candidate, or whose Source is a
 * relative pronoun ("who": the antecedent is meant), teach nothing. The features do not depend on
 * the weights (they read the entities stage's mentions), so the choices are read once.
 * Reproducible: fixed order, fixed epochs. Options: --epochs N, --out PATH, --limit N.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/index.js';
import { observeSpeakerChoices, ranked, type SpeakerChoice } from '../src/stages/quotes/speakers/choice.js';
import { live, mentionsOf, type Entity, type Mention } from '../src/model/mentions.js';
import { isSpeech, publicationDates, readAnn, type GoldAttribution } from './eval/quotes.js';
import { ROOT, SHARED_DATA } from './eval/paths.js';

const args = process.argv.slice(2);
const argOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const EPOCHS = Number(argOf('--epochs') ?? 10);
const LIMIT = Number(argOf('--limit') ?? Infinity);
const OUT = argOf('--out') ?? join(ROOT, 'src', 'stages', 'quotes', 'speakers', 'model.json');

type Range = readonly [number, number];
type Weights = Record<string, number>;

/** A choice as training reads it: the candidates' features, which are gold, and the shape's own. */
interface Example {
  readonly id: string;
  readonly features: string[][];
  readonly gold: ReadonlySet<number>;
  readonly rule: number;
  readonly texts: string[];
}

const overlap = (a: Range, b: Range): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** The gold attribution an observed choice stands for, or undefined. */
function goldFor(choice: SpeakerChoice, gold: readonly GoldAttribution[]): GoldAttribution | undefined {
  const toks = choice.doc.tokens;
  const cue: Range = [toks[choice.att.cue.first]!.start, toks[choice.att.cue.last - 1]!.end];
  const byCue = gold.find((a) => a.cue.some((c) => overlap(c, cue) > 0));
  if (byCue) return byCue;
  const pieces: Range[] = choice.att.pieces.map((p) => [toks[p.first]!.start, toks[p.last - 1]!.end]);
  const size = pieces.reduce((s, p) => s + p[1] - p[0], 0);
  let best: GoldAttribution | undefined;
  let bestOv = 0;
  for (const a of gold) {
    const ov = pieces.reduce((s, p) => s + a.content.reduce((t, c) => t + overlap(p, c), 0), 0);
    if (ov > bestOv) { bestOv = ov; best = a; }
  }
  return best && bestOv >= 0.5 * size ? best : undefined;
}

function read(split: 'train' | 'dev'): Example[] {
  const dir = join(SHARED_DATA, 'polnear', split);
  const dates = publicationDates();
  // train: the first annotator file of each article; dev: each file, as the eval pools them
  const files = new Map<string, string[]>();
  for (const f of readdirSync(join(dir, 'attributions')).filter((x) => x.endsWith('.ann')).sort()) {
    const id = f.replace(/_[0-9a-f]+\.ann$/, '');
    if (!files.has(id)) files.set(id, [f]);
    else if (split === 'dev') files.get(id)!.push(f);
  }
  const out: Example[] = [];
  for (const [id, annotations] of [...files].slice(0, LIMIT)) {
    const textPath = join(dir, 'text', `${id}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    const choices: SpeakerChoice[] = [];
    // the shapes' own choices are taken, so the document reads as it did before the model
    const stop = observeSpeakerChoices((c) => { choices.push(c); return c.rule; });
    try {
      const published = dates.get(id);
      extract(text, published ? { published } : {});
    } finally {
      stop();
    }
    const byToken = new Map<number, Mention[]>();
    if (choices[0]) for (const m of mentionsOf(choices[0].doc)) for (let t = m.first; t < m.last; t++) byToken.set(t, [...(byToken.get(t) ?? []), m]);
    for (const file of annotations) {
    const gold = readAnn(join(dir, 'attributions', file), text).filter((a) => a.source.length > 0);
    for (const choice of choices) {
      const a = goldFor(choice, gold);
      if (!a) continue;
      // a relative pronoun's Source ("an architect, who said"): the phrase right before it is meant, as the eval reads it
      const relative = /^(who|whom|which|that)$/i.test(a.sourceText.trim()) && a.source.length === 1 ? a.source[0]![0] : -1;
      // dev, which picks the epoch, is scored as the eval scores it: speech only
      if (split === 'dev' && !isSpeech(a)) continue;
      const toks = choice.doc.tokens;
      const goldSet = new Set<number>();
      choice.candidates.forEach((c, i) => {
        const r: Range = [toks[c.head[0]]!.start, toks[c.head[1] - 1]!.end];
        // as the eval credits it: the mention, or a mention of the entity it stands for, overlaps the Source
        const entities = new Set<Entity>();
        // (a pronoun the shape did not take is read by its own words only: the coref stage's reading of it is not the resolver's)
        const pronoun = i !== choice.rule && c.features.some((f) => f.startsWith('kind=pronoun'));
        if (!pronoun) for (let t = c.head[0]; t < c.head[1]; t++) for (const m of byToken.get(t) ?? []) if (m.entity) entities.add(live(m.entity));
        const spans: Range[] = [r, ...[...entities].flatMap((e) => e.mentions.map((m): Range => [toks[m.first]!.start, toks[m.last - 1]!.end]))];
        if (relative >= 0 ? r[1] <= relative && /^[\s,]*$/.test(text.slice(r[1], relative)) : a.source.some((s) => spans.some((x) => overlap(s, x) > 0))) goldSet.add(i);
      });
      if (goldSet.size === 0) continue;
      out.push({
        id,
        features: choice.candidates.map((c) => c.features),
        gold: goldSet,
        rule: choice.rule,
        texts: choice.candidates.map((c) => text.slice(toks[c.span[0]]!.start, toks[c.span[1] - 1]!.end)),
      });
    }
    }
  }
  return out;
}

const pick = (weights: Weights, ex: Example, margin = 0): number => ranked(weights, { candidates: ex.features.map((features) => ({ span: [0, 0], head: [0, 0], features })), rule: ex.rule }, margin);

/** The margins the dev split chooses among. */
const MARGINS = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8];

interface Score { accuracy: number; ruleAccuracy: number; overrides: number; overridesRight: number; overridesRuleRight: number }

function score(examples: readonly Example[], weights: Weights, margin = 0): Score {
  let right = 0;
  let ruleRight = 0;
  let overrides = 0;
  let overridesRight = 0;
  let overridesRuleRight = 0;
  for (const ex of examples) {
    const p = pick(weights, ex, margin);
    if (ex.gold.has(p)) right++;
    if (ex.gold.has(ex.rule)) ruleRight++;
    if (p !== ex.rule) {
      overrides++;
      if (ex.gold.has(p)) overridesRight++;
      if (ex.gold.has(ex.rule)) overridesRuleRight++;
    }
  }
  const n = Math.max(1, examples.length);
  return { accuracy: right / n, ruleAccuracy: ruleRight / n, overrides, overridesRight, overridesRuleRight };
}

/** Averaged perceptron over the candidates of each choice: `w` the current weights, `u` the step-weighted sum of updates. */
function train(examples: readonly Example[], dev: readonly Example[]): { weights: Weights; epoch: number; margin: number } {
  const w: Weights = {};
  const u: Weights = {};
  let step = 1;
  let best: { weights: Weights; accuracy: number; epoch: number; margin: number } | undefined;
  const averaged = (): Weights => {
    const out: Weights = {};
    for (const [k, v] of Object.entries(w)) {
      const a = v - (u[k] ?? 0) / step;
      if (Math.abs(a) >= 0.005) out[k] = Math.round(a * 100) / 100;
    }
    return out;
  };
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    let mistakes = 0;
    for (const ex of examples) {
      const p = pick(w, ex);
      if (!ex.gold.has(p)) {
        mistakes++;
        // the gold candidate the current weights like best
        let g = -1;
        let gs = -Infinity;
        for (const i of ex.gold) {
          const s = ex.features[i]!.reduce((t, f) => t + (w[f] ?? 0), 0);
          if (s > gs) { gs = s; g = i; }
        }
        for (const f of ex.features[g]!) { w[f] = (w[f] ?? 0) + 1; u[f] = (u[f] ?? 0) + step; }
        for (const f of ex.features[p]!) { w[f] = (w[f] ?? 0) - 1; u[f] = (u[f] ?? 0) - step; }
      }
      step++;
    }
    const weights = averaged();
    const tr = score(examples, weights);
    for (const margin of MARGINS) {
      const d = score(dev, weights, margin);
      console.log(`epoch ${epoch} margin ${margin}: ${mistakes} mistakes; train ${tr.accuracy.toFixed(4)} (shapes ${tr.ruleAccuracy.toFixed(4)}); dev ${d.accuracy.toFixed(4)} (shapes ${d.ruleAccuracy.toFixed(4)}), ${d.overrides} overrides, ${d.overridesRight} right, ${d.overridesRuleRight} where the shape was right`);
      if (!best || d.accuracy > best.accuracy) best = { weights, accuracy: d.accuracy, epoch, margin };
    }
  }
  console.log(`kept epoch ${best!.epoch}, margin ${best!.margin} (dev ${best!.accuracy.toFixed(4)})`);
  return best!;
}

const t0 = performance.now();
const trainSet = read('train');
const devSet = read('dev');
console.log(`read ${trainSet.length} train and ${devSet.length} dev choices with a gold candidate (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const { weights, epoch, margin } = train(trainSet, devSet);
const final = score(devSet, weights, margin);
if (args.includes('--show')) {
  for (const ex of devSet) {
    const p = pick(weights, ex, margin);
    if (p !== ex.rule) console.log(`  ${ex.gold.has(p) ? 'RIGHT' : 'WRONG'} ${ex.id}: shape [${ex.texts[ex.rule]}]${ex.gold.has(ex.rule) ? '+' : '-'} → model [${ex.texts[p]}]`);
  }
}
const sorted = Object.fromEntries(Object.entries(weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(OUT, `${JSON.stringify({
  provenance: 'Written by `npm run train:speaker` (scripts/train-speaker.ts): an averaged perceptron over the features of choice.ts, trained on PolNeAR train (Newell, Margolin, Ruths, LREC 2018; ../shared/data/polnear/train, the first annotator file of each article), the epoch chosen on PolNeAR dev; no test split is read.',
  epochs: EPOCHS,
  epoch,
  margin,
  dev: { choices: devSet.length, accuracy: Number(final.accuracy.toFixed(4)), shapes: Number(final.ruleAccuracy.toFixed(4)), overrides: final.overrides, overridesRight: final.overridesRight },
  weights: sorted,
}, null, 2)}\n`);
console.log(`wrote ${Object.keys(sorted).length} weights to ${OUT}`);
