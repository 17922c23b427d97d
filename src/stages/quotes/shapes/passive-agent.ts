import { contentEnd, piece, stretchAt } from '../content.js';
import { isComplementizer, validSpeaker } from '../grammar.js';
import { lower, nounPhraseStartingAt } from '../phrases.js';
import type { CueShape } from '../shape.js';
import { compileTrigger } from '../trigger.js';
import type { Piece } from '../types.js';
import { isPassiveCue } from './cue-site.js';

/**
 * "They were criticised by the annotator because "…"", "He was told by aides that …": a passive
 * cue whose agent, in its by-phrase, is the speaker (not the subject, who is spoken of or to).
 * What was said is a quotation in the rest of the clause, or a that-clause right after the
 * agent; a passive by-phrase with neither gives nothing ("was criticized by Democrats").
 */
/** Tokens between the agent and the quotation at most. */
const MAX_GAP = 8;

export const passiveAgent: CueShape = {
  id: 'passive-agent',
  level: 'cue',
  trigger: compileTrigger('@cue by'),
  reads: 'NP BE CUE-ed by NP … QUOTE | NP BE CUE-ed by NP that CLAUSE',
  examples: [
    { text: 'They were criticised by the annotator because \u201ctheir use of quotation marks is not consistent\u201d.', quotes: [['their use of quotation marks is not consistent', 'the annotator', 'criticised']] },
    { text: 'The plan was criticized by Democrats as "a giveaway to the rich."', quotes: [['a giveaway to the rich.', 'Democrats', 'criticized']] },
    { text: 'He was told by aides that the vote was lost.', quotes: [['the vote was lost', 'aides', 'told']] },
  ],
  counterExamples: ['The plan was criticized by Democrats.', 'The song was praised by critics after "American Skin" was released.'],
  find: ({ ctx, s, si, cue, nested }) => {
    const toks = ctx.doc.tokens;
    if (!isPassiveCue(toks, cue)) return undefined;
    const agent = nounPhraseStartingAt(toks, cue.last + 1, s.last);
    if (!agent || !validSpeaker(ctx, agent)) return null;
    const end = contentEnd(ctx, s, agent[1]);
    let p: Piece | undefined;
    if (isComplementizer(toks, agent[1])) p = piece(ctx, agent[1] + 1, end, true);
    else {
      // a quotation of three words or more soon after the agent, past a connective and no verb of the
      // writer's ("because", "for employing", "and the court of appeal for …"; not a title: "after "Skin" was …")
      for (let k = agent[1]; k < end && k <= agent[1] + MAX_GAP && !p; k++) {
        const st = stretchAt(ctx, k);
        if (st && st.open === k && st.close > k && st.last - st.first >= 3) p = piece(ctx, st.open, st.close + 1);
        const t = toks[k]!;
        if (!st && (t.text === ',' || t.text === ';' || t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(lower(t))))) break;
      }
    }
    return p ? { pieces: [p], cue, speaker: agent, nested, sentence: si } : null;
  },
};
