import { relativeBeforeSpeaker } from '../after.js';
import { ownedClause, piece } from '../content.js';
import { clauseStarts, subjectOf, validSpeaker } from '../grammar.js';
import { lower } from '../phrases.js';
import type { CueShape } from '../shape.js';
import type { FindContext, Piece } from '../types.js';
import { onSite } from './cue-site.js';
import { frontedAdverbialEnd } from '../fronted.js';
import { unspokenCue } from '../unspoken.js';
import { compileTrigger } from '../trigger.js';

/**
 * Content after the cue: "X said (that) …", "X told reporters …", "X said: "…"", "…, saying …",
 * with the clause around a sandwiched attribution ("If …, Mr. Finlayson argued, they would …")
 * and both halves of a split quotation whose second half the cue introduces.
 */
export const leadingCue: CueShape = {
  id: 'leading-cue',
  level: 'cue',
  trigger: compileTrigger('@cue'),
  reads: 'NP CUE (that)? CLAUSE | NP CUE ":" QUOTE | "," CUE-ing CLAUSE',
  examples: [
    { text: 'Smith said the plan had failed.', quotes: [['the plan had failed', 'Smith', 'said']] },
    { text: 'The minister told reporters that prices would rise.', quotes: [['prices would rise', 'The minister', 'told reporters']] },
    { text: 'If the river rose, the mayor argued, the town would flood.', quotes: [['If the river rose', 'the mayor', 'argued'], ['the town would flood', 'the mayor', 'argued']] },
  ],
  counterExamples: ['The plan was said to have failed.', 'In 2012, the committee said nothing.'],
  find: onSite((site) => {
    const { ctx, si, cs, cue, zoneStart, nested, prior, j, left, relative, boundary, participle, after, closesQuote, before, beforeSays } = site;
    const toks = ctx.doc.tokens;
    // "officers never have occasion to say "…"": words no one said
    if (unspokenCue(ctx, cue.first, cs)) return null;
    if (after && (nested || participle || !beforeSays || (after.explicit && !after.weak) || (!closesQuote && !after.weak))) {
    let speaker = left;
    if (!speaker && participle && prior) speaker = [prior[0], prior[1]];
    if (!speaker && (participle || (j >= zoneStart && toks[j]!.text === ','))) speaker = subjectOf(ctx, cs, cue.first);
    // "After saying her foot was "so swollen …," she was …": a participle in a fronted adverbial speaks for the main clause's subject
    if (!speaker && participle) {
      const end = frontedAdverbialEnd(ctx, cs, cue.first, after.piece);
      if (end >= 0) speaker = subjectOf(ctx, toks[end]!.text === ',' ? end + 1 : end, site.s.last);
    }
    if (!speaker || !validSpeaker(ctx, speaker)) return null;
    let p: Piece | undefined = after.piece;
    if (relative) {
      let m = p.first;
      while (m < p.last && !(toks[m]!.text === ',' && ctx.marks.stretchOf[m] === -1)) m++;
      p = piece(ctx, p.first, m);
    }
    // ("Trump's claim that the vote was rigged was false": the owner's words end before the sentence's predicate)
    if (p && lower(toks[p.first - 1]) === 'that') p = ownedClause(ctx, cs, speaker, cue.first, p);
    if (!p) return null;
    // "In a statement announcing the pick, the union called …": a cue in a fronted adverbial reports up to its comma, and only a clause
    const opening = frontedAdverbialEnd(ctx, cs, cue.first, p);
    if (opening >= 0) {
      // ("While Trump has admitted using the tax code, he …": a gerund's clause is content too)
      if (opening <= p.first || !(clauseStarts(ctx, p.first, opening) || (toks[p.first]!.pos === 'VERB' && /ing$/.test(lower(toks[p.first]))))) return null;
      p = piece(ctx, p.first, opening);
      if (!p) return null;
    }
    // "If British Columbia went alone, Mr. Finlayson argued, they would lose markets": the clause around the attribution
    // (but "the stadium, which, Tompkins said, is full …": the relative clause's predicate alone)
    const sandwiched = before !== undefined && before.form === 'indirect' && left !== undefined && toks[boundary]?.text === ',' && (toks[p.first - 1]?.text === ',' || (lower(toks[p.first - 1]) === 'that' && toks[p.first - 2]?.text === ',')) && !relative && relativeBeforeSpeaker(ctx, cue.first, cs) < 0;
    // '"I have put forth a vision," Mr. Bush said, "because …"': both halves of a split quotation
    const split = before !== undefined && before.form === 'direct' && closesQuote && p.form === 'direct' && !nested && !participle;
    return { pieces: sandwiched ? [lastClauseOf(ctx, before), p] : split ? [before, p] : [p], cue: after.cue, speaker, nested, sentence: si };
    }
    return undefined;
  }),
};

/**
 * The last clause of content written before an attribution: "China had resisted such
 * agreements, but [the air pollution had become so bad], Mr. Obama noted, that …".
 */
function lastClauseOf(ctx: FindContext, p: Piece): Piece {
  const toks = ctx.doc.tokens;
  for (let m = p.last - 2; m > p.first; m--) {
    if (ctx.marks.stretchOf[m] !== -1) break;
    if (toks[m]!.text === ',' && /^(but|and|yet|so)$/.test(lower(toks[m + 1])) && clauseStarts(ctx, m + 2, p.last)) return { ...p, first: m + 2 };
  }
  return p;
}
