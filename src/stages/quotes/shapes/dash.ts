import type { Sentence } from '../../../pipeline/doc.js';
import { dashSpeakerEnd, piece, stretchAt } from '../content.js';
import { isCapitalized, isDash, lower, nounPhraseStartingAt } from '../phrases.js';
import type { Attribution, FindContext } from '../types.js';
import type { SentenceShape } from '../shape.js';
import { compileTrigger } from '../trigger.js';

/** `"…" – X` and `"…" — X said`: a quotation then a dash and a name that ends the sentence. */
export function dashAttributions(ctx: FindContext, s: Sentence, si: number, cs: number): Attribution[] {
  const toks = ctx.doc.tokens;
  const out: Attribution[] = [];
  for (let k = cs; k < s.last; k++) {
    const st = stretchAt(ctx, k);
    if (!st || st.close !== k) continue;
    let d = k + 1;
    if (toks[d]?.text === ',' || toks[d]?.text === '.') d++;
    // the dash line may have been cut off as a sentence of its own, as credit lines are;
    // a quotation that is a line of its own may have its dash on the next line, and the name
    // on the line after that (a pull quote: '"…"' / '– Hugh Ray', '"…"' / '―' / 'Marilyn Monroe')
    const next = d >= s.last ? ctx.doc.sentences[si + 1] : undefined;
    const ownLine = (st.open === 0 || toks[st.open]!.breaks > 0) && next !== undefined && next.first === d && toks[d]!.breaks === 1;
    let hi = next && next.first === d && (toks[d]!.breaks === 0 || ownLine) ? next.last : s.last;
    const after = ctx.doc.sentences[si + 2];
    if (ownLine && hi === d + 1 && after && after.first === hi && toks[hi]!.breaks === 1 && after.last - after.first <= 6) hi = after.last;
    if (!isDash(toks[d]) || d + 1 >= hi) continue;
    const end = dashSpeakerEnd(ctx, d + 1, hi);
    if (end !== hi) continue;
    const np = nounPhraseStartingAt(toks, d + 1, hi);
    if (!np || !isCapitalized(toks[d + 1]) || ctx.lex.agencies.has(lower(toks[d + 1]))) continue;
    const p = piece(ctx, st.open, st.close + 1);
    if (p) out.push({ pieces: [p], cue: { first: d, last: d + 1, lemma: '—', kind: 'clause' }, speaker: np, nested: false, sentence: si });
  }
  return out;
}

/** '"…" – X' and '"…" — X, role': a quotation, a dash and a name that ends the sentence. */
export const dash: SentenceShape = {
  id: 'dash',
  level: 'sentence',
  trigger: compileTrigger('@close (","|".")? @dash'),
  reads: 'QUOTE ("," | ".")? DASH NAME ("," ROLE)? $',
  examples: [
    { text: '"We will win the vote." \u2014 Anna Kowalska', quotes: [['We will win the vote.', 'Anna Kowalska', '\u2014']] },
    { text: '"It is a hard problem,"\n- Hugh Ray', quotes: [['It is a hard problem', 'Hugh Ray', '-']] },
    { text: '"Everything happens for a reason."\n\u2015\nMarilyn Monroe', quotes: [['Everything happens for a reason.', 'Marilyn Monroe', '\u2015']] },
  ],
  counterExamples: ['"We will win the vote." \u2014 Reuters', 'The list:\n"Yes."\n- Item two is here and it is long', '"We will win."\n\n- Anna Kowalska'],
  yields: ['taken'],
  find: ({ ctx, s, si, cs }) => dashAttributions(ctx, s, si, cs),
};
