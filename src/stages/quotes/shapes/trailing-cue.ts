import { clauseAfterOpening, OPENING_LINKS } from '../after.js';
import { contentEnd, piece, stretchAt } from '../content.js';
import { addresseeAt, cueAt } from '../cues.js';
import { clauseStarts, predicateStarts, validSpeaker } from '../grammar.js';
import { isMark, isSubjectPronoun, lower, nounPhraseStartingAt, skipRightAdverbials } from '../phrases.js';
import type { CueShape } from '../shape.js';
import type { FindContext, Piece } from '../types.js';
import type { Token } from '../../../text/tokenize.js';
import { onSite } from './cue-site.js';
import { compileTrigger } from '../trigger.js';

/**
 * Content before the cue: '"…," X said', '"…," said X', "The plan, he said, has failed",
 * with the second half of a split quotation ('"…," he said, "…"').
 */
export const trailingCue: CueShape = {
  id: 'trailing-cue',
  level: 'cue',
  trigger: compileTrigger('@cue'),
  reads: 'QUOTE|CLAUSE "," NP CUE | QUOTE|CLAUSE "," CUE NP',
  examples: [
    { text: '"We will not retreat," Smith said.', quotes: [['We will not retreat', 'Smith', 'said']] },
    { text: '"We will not retreat," said Smith.', quotes: [['We will not retreat', 'Smith', 'said']] },
    { text: 'The plan has failed, Smith said.', quotes: [['The plan has failed', 'Smith', 'said']] },
  ],
  counterExamples: ['In 2012, he said nothing.', 'The plan, which failed, was said to be costly.'],
  find: onSite((site) => {
    const { ctx, s, si, cue, nested, left, boundary, participle, from, before, beforeSays } = site;
    const toks = ctx.doc.tokens;
    if (boundary < 0 || participle) return undefined;
    // content before the attribution: "…," X said / "…," said X
    let speaker = left;
    let k = cue.last;
    if (!speaker) {
      const np = nounPhraseStartingAt(toks, skipRightAdverbials(toks, cue.last, s.last, ctx.lex), s.last);
      if (!np) return undefined;
      speaker = np;
      k = np[1];
    }
    if (cue.kind === 'object' || !validSpeaker(ctx, speaker)) return undefined;
    // "…, a move that Senator John McCain has said is under consideration": the cue is the relative clause's,
    // and reports what that clause goes on to say, not the words before it
    if (left && toks.slice(speaker[0], speaker[1]).some((t, i) => /^(that|which)$/.test(lower(t)) && ctx.marks.stretchOf[speaker[0] + i] === -1 && /^(NOUN|PROPN)$/.test(toks[speaker[0] + i - 1]?.pos ?? ''))) return undefined;
    let cueUsed = cue;
    if (left && (cue.kind === 'addressee')) {
      const by = addresseeAt(ctx, cue.last, s.last, false);
      if (by > 0) { cueUsed = { ...cue, last: by }; k = by; }
      // ("The difference now, he told me on Friday, is …": a pronoun hearer)
      else if (/^(me|us|him|her|them)$/.test(lower(toks[cue.last])) && toks[cue.last]!.pos === 'PRON') k = cue.last + 1;
    }
    // "Trump, Sexton said, has created …": a one-word subject before the attribution, its predicate after it
    if (!before && boundary === from + 1 && nounish1(toks[from]) && left && toks[k]?.text === ',' && predicateStarts(ctx, k + 1, s.last)) {
      const rest = piece(ctx, k + 1, contentEnd(ctx, s, k + 1));
      return rest ? { pieces: [{ first: from, last: from + 1, form: 'indirect' }, rest], cue, speaker, nested, sentence: si } : undefined;
    }
    // (a quotation of several sentences whose last one carries the attribution starts where it opens)
    if (!before) return undefined;
    if (!beforeSays) {
      // "In the three years since …, Barden says, far too many lives have been lost": the clause goes on after the attribution
      const m = skipRightAdverbials(toks, k, s.last, ctx.lex);
      // "Many of the closures, he said, have involved …": the subject before, its predicate after
      // ("In the early 1990s, Ms. Ripert said, when she was earning $24,000, a boss invited her …")
      if (toks[m]?.text !== ',' || !(clauseStarts(ctx, m + 1, s.last) || predicateStarts(ctx, m + 1, s.last) || (OPENING_LINKS.has(lower(toks[m + 1])) && clauseAfterOpening(ctx, m + 1, s.last)))) return undefined;
      const rest = piece(ctx, m + 1, contentEnd(ctx, s, m + 1));
      return rest ? { pieces: [before, rest], cue, speaker, nested, sentence: si } : undefined;
    }
    const pieces = [before];
    // a split quotation: "…," he said, "…" / "…," he wrote, but "…"
    k = skipRightAdverbials(toks, k, s.last, ctx.lex);
    if (!left && toks[k]?.text === ',' && (['DET', 'NOUN', 'ADJ', 'PROPN'].includes(toks[k + 1]?.pos ?? '') || lower(toks[k + 1]) === 'who') && !isMark(toks[k + 1])) {
      // an appositive after an inverted speaker: "said John Smith, a spokesman for …,"
      let m = k + 1;
      while (m < s.last && toks[m]!.text !== ',' && ctx.marks.stretchOf[m] === -1) m++;
      k = m;
    }
    if (toks[k]?.text === ',' || toks[k]?.text === ':') {
      let m = k + 1;
      if (toks[m]?.pos === 'CCONJ' || lower(toks[m]) === 'but') m++;
      const st = stretchAt(ctx, m);
      if (st && st.open === m) {
        const p = piece(ctx, m, st.close >= 0 ? st.close + 1 : st.last);
        if (p) pieces.push(p);
      } else if ((m > k + 1 || (before.form === 'indirect' && (clauseStarts(ctx, m, s.last) || (toks[m]?.pos === 'ADP' && !/^(as|after|before|since|while|because)$/.test(lower(toks[m]))) || /^(especially|particularly|mostly|largely|mainly|partly)$/.test(lower(toks[m]))))) && m < s.last && !cueAt(ctx, m, s.last)) {
        // ("The argument would be aided, Devine said, by the upcoming primary calendar": the clause's own phrase goes on)
        // "…," he wrote, but "…" / "If the demands are not met, Mr. Taylor warned, supporters plan to leave"
        const p = piece(ctx, m, contentEnd(ctx, s, m));
        if (p) pieces.push(p);
      } else if (before.form === 'direct') {
        // '"…," Tester said, referring to the excuse, "…"', '"…," Trump said during a rally in Kenansville, N.C., "but …"'
        const resumed = resumedQuotation(ctx, m, s.last);
        if (resumed) pieces.push(resumed);
      }
    }
    return { pieces, cue: cueUsed, speaker, nested, sentence: si };
  }),
};

/**
 * A quotation that resumes after an aside following the attribution: the first stretch
 * opened right after a comma within a few words, with no cue or other quotation between.
 */
function resumedQuotation(ctx: FindContext, k: number, hi: number): Piece | undefined {
  const toks = ctx.doc.tokens;
  for (let m = k; m < hi && m < k + 25; m++) {
    const st = stretchAt(ctx, m);
    if (st) {
      if (st.open !== m || toks[m - 1]?.text !== ',' || ctx.taken.has(st)) return undefined;
      return piece(ctx, m, st.close >= 0 ? st.close + 1 : st.last);
    }
    const t = toks[m]!;
    if (t.text === ';' || t.text === ':' || (t.text === '.' && t.kind === 'punctuation') || (m > k && cueAt(ctx, m, hi) && !/ing$/.test(lower(t)))) return undefined;
  }
  return undefined;
}

/** A one-word subject: a name, a noun or a pronoun. */
function nounish1(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'PROPN' || t.pos === 'NOUN' || (t.pos === 'PRON' && isSubjectPronoun(t)));
}
