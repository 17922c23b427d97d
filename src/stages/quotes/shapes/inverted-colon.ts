import { nextParagraphQuote } from '../after.js';
import { contentEnd, piece } from '../content.js';
import { validSpeaker } from '../grammar.js';
import { nounPhraseStartingAt } from '../phrases.js';
import type { CueShape } from '../shape.js';
import { onSite } from './cue-site.js';
import { compileTrigger } from '../trigger.js';

/** "Stated Stone: …", "Said the minister: "…"": a cue opening the sentence, its speaker, then a colon. */
export const invertedColon: CueShape = {
  id: 'inverted-colon',
  level: 'cue',
  trigger: compileTrigger('^ @cue'),
  reads: '^ CUE NP ":" …',
  examples: [
    { text: 'Said the minister: "We are ready."', quotes: [['We are ready.', 'the minister', 'Said']] },
    { text: 'Declared the mayor: the plan has failed.', quotes: [['the plan has failed', 'the mayor', 'Declared']] },
  ],
  counterExamples: ['Said to be ready: the plan.'],
  find: onSite((site) => {
    const { ctx, s, si, cs, cue, nested, left } = site;
    const toks = ctx.doc.tokens;
    if (!left && cue.first === cs) {
    // "Stated Stone:", "Said the minister: "…""
    const np = nounPhraseStartingAt(toks, cue.last, s.last);
    if (np && toks[np[1]]?.text === ':' && validSpeaker(ctx, np)) {
      const colon = { ...cue };
      const got = np[1] + 1 >= s.last ? nextParagraphQuote(ctx, s, colon) : undefined;
      const p = got?.piece ?? piece(ctx, np[1] + 1, contentEnd(ctx, s, np[1] + 1));
      return p ? { pieces: [p], cue, speaker: np, nested, sentence: si } : null;
    }
    }
    return undefined;
  }),
};
