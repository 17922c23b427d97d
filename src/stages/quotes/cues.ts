import { isMark, isSubjectPronoun, lower } from './phrases.js';
import type { Cue, FindContext } from './types.js';

// Reporting cues as written: a cue phrase or verb at a token, and a known hearer after it.

/** The cue that starts at token `i`, if any: a phrase ("according to", "pointed out") or a reporting verb. */
export function cueAt(ctx: FindContext, i: number, hi: number): Cue | undefined {
  const toks = ctx.doc.tokens;
  const t = toks[i]!;
  const w = lower(t);
  for (const p of ctx.lex.phrases.get(w) ?? []) {
    if (i + p.words.length > hi) continue;
    let ok = true;
    for (let k = 1; k < p.words.length && ok; k++) ok = lower(toks[i + k]) === p.words[k];
    if (ok) return { first: i, last: i + p.words.length, lemma: p.lemma, kind: p.kind };
  }
  const v = ctx.lex.verbs.get(w);
  if (!v) return undefined;
  if (t.pos !== 'VERB' && t.pos !== 'AUX') {
    // a noun or adjective use ("his claims", "a noted author") unless a clause follows
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (prev && (prev.pos === 'DET' || /^(his|her|their|its|our|my)$/i.test(prev.text))) return undefined;
    const hearer = v.kind === 'addressee' && next !== undefined && ctx.lex.addressees.some((a) => a[0] === lower(next));
    // "About 4 in 10 say they …", "they say it …": a subject the tagger did not read as one, then a clause
    if (prev && (prev.pos === 'NUM' || isSubjectPronoun(prev)) && next !== undefined && (isSubjectPronoun(next) || next.pos === 'DET' || lower(next) === 'that')) return { first: i, last: i + 1, lemma: v.lemma, kind: v.kind };
    // '…," Bozell answers.': a present-tense cue after a named speaker that follows a quotation
    const afterQuote = prev !== undefined && (prev.pos === 'PROPN' || prev.pos === 'PRON') && (toks[i - 2]?.text === ',' || isMark(toks[i - 2])) && next !== undefined && (next.text === '.' || next.text === ',');
    // '"We love cats!" reply Burton and Nick.': an inverted present-tense cue right after the quotation, then a name
    const invertedAfterQuote = prev !== undefined && isMark(prev) && next !== undefined && next.pos === 'PROPN' && /^\p{Lu}/u.test(next.text) && ctx.marks.stretchOf[i - 1] !== -1;
    if (!next || !(afterQuote || invertedAfterQuote || hearer || lower(next) === 'that' || next.text === ':' || isMark(next) || next.text === ',')) return undefined;
  }
  return { first: i, last: i + 1, lemma: v.lemma, kind: v.kind };
}

/** "told reporters", "said to journalists": the end of a known hearer after `k`, or -1. */
export function addresseeAt(ctx: FindContext, k: number, hi: number, needTo: boolean): number {
  const toks = ctx.doc.tokens;
  if (needTo && lower(toks[k - 1]) !== 'to') return -1;
  for (const words of ctx.lex.addressees) {
    if (k + words.length > hi) continue;
    let ok = true;
    for (let m = 0; m < words.length && ok; m++) ok = lower(toks[k + m]) === words[m];
    if (ok) return k + words.length;
  }
  return -1;
}
