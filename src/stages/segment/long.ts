import type { Token } from '../../text/tokenize.js';

/**
 * The most tokens one sentence may hold. News sentences run to 60 or 80 tokens and
 * rarely past 150; a longer run (text with no punctuation, a table flattened into one
 * line) is cut so that per-sentence work in later stages stays bounded.
 */
export const MAX_SENTENCE_TOKENS = 250;
/** Where a cut is looked for: the last clause break in this many tokens before the limit. */
const LOOK_BACK = 100;
const CLAUSE_BREAKS = new Set([',', ';', ':', '-', '--', '\u2013', '\u2014']);

/**
 * Splits an over-long sentence `[first, last]` (inclusive end) into pieces of at most
 * `MAX_SENTENCE_TOKENS` tokens, each ending at a clause break where there is one.
 * Returns the inclusive end token of each piece.
 */
export function splitLongSentence(tokens: readonly Token[], first: number, last: number): number[] {
  const ends: number[] = [];
  let start = first;
  while (last - start + 1 > MAX_SENTENCE_TOKENS) {
    const limit = start + MAX_SENTENCE_TOKENS - 1;
    let cut = limit;
    for (let k = limit; k > limit - LOOK_BACK && k > start; k--) {
      if (CLAUSE_BREAKS.has(tokens[k]!.text)) {
        cut = k;
        break;
      }
    }
    ends.push(cut);
    start = cut + 1;
  }
  ends.push(last);
  return ends;
}
