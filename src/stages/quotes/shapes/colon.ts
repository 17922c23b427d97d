import type { Sentence } from '../../../pipeline/doc.js';
import { piece, stretchAt } from '../content.js';
import { subjectOf, validSpeaker } from '../grammar.js';
import { cueAt } from '../cues.js';
import { isSpeechLike } from '../unattributed.js';
import words from '../../../lexicon/attribution-words.json';
import { isCapitalized, lower, nounPhraseEndingAt, nounPhraseStartingAt, skipLeftAdverbials } from '../phrases.js';
import type { Attribution, FindContext } from '../types.js';
import type { SentenceShape } from '../shape.js';
import { compileTrigger } from '../trigger.js';

/**
 * 'Kasich resisted: "Ohio governors do not have the power …"', 'Republican pollster Daron
 * Shaw: "Historically, …"': a quotation of three words or more opened right after a colon
 * that no cue took is the words of the name before the colon, else of the sentence's subject.
 */
export function colonQuotations(ctx: FindContext, s: Sentence, si: number, cs: number): Attribution[] {
  const toks = ctx.doc.tokens;
  const out: Attribution[] = [];
  for (let k = cs + 1; k < s.last; k++) {
    if (toks[k]!.text !== ':' || ctx.marks.stretchOf[k] !== -1) continue;
    // ("And from Chairwoman Rosenworcel:" then the quotation as the next paragraph)
    if (k === s.last - 1 && !(toks[k + 1] && toks[k + 1]!.breaks > 0)) continue;
    const st = stretchAt(ctx, k + 1);
    if (!st || st.open !== k + 1 || st.last - st.first < 3) continue;
    // (a title set as the next paragraph is no one's words: "The winners were these:" / ""Blue Skies Over the Harbour"")
    if (k === s.last - 1 && !isSpeechLike(ctx.doc, st)) continue;
    const named = nounPhraseEndingAt(toks, k - 1, cs);
    let speaker: [number, number] | undefined;
    // ("Lambie blasts Hanson: "…"": a name that is a reporting cue's object is spoken of; the cue's subject speaks)
    // (a lower-case cue the tagger read as a noun may stand inside the phrase: "Lambie blasts Hanson")
    let verb = named ? named[0] - 1 : -1;
    if (named) for (let m = named[1] - 2; m > named[0]; m--) if (!isCapitalized(toks[m]) && ctx.lex.verbs.has(lower(toks[m])) && isCapitalized(toks[m - 1]) && isCapitalized(toks[m + 1])) { verb = m; break; }
    // ("The surge does not surprise pollster Daron Shaw: "…"": another verb's object is the one quoted)
    const objectOf = verb > cs && ctx.marks.stretchOf[verb] === -1 && ctx.lex.verbs.has(lower(toks[verb])) && (cueAt(ctx, verb, k) !== undefined || verb >= (named?.[0] ?? k));
    const subject = objectOf ? nounPhraseEndingAt(toks, skipLeftAdverbials(toks, verb - 1, cs), cs) : undefined;
    if (named && objectOf) { if (subject && validSpeaker(ctx, subject)) speaker = subject; }
    else if (named && isCapitalized(toks[k - 1]) && validSpeaker(ctx, named)) speaker = named;
    else {
      const subj = subjectOf(ctx, cs, k);
      // the subject must be followed by its verb before the colon: "Kasich resisted:", "Romney, the 2012 nominee, tweeted:"
      let v = subj ? subj[1] : k;
      if (toks[v]?.text === ',') {
        let m = v + 1;
        while (m < k && m < v + 14 && toks[m]!.text !== ',' && ctx.marks.stretchOf[m] === -1) m++;
        if (toks[m]?.text === ',' && m < k) v = m + 1;
      }
      // (before a quotation in the next paragraph, only the verb and its adverb: "Kasich replied:", not "The bias shows when … by Trump on June 11:")
      if (subj && v < k && (toks[v]!.pos === 'VERB' || toks[v]!.pos === 'AUX' || toks[v]!.pos === 'ADV') && (k < s.last - 1 || k - v <= 2)) speaker = subj;
    }
    // "very strong speech from Jacqui Lambie, bluntly opposing …: "…"", "A statement from the White House: "…""
    if (!speaker) speaker = utteranceBy(ctx, cs, k);
    if (!speaker) continue;
    const p = piece(ctx, st.open, st.close >= 0 ? st.close + 1 : st.last);
    if (p) out.push({ pieces: [p], cue: { first: k, last: k + 1, lemma: ':', kind: 'clause' }, speaker, nested: false, sentence: si });
    k = st.close >= 0 ? st.close : st.last;
  }
  return out;
}

const UTTERANCE_NOUNS: ReadonlySet<string> = new Set(words.utteranceNouns);

/** A name after "from" or "by" following a noun of what was said ("speech from Jacqui Lambie", "remarks by the President"), before `k`. */
function utteranceBy(ctx: FindContext, cs: number, k: number): [number, number] | undefined {
  const toks = ctx.doc.tokens;
  for (let m = cs; m < k - 2; m++) {
    if (ctx.marks.stretchOf[m] !== -1 || !UTTERANCE_NOUNS.has(lower(toks[m])) || !/^(from|by)$/.test(lower(toks[m + 1]))) continue;
    const np = nounPhraseStartingAt(toks, m + 2, k);
    // ("A letter from Paris:": after "from" a one-word name may be where it came from)
    if (np && isCapitalized(toks[np[1] - 1]) && validSpeaker(ctx, np) && (lower(toks[m + 1]) === 'by' || np[1] - np[0] >= 2)) return np;
  }
  return undefined;
}

/**
 * 'Kasich resisted: "…"', 'Republican pollster Daron Shaw: "…"': a quotation opened right after a colon no cue took,
 * in the same paragraph or opening the next ("And from Chairwoman Rosenworcel:" / "…").
 */
export const colon: SentenceShape = {
  id: 'colon',
  level: 'sentence',
  trigger: compileTrigger('":"'),
  reads: 'NAME ":" QUOTE{3,} | SUBJECT VERB … ":" QUOTE{3,} | UTTERANCE (from|by) NAME … ":" QUOTE{3,} | NAME ":" ¶ QUOTE{3,}',
  examples: [
    { text: 'Kasich resisted: "Ohio governors do not have the power."', quotes: [['Ohio governors do not have the power.', 'Kasich', ':']] },
    { text: 'Lambie blasts Hanson: "You will be held accountable."', quotes: [['You will be held accountable.', 'Lambie', ':']] },
    { text: 'A very strong speech from Jacqui Lambie, opposing the bill: "That is the way it is."', quotes: [['That is the way it is.', 'Jacqui Lambie', ':']] },
    { text: 'And from Jessica Rosenworcel:\n\n\u201cAnna brings with her a wealth of experience.\u201d', quotes: [['Anna brings with her a wealth of experience.', 'Jessica Rosenworcel', ':']] },
  ],
  counterExamples: ['The list: "one", "two".', 'The winners were these:\n\n"Blue Skies Over the Harbour"'],
  yields: ['taken', 'content', 'cue'],
  find: ({ ctx, s, si, cs }) => colonQuotations(ctx, s, si, cs),
};
