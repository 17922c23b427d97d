import type { Token } from '../../text/tokenize.js';
import { contextFeatures, labelOnlyFeatures, labelWordFeatures, ownFeatures, unitContext, wordKey, type DocStats, type TagUnit, type UnitContext, type WordFeatures } from './features.js';
import type { Scorer } from './model.js';

/**
 * BIO labels over four CoNLL types. MISC is learnt (it sharpens the boundaries of the
 * others) but never output.
 */
export const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/** Type index 1..4 of a label, 0 for O. */
export const typeOfLabel = (label: number): number => (label + 1) >> 1;
export const isInside = (label: number): boolean => label > 0 && label % 2 === 0;

/** Whether `label` may follow `prev` (an I- only continues its own type). */
export function allowed(prev: number, label: number): boolean {
  return !isInside(label) || (prev !== 0 && typeOfLabel(prev) === typeOfLabel(label));
}

/**
 * Best allowed label for the scores. `insideOk` false bars every I- label: a word that may
 * not continue a name (see `mayContinue`).
 */
export function bestLabel(scores: Float64Array, prev: number, insideOk = true): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let l = 0; l < scores.length; l++) {
    if (!allowed(prev, l) || (!insideOk && isInside(l))) continue;
    if (scores[l]! > bestScore) {
      bestScore = scores[l]!;
      best = l;
    }
  }
  return best;
}

/**
 * Remembers the type a capitalised word was last tagged with in the document, a feature
 * for its later occurrences (a name in a headline is a name further down too).
 */
export function rememberLabel(memory: Map<number, number>, ctx: UnitContext, k: number, label: number, tokens: readonly Token[]): void {
  const t = tokens[ctx.unit.first + k]!;
  const c = t.text.charCodeAt(0);
  if (!(c >= 65 && c <= 90)) return;
  memory.set(wordKey(ctx, k), typeOfLabel(label));
}

/**
 * Whether the word at `k` may continue a name. A word in lower case continues one only if
 * it is a known inner word (`model.inner`: "of", "de", "for", "and", the lower-case words
 * found inside training names): without this bar the I- rows' bias lets any lower-case
 * word run a name on ("Manchester United out of the Cup").
 */
export function mayContinue(ctx: UnitContext, k: number, inner: ReadonlySet<number> | undefined): boolean {
  if (!inner) return true;
  const w = ctx.words[k]!;
  return w.caps !== 0 || !w.letters || inner.has(w.lowerH);
}

/** A typed token range found by the tagger. */
export interface TaggedSpan {
  readonly type: EntityType;
  readonly first: number;
  readonly last: number;
}

/**
 * Sums of weights that do not change from token to token: a word's own features, and
 * the label-only features, cached per model (words repeat: most tokens hit the cache).
 */
interface ScoreCache {
  readonly own: Map<WordFeatures, Float64Array>;
  readonly labels: Map<number, Float64Array>;
}
const caches = new WeakMap<Scorer, ScoreCache>();
const CACHE_LIMIT = 100_000;

function cacheOf(model: Scorer): ScoreCache {
  let c = caches.get(model);
  if (!c) {
    c = { own: new Map(), labels: new Map() };
    caches.set(model, c);
  }
  return c;
}

function ownScores(model: Scorer, cache: ScoreCache, w: WordFeatures): Float64Array {
  let v = cache.own.get(w);
  if (!v) {
    v = new Float64Array(model.labels.length);
    model.addScores(w.own, v);
    if (cache.own.size >= CACHE_LIMIT) cache.own.clear();
    cache.own.set(w, v);
  }
  return v;
}

const labelFeats: number[] = [];
function labelScores(model: Scorer, cache: ScoreCache, prev: number, prev2: number, docLabel: number): Float64Array {
  const key = (prev * 16 + prev2) * 16 + docLabel;
  let v = cache.labels.get(key);
  if (!v) {
    v = new Float64Array(model.labels.length);
    labelFeats.length = 0;
    labelOnlyFeatures(prev, prev2, docLabel, labelFeats);
    model.addScores(labelFeats, v);
    cache.labels.set(key, v);
  }
  return v;
}

/** Tags the units of a document left to right and returns the entity spans. */
export function tagDocument(tokens: readonly Token[], units: readonly TagUnit[], stats: DocStats, model: Scorer): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  const memory = new Map<number, number>();
  const feats: number[] = [];
  const L = model.labels.length;
  const scores = new Float64Array(L);
  const cache = cacheOf(model);
  for (const unit of units) {
    const ctx = unitContext(tokens, unit, stats);
    let prev = 0;
    let prev2 = 0;
    let open = -1;
    let openType = 0;
    const n = unit.last - unit.first;
    for (let k = 0; k < n; k++) {
      const word = ownFeatures(ctx, k);
      // Outside a name, a word with no capital letter starts none: the tagger gives such
      // words O all but never, and skipping them keeps most tokens to one table look-up.
      if (prev === 0 && word.caps === 0 && !ctx.capsUnit) {
        prev2 = prev;
        continue;
      }
      feats.length = 0;
      contextFeatures(ctx, k, feats);
      labelWordFeatures(ctx, k, prev, feats);
      const own = ownScores(model, cache, word);
      const fixed = labelScores(model, cache, prev, prev2, memory.get(wordKey(ctx, k)) ?? 0);
      for (let l = 0; l < L; l++) scores[l] = own[l]! + fixed[l]!;
      model.addScores(feats, scores);
      let label = bestLabel(scores, prev, prev === 0 || mayContinue(ctx, k, model.inner));
      // a name right after a name of the same type, with nothing between, continues it
      // ("Wade" "Hollingbrook", "Mexico" "City"): news all but never sets two such names side by side
      if (label !== 0 && !isInside(label) && prev !== 0 && typeOfLabel(prev) === typeOfLabel(label)) label++;
      if (label !== 0) rememberLabel(memory, ctx, k, label, tokens);
      if (open >= 0 && !isInside(label)) {
        spans.push({ type: ENTITY_TYPES[openType - 1]!, first: unit.first + open, last: unit.first + k });
        open = -1;
      }
      if (label !== 0 && !isInside(label)) {
        open = k;
        openType = typeOfLabel(label);
      }
      prev2 = prev;
      prev = label;
    }
    if (open >= 0) spans.push({ type: ENTITY_TYPES[openType - 1]!, first: unit.first + open, last: unit.last });
  }
  return spans;
}
