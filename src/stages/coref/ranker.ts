/**
 * The weights the sieve ranks agreeing candidates by: an averaged perceptron over the features
 * of `features.ts`, trained by `npm run train:coref` (scripts/train-coref.ts) on GAP development
 * and written to `ranker.json`, for "he", "she" and their forms; "it" and "they" keep hand weights.
 */
import model from './ranker.json';
import salience from './salience.json';

export type Weights = Readonly<Record<string, number>>;

export const RANKER_WEIGHTS: Weights = model.weights as Record<string, number>;

/** Hand weights for "it" and "they", which GAP does not hold (salience.json). */
export const NEUTER_WEIGHTS: Weights = salience.neuterWeights as Record<string, number>;

export function scoreFeatures(weights: Weights, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += weights[f] ?? 0;
  return s;
}
