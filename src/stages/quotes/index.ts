import type { NodeRef } from '../../graph/builder.js';
import type { Doc, Sentence } from '../../pipeline/doc.js';
import { live, type Entity, type Mention } from '../../model/mentions.js';
import { defineStage } from '../../pipeline/stage.js';
import { findAttributions } from './attribution.js';
import { quoteLexicon } from './lexicon.js';
import { pairMarks, type Stretch } from './marks.js';
import { cueAt } from './cues.js';
import { boundNesting } from './nesting.js';
import { chooseSpeaker } from './speakers/choice.js';
import { SpeakerResolver } from './speakers/resolve.js';
import type { Attribution, FindContext } from './types.js';
import { unattributedQuotations } from './unattributed.js';

/**
 * Quotes, cues and speakers: pairs quotation marks, finds attributions sentence by
 * sentence (direct, indirect and mixed), reads their speakers into mentions resolved to
 * entities, and gives unattributed quotation paragraphs to the last speaker.
 */
export const quotesStage = defineStage({
  name: 'quotes',
  requires: ['tokens', 'sentences', 'mentions', 'entities'],
  reads: ['blocks', 'articles'],
  provides: ['mentions', 'entities', 'quotes'],
  run(doc) {
    extractQuotes(doc);
  },
});

/** A quote written to the graph, for later stages and the continuation rule. */
export interface QuoteRecord {
  readonly ref: NodeRef;
  readonly first: number;
  readonly last: number;
  readonly speaker?: Entity | undefined;
  /** The speaker mention as written, where the quote has one ("He", resolved or not). */
  readonly mention?: Mention | undefined;
}

export function extractQuotes(doc: Doc): QuoteRecord[] {
  const lex = quoteLexicon();
  const marks = pairMarks(doc);
  // the quotations the quotes written so far took: this writing step alone adds to it
  const taken = new Set<Stretch>();
  const ctx: FindContext = { doc, marks, lex, taken };
  const resolver = new SpeakerResolver(doc, lex);
  const records: QuoteRecord[] = [];
  /** Index of the last sentence that held (or ended) a quote, per the continuation rule. */
  let lastQuoteSentence = -2;
  let lastSpeaker: Entity | undefined;
  /** The last speaker's mention where no entity resolved it ("He told the BBC: …" with no one named before). */
  let lastMention: Mention | undefined;
  const written = new Set<string>();
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    const atts = boundNesting(doc, findAttributions(ctx, si)).sort((a, b) => a.cue.first - b.cue.first);
    for (const att of atts) for (const st of att.taken ?? []) taken.add(st);
    let quoted = false;
    for (const att of atts) {
      const rec = writeAttribution(doc, ctx, taken, resolver, att, written);
      if (rec.length === 0) continue;
      records.push(...rec);
      quoted = true;
      const sp = rec[0]!.speaker;
      if (sp && !att.nested) {
        resolver.spoke(sp, att.cue.first, s.article);
        lastSpeaker = sp;
        lastMention = undefined;
      } else if (!att.nested && rec[0]!.mention) {
        lastSpeaker = undefined;
        lastMention = rec[0]!.mention;
      }
      lastQuoteSentence = Math.max(lastQuoteSentence, doc.sentenceOfToken(Math.max(...rec.map((r) => r.last - 1))));
    }
    // unattributed quotations that fill their sentences continue the last speaker's words
    for (let t = s.first; t < s.last; t++) {
      const k = marks.stretchOf[t]!;
      if (k === -1) continue;
      const st = marks.stretches[k]!;
      // an empty quotation (a lone "“" ending the text) quotes nothing
      if (st.open !== t || taken.has(st) || st.last <= st.first) continue;
      t = st.close >= 0 ? st.close : st.last - 1;
      if (!fillsSentences(doc, st) && !st.continued) continue;
      const prevArticle = doc.sentences[lastQuoteSentence]?.article;
      const speaker = lastSpeaker ? live(lastSpeaker) : undefined;
      const follows = lastQuoteSentence === si - 1 || (lastQuoteSentence >= 0 && lastQuoteSentence === si - 2 && narrationAbout(doc, ctx, doc.sentences[si - 1]!, speaker));
      if (!follows || (!speaker && !lastMention) || prevArticle !== s.article) continue;
      const ref = doc.graph.addSpan('quote', doc.tokens[st.first]!.start, doc.tokens[contentEnd(st) - 1]!.end, { form: 'direct', rule: 'continuation' });
      if (!ref) continue;
      taken.add(st);
      doc.graph.addEdge('speaker', ref, speaker ? speaker.ref : lastMention!.ref);
      records.push({ ref, first: st.first, last: contentEnd(st), speaker, ...(speaker ? {} : { mention: lastMention }) });
      quoted = true;
      lastQuoteSentence = doc.sentenceOfToken(contentEnd(st) - 1);
    }
    if (!quoted && lastQuoteSentence < si) {
      // a sentence of the writer's own words ends the run
    }
  }
  // quotations no attribution took, with the speaker quoted just before them where there is one
  records.push(...unattributedQuotations(ctx, taken, resolver, records));
  doc.layers.set('quotes', records);
  return records;
}

