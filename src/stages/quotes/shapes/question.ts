import words from '../../../lexicon/attribution-words.json';
import type { Sentence } from '../../../pipeline/doc.js';
import { contentEnd, piece, stretchAt } from '../content.js';
import { cueHas } from '../lexicon.js';
import { lower, nounPhraseStartingAt, skipRightAdverbials } from '../phrases.js';
import type { Attribution, Cue, FindContext } from '../types.js';
import type { CueShape } from '../shape.js';
import { compileTrigger } from '../trigger.js';

// Questions put by someone the text does not name: "Asked about the merger, …", "was asked whether …".

/** What opens the question after "asked": "about" (left out of the content), or a clause or infinitive (kept). */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(words.questionOpeners);

/**
 * A question put by someone the text does not name: "Asked about the merger, Smith
 * said …", "When asked whether he would run, …", "Trump was asked about the wall". The
 * content is the question; the quote has a cue and no speaker.
 */
export function unattributedQuestion(ctx: FindContext, s: Sentence, si: number, cs: number, cue: Cue, nested: boolean): Attribution | undefined {
  if (!cueHas(ctx.lex, cue.lemma, 'question-unnamed') || cue.last - cue.first !== 1) return undefined;
  const toks = ctx.doc.tokens;
  const before = lower(toks[cue.first - 1]);
  // "Asked about …, X said", "When asked whether …, X said", '"You bet," Christie said when asked whether …'
  const opening = cue.first === cs || (cue.first > cs && /^(when|if|after|once|while|before)$/.test(lower(toks[cue.first - 1])));
  const passive = cue.first > cs && /^(was|were|been|being|is|are|be|get|got)$/.test(before);
  if (!opening && !passive) return undefined;
  let k = skipRightAdverbials(toks, cue.last, s.last, ctx.lex);
  // "asked by reporters about …", "asked again on Monday"
  if (lower(toks[k]) === 'by') {
    const np = nounPhraseStartingAt(toks, k + 1, s.last);
    if (np) k = skipRightAdverbials(toks, np[1], s.last, ctx.lex);
  }
  const w = lower(toks[k]);
  let start: number;
  if (w === 'about' || w === 'on' || w === 'for') start = k + 1;
  else if (QUESTION_OPENERS.has(w) || stretchAt(ctx, k)?.open === k) start = k;
  else return undefined;
  if (start >= s.last) return undefined;
  let end: number;
  const st = stretchAt(ctx, start);
  if (st && st.open === start && st.close >= 0) end = st.close + 1;
  else if (opening) {
    // the opening phrase runs to its comma: "Asked whether he would run, Smith said …"; at the end, to the sentence's end
    end = start;
    while (end < s.last && !(toks[end]!.text === ',' && ctx.marks.stretchOf[end] === -1)) end++;
    if (end >= s.last && cue.first === cs) return undefined;
    end = Math.min(end, contentEnd(ctx, s, start));
  } else end = contentEnd(ctx, s, start);
  const p = piece(ctx, start, end);
  return p ? { pieces: [p], cue, speaker: undefined, nested, sentence: si } : undefined;
}

/** "Asked about the merger, …", "When asked whether …", "Trump was asked about the wall": a question with no one named. */
export const question: CueShape = {
  id: 'question',
  level: 'cue',
  trigger: compileTrigger('@cue+question-unnamed'),
  reads: '^ (when|if|after…)? "asked" (about|on|for|whether|if|…) … | (was|were…) "asked" …',
  examples: [
    { text: 'Asked about the merger, Smith said nothing.', quotes: [['the merger', null, 'Asked']] },
    { text: 'Trump was asked whether he would run again.', quotes: [['whether he would run again', null, 'asked']] },
  ],
  counterExamples: ['Smith asked his lawyer for time.'],
  find: ({ ctx, s, si, cs, cue, nested }) => unattributedQuestion(ctx, s, si, cs, cue, nested),
};
