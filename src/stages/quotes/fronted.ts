import adverbialOpeners from '../../lexicon/adverbial-openers.json';
import { lower } from './phrases.js';
import type { FindContext, Piece } from './types.js';

// A cue inside a fronted adverbial ("In a statement announcing the pick, the union called
// Clinton a champion"; "before city officials had weighed in with any explanation, Trump
// said …") reports at most up to the comma that closes the opening: the clause after that
// comma is the sentence's own, with its own subject and verb.

const OPENERS: ReadonlySet<string> = new Set(adverbialOpeners.openers);

/**
 * Where the fronted adverbial holding the cue at `cueFirst` ends (exclusive): the first comma
 * after the cue (inside `p`, or before it), or just past a quotation that ends with one; -1
 * where the cue is not in one. The cue's segment runs back to the previous comma (or the
 * clause start `cs`); it is an opening when its first word (past "but", "and") is a
 * preposition or subordinator of `adverbial-openers.json`.
 */
export function frontedAdverbialEnd(ctx: FindContext, cs: number, cueFirst: number, p: Piece): number {
  const toks = ctx.doc.tokens;
  if (p.form === 'direct') return -1;
  let seg = cueFirst - 1;
  while (seg >= cs && !(toks[seg]!.text === ',' && ctx.marks.stretchOf[seg] === -1)) seg--;
  seg++;
  if (/^(but|and|yet|or)$/.test(lower(toks[seg]))) seg++;
  if (seg >= cueFirst || !OPENERS.has(lower(toks[seg]))) return -1;
  // (the first comma after the cue: before the content where adverbials were skipped, "posted Friday, Cruz said …")
  for (let m = cueFirst + 1; m < p.last; m++) {
    const st = ctx.marks.stretchOf[m]!;
    if (st !== -1) {
      // ('When they say "any funded need," they mean it': a quotation whose comma closes the opening)
      const close = ctx.marks.stretches[st]!.close;
      if (close < 0) return -1;
      if (toks[close - 1]?.text === ',' && close + 1 < p.last) return close + 1;
      m = close;
      continue;
    }
    if (toks[m]!.text === ',') return m;
  }
  return -1;
}
