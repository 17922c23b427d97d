import type { Token } from '../../text/tokenize.js';
import { labelFeatures, tokenFeatures, unitContext, wordKey, type DocStats, type TagUnit, type UnitContext } from './features.js';
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

/** Best allowed label for the scores. */
export function bestLabel(scores: Float64Array, prev: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let l = 0; l < scores.length; l++) {
    if (!allowed(prev, l)) continue;
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

/** A typed token range found by the tagger. */
export interface TaggedSpan {
  readonly type: EntityType;
  readonly first: number;
  readonly last: number;
}

/** Tags the units of a document left to right and returns the entity spans. */
export function tagDocument(tokens: readonly Token[], units: readonly TagUnit[], stats: DocStats, model: Scorer): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  const memory = new Map<number, number>();
  const feats: number[] = [];
  const scores = new Float64Array(model.labels.length);
  for (const unit of units) {
    const ctx = unitContext(tokens, unit, stats);
    let prev = 0;
    let prev2 = 0;
    let open = -1;
    let openType = 0;
    const n = unit.last - unit.first;
    for (let k = 0; k < n; k++) {
      feats.length = 0;
      tokenFeatures(ctx, k, feats);
      labelFeatures(ctx, k, prev, prev2, memory.get(wordKey(ctx, k)) ?? 0, feats);
      scores.fill(0);
      model.addScores(feats, scores);
      const label = bestLabel(scores, prev);
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
