import type { Sentence } from '../../../pipeline/doc.js';
import { piece, stretchAt } from '../content.js';
import { BE, skipAdverbsOnly, validSpeaker } from '../grammar.js';
import { lower, nounPhraseEndingAt, skipLeftAdverbials } from '../phrases.js';
import type { Attribution, FindContext } from '../types.js';
import type { SentenceShape } from '../shape.js';
import { compileTrigger } from '../trigger.js';

/**
 * "Trump openly admires Putin as a "strong leader"", "Reid has been pounding Trump as a
 * "con artist"": a verb, its object, then "as" and a quotation is the subject's words
 * about the object, whatever the verb. Only a quotation no other attribution took.
 */
export function characterizations(ctx: FindContext, s: Sentence, si: number, cs: number): Attribution[] {
  const toks = ctx.doc.tokens;
  const out: Attribution[] = [];
  for (let k = cs + 2; k < s.last - 1; k++) {
    if (lower(toks[k]) !== 'as' || ctx.marks.stretchOf[k] !== -1) continue;
    const q = /^(a|an|the)$/.test(lower(toks[k + 1])) ? k + 2 : k + 1;
    const st = stretchAt(ctx, q);
    if (!st || st.open !== q || st.close < 0) continue;
    // the object before "as", and the finite verb before it
    let v = k - 1;
    while (v > cs && k - v < 10 && toks[v]!.pos !== 'VERB' && ctx.marks.stretchOf[v] === -1 && toks[v]!.text !== ',') v--;
    const verb = toks[v]!;
    // a progressive ("has been pounding") speaks; a participle alone ("known as") or a passive ("is seen as") does not
    const aux = toks[skipAdverbsOnly(toks, v - 1)];
    const progressive = /ing$/.test(lower(verb)) && aux !== undefined && BE.has(lower(aux));
    if (verb.pos !== 'VERB' || v === k - 1 || (/ing$/.test(lower(verb)) && !progressive) || (!progressive && aux !== undefined && BE.has(lower(aux))) || /^(known|referred|seen|regarded|billed)$/.test(lower(verb))) continue;
    const subjectEnd = skipLeftAdverbials(toks, v - 1, cs);
    const subject = nounPhraseEndingAt(toks, subjectEnd, cs);
    if (!subject || !validSpeaker(ctx, subject)) continue;
    const p = piece(ctx, v + 1, st.close + 1);
    if (p) out.push({ pieces: [p], cue: { first: v, last: v + 1, lemma: lower(verb), kind: 'object' }, speaker: subject, nested: false, sentence: si });
  }
  return out;
}

/** 'Trump openly admires Putin as a "strong leader"': a verb, its object, "as" and a quotation. */
export const characterization: SentenceShape = {
  id: 'characterization',
  level: 'sentence',
  trigger: compileTrigger('as (a|an|the)? @open'),
  reads: 'SUBJECT VERB OBJECT "as" (a|an|the)? QUOTE',
  examples: [{ text: 'Reid has been pounding Trump as a "con artist" for weeks.', quotes: [['Trump as a "con artist"', 'Reid', 'pounding']] }],
  counterExamples: ['He is known as a "fixer" in Washington.'],
  yields: ['taken', 'content'],
  find: ({ ctx, s, si, cs }) => characterizations(ctx, s, si, cs),
};
