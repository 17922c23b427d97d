import type { Sentence } from '../../../pipeline/doc.js';
import { contentEnd, cutTail, ownedClause, piece, stretchAt } from '../content.js';
import { clauseStarts, isComplementizer, validSpeaker } from '../grammar.js';
import { cueHas } from '../lexicon.js';
import { lower, nounPhraseEndingAt, skipLeftAdverbials } from '../phrases.js';
import type { Attribution, FindContext } from '../types.js';
import type { SentenceShape } from '../shape.js';
import { compileTrigger } from '../trigger.js';

// Attributions carried by nouns of saying ("Trump's claim that …", "a pledge to …").

/**
 * "Trump's false claims that he's an advocate for working people", "his warning that Britain
 * would …", "a pledge to cut taxes": a noun of saying with its reported clause. The speaker
 * is the possessor ("Trump's", "his") or the maker ("He issued a statement that …"); without one a
 * "that" clause is no quote and an infinitive keeps its cue only.
 */
export function nounCues(ctx: FindContext, s: Sentence, si: number, cs: number): Attribution[] {
  const toks = ctx.doc.tokens;
  const out: Attribution[] = [];
  for (let k = cs; k < s.last - 2; k++) {
    const lemma = ctx.lex.nouns.get(lower(toks[k]));
    if (!lemma || ctx.marks.stretchOf[k] !== -1 || toks[k]!.pos === 'VERB') continue;
    const that = isComplementizer(toks, k + 1) && lower(toks[k + 1]) === 'that';
    const infinitive = !that && cueHas(ctx.lex, lemma, 'infinitive') && lower(toks[k + 1]) === 'to' && toks[k + 2]?.pos === 'VERB';
    if (!that && !infinitive) continue;
    const start = that ? k + 2 : k + 1;
    // (a relative "that": "the statement that was released" is no reported clause)
    if (that && !clauseStarts(ctx, start, s.last) && stretchAt(ctx, start)?.open !== start) continue;
    const read = piece(ctx, start, cutTail(ctx, start, contentEnd(ctx, s, start)), that);
    if (!read) continue;
    // ("The claim that the vote was rigged was false": a claim no one in the text made is not a quote;
    // "a pledge to cut emissions" keeps its cue only)
    const speaker = possessorOf(ctx, k, cs) ?? makerOf(ctx, k, cs);
    if (!speaker && that) continue;
    // ("His claim that the vote was rigged was false": the owner's words end before the sentence's predicate)
    const p = that ? ownedClause(ctx, cs, speaker, k, read) : read;
    if (!p) continue;
    out.push({ pieces: [p], cue: { first: k, last: k + 1, lemma, kind: 'clause' }, speaker, nested: false, sentence: si });
    k = p.last - 1;
  }
  return out;
}

/** Who made a statement, a pledge: the subject of the verb right before "a/an/the" and the noun ("He issued a statement that …"). */
function makerOf(ctx: FindContext, k: number, cs: number): [number, number] | undefined {
  const toks = ctx.doc.tokens;
  let m = k - 1;
  while (m > cs && (toks[m]!.pos === 'ADJ' || toks[m]!.pos === 'ADV') && k - m < 4) m--;
  if (!/^(a|an|the)$/.test(lower(toks[m]))) return undefined;
  let v = m - 1;
  if (toks[v]?.pos === 'ADP' || toks[v]?.pos === 'PART') v--; // "put out a statement"
  // ("He said the claim that …": what is said of a claim does not make it)
  if (toks[v]?.pos !== 'VERB' || v < cs || ctx.lex.verbs.get(lower(toks[v]))?.lemma === 'say') return undefined;
  const np = nounPhraseEndingAt(toks, skipLeftAdverbials(toks, v - 1, cs), cs);
  return np && validSpeaker(ctx, np) ? np : undefined;
}

/** Who owns a noun of saying: "Trump's (false) claim" → Trump, "his warning" → his; else undefined. */
function possessorOf(ctx: FindContext, k: number, lo: number): [number, number] | undefined {
  const toks = ctx.doc.tokens;
  let m = k - 1;
  while (m > lo && (toks[m]!.pos === 'ADJ' || toks[m]!.pos === 'ADV' || (toks[m]!.pos === 'VERB' && /(ed|en)$/.test(lower(toks[m])))) && k - m < 4) m--;
  const t = toks[m];
  if (!t || m < lo) return undefined;
  if (/^(his|her|their|its)$/.test(lower(t))) return [m, m + 1];
  if (t.text === "'s" || t.text === "'") {
    const np = nounPhraseEndingAt(toks, m - 1, lo);
    return np && validSpeaker(ctx, np) ? np : undefined;
  }
  return undefined;
}

/** "Trump's claim that …", "his warning that …", "a pledge to cut taxes": a noun of saying with its reported clause. */
export const nounOfSaying: SentenceShape = {
  id: 'noun-of-saying',
  level: 'sentence',
  trigger: compileTrigger('@noun-of-saying (that|to)'),
  reads: "(POSSESSOR | VERB a|an|the) NOUN-OF-SAYING (that CLAUSE | to VERB …)",
  examples: [
    { text: 'The mayor renewed her warning that prices would rise.', quotes: [['prices would rise', 'her', 'warning']] },
    // (an owned claim that is the sentence's subject ends before the sentence's predicate)
    { text: 'His false claim that the vote was rigged was repeated.', quotes: [['the vote was rigged', 'His', 'claim']] },
  ],
  counterExamples: ['The statement that was released on Monday ran to two pages.', 'The claim that the vote was rigged was false.'],
  yields: ['cue'],
  // ("Critics point to Trump's claim that …": a claim reported inside another attribution's content)
  nests: true,
  find: ({ ctx, s, si, cs }) => nounCues(ctx, s, si, cs),
};
