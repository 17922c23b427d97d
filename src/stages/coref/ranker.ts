/**
 * The weights the sieve ranks agreeing candidates by: an averaged perceptron over the features
 * of `features.ts`, trained by `npm run train:coref` (scripts/train-coref.ts) on GAP development
 * and written to `ranker.json`.
 */
import model from './ranker.json';

export type Weights = Readonly<Record<string, number>>;

export const RANKER_WEIGHTS: Weights = model.weights as Record<string, number>;

export function scoreFeatures(weights: Weights, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += weights[f] ?? 0;
  return s;
}