function contentEnd(st: Stretch): number {
  return st.last;
}

/**
 * A short sentence of narration about the last speaker between two paragraphs of their words
 * ("He looked puzzled."): no quotation and no reporting cue, at most 15 tokens, its first word
 * "he", "she" or "they" or a word of the speaker's name. Quotation paragraphs on either side
 * of it are the same speaker's.
 */
function narrationAbout(doc: Doc, ctx: FindContext, s: Sentence, speaker: Entity | undefined): boolean {
  if (s.last - s.first > 15) return false;
  for (let k = s.first; k < s.last; k++) if (ctx.marks.stretchOf[k] !== -1 || cueAt(ctx, k, s.last)) return false;
  const first = doc.tokens[s.first]!.text;
  if (/^(he|she|they)$/i.test(first)) return true;
  return speaker !== undefined && /^\p{Lu}/u.test(first) && speaker.name.split(/\s+/).includes(first);
}

/** Whether a quotation is the whole of the sentences it spans (bar punctuation). */
function fillsSentences(doc: Doc, st: Stretch): boolean {
  const a = doc.sentences[doc.sentenceOfToken(st.open)];
  const endTok = st.close >= 0 ? st.close : st.last - 1;
  const b = doc.sentences[doc.sentenceOfToken(endTok)];
  if (!a || !b || a.first !== st.open) return false;
  for (let k = endTok + 1; k < b.last; k++) if (doc.tokens[k]!.kind !== 'punctuation') return false;
  return true;
}

function writeAttribution(doc: Doc, ctx: FindContext, taken: Set<Stretch>, resolver: SpeakerResolver, att: Attribution, written: Set<string>): QuoteRecord[] {
  const s = doc.sentences[att.sentence]!;
  const phrase = chooseSpeaker(ctx, att);
  const mention = phrase ? resolver.mentionFor(phrase[0], phrase[1], s.article) : undefined;
  if (att.speaker && !mention) return [];
  const a = doc.tokens[att.cue.first]!;
  const b = doc.tokens[att.cue.last - 1]!;
  const cue = doc.graph.addSpan('cue', a.start, b.end, { lemma: att.cue.lemma });
  const out: QuoteRecord[] = [];
  for (const p of att.pieces) {
    // one span is one quote: a second attribution of the same words ("…, according to a readout") adds nothing
    const key = `${p.first}:${p.last}`;
    if (written.has(key)) continue;
    written.add(key);
    const ref = doc.graph.addSpan('quote', doc.tokens[p.first]!.start, doc.tokens[p.last - 1]!.end, { form: p.form, ...(att.rule ? { rule: att.rule } : {}) });
    if (!ref) continue;
    // (each quotation the piece runs through, once: a long quotation's tokens all hold it)
    for (let t = p.first, was = -1; t < p.last; t++) {
      const k = ctx.marks.stretchOf[t]!;
      if (k !== -1 && k !== was) taken.add(ctx.marks.stretches[k]!);
      was = k;
    }
    // the stretch a direct piece came from
    const k = ctx.marks.stretchOf[p.first - 1];
    if (k !== undefined && k !== -1) taken.add(ctx.marks.stretches[k]!);
    if (mention) doc.graph.addEdge('speaker', ref, mention.ref);
    if (cue) doc.graph.addEdge('cue', ref, cue);
    const speaker = mention?.entity ? live(mention.entity) : undefined;
    out.push({ ref, first: p.first, last: p.last, speaker, ...(mention ? { mention } : {}) });
    // earlier paragraphs of the same quotation, left open, are the same speaker's words
    let at = k !== undefined && k !== -1 ? k : ctx.marks.stretchOf[p.first] ?? -1;
    while (speaker && at > 0 && ctx.marks.stretches[at]!.continued) {
      const prev = ctx.marks.stretches[at - 1]!;
      if (!prev.continues || taken.has(prev)) break;
      const pref = doc.graph.addSpan('quote', doc.tokens[prev.first]!.start, doc.tokens[prev.last - 1]!.end, { form: 'direct', rule: 'earlier-paragraph' });
      taken.add(prev);
      if (pref) {
        doc.graph.addEdge('speaker', pref, speaker.ref);
        out.push({ ref: pref, first: prev.first, last: prev.last, speaker });
      }
      at--;
    }
  }
  if (out.length === 0 && cue) doc.graph.remove(cue);
  return out;
}
