import type { Sentence } from '../../../pipeline/doc.js';
import type { Token } from '../../../text/tokenize.js';
import { contentEnd, piece, stretchAt } from '../content.js';
import { cueAt } from '../cues.js';
import { NOT_SPEAKERS, validSpeaker } from '../grammar.js';
import { isDash, isMark, isSubjectPronoun, lower, nounPhraseStartingAt } from '../phrases.js';
import type { Attribution, Cue, FindContext } from '../types.js';
import type { CueShape } from '../shape.js';
import { compileTrigger } from '../trigger.js';

/** Whether a word opens an apposition of a person or body ("president of …", "a spokesman …"). */
function lex(ctx: FindContext, t: Token): boolean {
  const w = lower(t);
  return ctx.lex.personRoles.has(w) || ctx.lex.groupNouns.has(w) || /^(a|an|the|its|his|her|their)$/.test(w) || t.pos === 'ADJ';
}

/** "according to X, …" and "…, according to X". */
export function accordingTo(ctx: FindContext, s: Sentence, si: number, cs: number, cue: Cue, zoneStart: number, nested: boolean): Attribution | undefined {
  const toks = ctx.doc.tokens;
  let np = nounPhraseStartingAt(toks, cue.last, s.last);
  // "according to exit polls": a first word tagged as a verb in a compound noun
  if (!np && toks[cue.last]?.pos === 'VERB' && !/(ing|ed)$/.test(lower(toks[cue.last]))) {
    const rest = nounPhraseStartingAt(toks, cue.last + 1, s.last);
    if (rest && toks[rest[0]]!.pos === 'NOUN') np = [cue.last, rest[1]];
  }
  // "according to sources", "according to state corporate records", "according to him": after "to" the tagger
  // reads verbs; the source is the words up to the clause's punctuation
  if (!np || !validSpeaker(ctx, np)) np = sourceWords(ctx, cue.last, s.last);
  if (!np) return undefined;
  const prev = toks[cue.first - 1];
  if (cue.first === zoneStart || cue.first === cs) {
    let k = pastApposition(ctx, s, np[1]);
    while (k < s.last && toks[k]!.text !== ',' && k - np[1] < 12) k++;
    if (toks[k]?.text !== ',') return undefined;
    const p = piece(ctx, k + 1, contentEnd(ctx, s, k + 1));
    return p ? { pieces: [p], cue, speaker: np, nested, sentence: si } : undefined;
  }
  if (prev?.text === ',' || isDash(prev)) {
    // "…, according to X" stands for the whole clause before it, other cues in it included
    const p = piece(ctx, nested ? zoneStart : cs, cue.first - 1);
    if (!p) return undefined;
    // "G4S receives, according to one report, $234 million …": the clause goes on after it
    const k = pastApposition(ctx, s, np[1]);
    const next = toks[k + 1];
    if (prev?.text === ',' && p.form !== 'direct' && toks[k]?.text === ',' && next && !/^(who|which|where|when|whose|as|and|but)$/.test(lower(next)) && !isMark(next) && !cueAt(ctx, k + 1, s.last)) {
      const rest = piece(ctx, k + 1, contentEnd(ctx, s, k + 1));
      if (rest) return { pieces: [p, rest], cue, speaker: np, nested, sentence: si };
    }
    return { pieces: [p], cue, speaker: np, nested, sentence: si };
  }
  return undefined;
}

/** The words of a source after "according to", up to punctuation: at most twelve, ending in a noun-like word. */
function sourceWords(ctx: FindContext, k: number, hi: number): [number, number] | undefined {
  const toks = ctx.doc.tokens;
  let m = k;
  while (m < hi && m - k < 12) {
    const t = toks[m]!;
    if (isMark(t)) {
      // a title in quotation marks: the "Medicare for all" document
      const st = stretchAt(ctx, m);
      if (!st || st.open !== m || st.close < 0) break;
      m = st.close + 1;
      continue;
    }
    if (t.kind === 'punctuation' && t.text !== '-' && t.text !== '&') break;
    if (t.pos === 'CCONJ' || t.pos === 'SCONJ' || (m > k && isSubjectPronoun(t)) || /^(who|which|that|than)$/.test(lower(t))) break;
    m++;
  }
  if (m === k) return undefined;
  const last = toks[m - 1]!;
  if (last.pos === 'ADP' || last.pos === 'DET' || last.kind === 'punctuation') return undefined;
  const w = lower(last).replace(/s$/, '');
  if (NOT_SPEAKERS.has(w) || NOT_SPEAKERS.has(lower(last))) return undefined;
  return [k, m];
}

/** After a source's name: past ", president of the Rice Exporters Association," to the comma that ends it, else `k`. */
function pastApposition(ctx: FindContext, s: Sentence, k: number): number {
  const toks = ctx.doc.tokens;
  if (toks[k]?.text !== ',') return k;
  let m = k + 1;
  while (m < s.last && m < k + 14 && toks[m]!.text !== ',' && toks[m]!.pos !== 'VERB' && toks[m]!.pos !== 'AUX') m++;
  return toks[m]?.text === ',' && m > k + 1 && lex(ctx, toks[k + 1]!) ? m : k;
}

/** "According to X, …" and "…, according to X": the source named after the cue. */
export const accordingToShape: CueShape = {
  id: 'according-to',
  level: 'cue',
  trigger: compileTrigger('@cue:source-after'),
  reads: '^ "according to" NP "," CLAUSE | CLAUSE ("," | DASH) "according to" NP',
  examples: [
    { text: 'According to the ministry, prices will rise next year.', quotes: [['prices will rise next year', 'the ministry', 'According to']] },
    { text: 'Prices will rise next year, according to the ministry.', quotes: [['Prices will rise next year', 'the ministry', 'according to']] },
  ],
  counterExamples: ['The plan went according to schedule.'],
  // a source-after cue is this shape's, whether or not it gives an attribution
  find: ({ ctx, s, si, cs, cue, zoneStart, nested }) => (cue.kind === 'source-after' ? accordingTo(ctx, s, si, cs, cue, zoneStart, nested) ?? null : undefined),
};
