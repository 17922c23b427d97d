import type { NodeRef } from '../../graph/builder.js';
import type { Doc } from '../../pipeline/doc.js';
import { live, type Entity } from '../../model/mentions.js';
import { sentenceSpeaker, subjectOf } from './grammar.js';
import { afterDateline, isCapitalized, isSubjectPronoun } from './phrases.js';
import type { Stretch } from './marks.js';
import type { SpeakerResolver } from './speakers/resolve.js';
import type { FindContext } from './types.js';

/** A quote already written, as this pass reads it: its tokens and its speaker. */
export interface WrittenQuote {
  readonly first: number;
  readonly last: number;
  readonly speaker?: Entity | undefined;
}

/** Fewest words a quotation needs to count as someone's speech without a cue: fewer is a phrase or a scare quote. */
const MIN_WORDS = 4;

/**
 * Quotations that no attribution took: a clause of four words or more in double
 * quotation marks, not a title (mostly capitalised words), is someone's speech. Its
 * speaker is whoever a reporting cue of its own sentence names; else the one quoted last
 * in the same paragraph, or, for a quotation that opens its paragraph, the one quoted at
 * the end of the paragraph before. Where the text gives no one there, the quotation is
 * not written. Returns the quotes written.
 */
export function unattributedQuotations(ctx: FindContext, taken: Set<Stretch>, resolver: SpeakerResolver, written: readonly WrittenQuote[]): Array<WrittenQuote & { readonly ref: NodeRef }> {
  const { doc, marks } = ctx;
  const out: Array<WrittenQuote & { readonly ref: NodeRef }> = [];
  const byStart = [...written].sort((a, b) => a.first - b.first);
  let w = 0;
  let b = 0;
  for (const st of marks.stretches) {
    if (taken.has(st) || st.single || !isSpeechLike(doc, st)) continue;
    const last = st.close >= 0 ? st.close : st.last;
    while (b + 1 < doc.blocks.length && doc.blocks[b]!.last <= st.open) b++;
    while (w < byStart.length && byStart[w]!.first < st.open) w++;
    const si = doc.sentenceOfToken(st.open);
    const phrase = sentenceSpeaker(ctx, si);
    const mention = phrase ? resolver.mentionFor(phrase[0], phrase[1], doc.sentences[si]?.article) : undefined;
    let speaker = mention ? mention.entity : speakerBefore(doc, byStart, w, b, st);
    // '… Sanders identified young voters' exhaustion as one of the reasons. "The younger people are …"': a
    // quotation that is a sentence of its own speaks for the named subject of the sentence that leads into it
    const lead = !mention && !speaker ? leadInSubject(ctx, si, st, doc.blocks[b]) : undefined;
    if (lead) speaker = resolver.mentionFor(lead[0], lead[1], doc.sentences[si]?.article)?.entity;
    // a quotation whose speaker the text does not give nearby is left alone: no one to attribute it to
    if (!mention && !speaker) continue;
    const ref = doc.graph.addSpan('quote', doc.tokens[st.first]!.start, doc.tokens[last - 1]!.end, { form: 'direct', rule: 'unattributed' });
    if (!ref) continue;
    taken.add(st);
    if (mention) doc.graph.addEdge('speaker', ref, mention.ref);
    else if (speaker) doc.graph.addEdge('speaker', ref, live(speaker).ref);
    out.push({ ref, first: st.first, last, speaker: speaker ? live(speaker) : undefined });
  }
  return out;
}

/**
 * The subject of the sentence before the quotation's, in its paragraph, where the quotation
 * opens its own sentence and that subject is a name.
 */
function leadInSubject(ctx: FindContext, si: number, st: Stretch, block: { readonly first: number; readonly last: number } | undefined): [number, number] | undefined {
  const { doc } = ctx;
  const s = doc.sentences[si];
  const prev = doc.sentences[si - 1];
  if (!s || !prev || !block || st.open !== s.first || prev.first < block.first) return undefined;
  const subject = subjectOf(ctx, afterDateline(doc.tokens, prev.first, prev.last, ctx.lex), prev.last);
  return subject && isCapitalized(doc.tokens[subject[1] - 1]) && !isSubjectPronoun(doc.tokens[subject[0]]) ? subject : undefined;
}

/** A clause in quotation marks: enough words, a verb, and not a title's capitals. */
export function isSpeechLike(doc: Doc, st: Stretch): boolean {
  const last = st.close >= 0 ? st.close : st.last;
  let words = 0;
  let caps = 0;
  let verb = false;
  for (let k = st.first; k < last; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word') continue;
    words++;
    const c = t.text.charCodeAt(0);
    if (c >= 65 && c <= 90) caps++;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
  }
  return words >= MIN_WORDS && verb && caps * 2 <= words;
}

/**
 * The speaker of the last quote before `st` in its paragraph (block `b`); for a quotation
 * that opens its paragraph, the speaker of the last quote of the paragraph before.
 */
function speakerBefore(doc: Doc, byStart: readonly WrittenQuote[], w: number, b: number, st: Stretch): Entity | undefined {
  const block = doc.blocks[b];
  if (!block) return undefined;
  const opensBlock = st.open === block.first;
  for (let k = w - 1; k >= 0; k--) {
    const q = byStart[k]!;
    if (q.first >= block.first) {
      if (q.speaker) return q.speaker;
      continue;
    }
    if (!opensBlock) return undefined;
    const prev = doc.blocks[b - 1];
    // only the paragraph right before, and only a quote in its last sentence
    if (!prev || q.last < prev.first) return undefined;
    const lastSentence = doc.sentences[doc.sentenceOfToken(prev.last - 1)];
    return lastSentence && q.last > lastSentence.first ? q.speaker : undefined;
  }
  return undefined;
}
