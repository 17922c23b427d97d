import words from '../../lexicon/attribution-words.json';
import { lower } from './phrases.js';
import type { FindContext } from './types.js';

// Words no one said: a cue after "to" under a negation ("officers never have occasion to say
// 'You're nicked'", "did not want to say …") reports what was not said. "was not afraid to
// say …" did say it. The words are data (attribution-words.json).

const NEGATIONS: ReadonlySet<string> = new Set(words.hypotheticalNegations);
const SAID_ANYWAY: ReadonlySet<string> = new Set(words.negatedButSaid);

/** Whether the cue at `cueFirst` stands after "to" with a negation at most four words before it. */
export function unspokenCue(ctx: FindContext, cueFirst: number, lo: number): boolean {
  const toks = ctx.doc.tokens;
  if (lower(toks[cueFirst - 1]) !== 'to' || SAID_ANYWAY.has(lower(toks[cueFirst - 2]))) return false;
  for (let k = cueFirst - 2; k >= Math.max(lo, cueFirst - 6); k--) {
    const t = toks[k]!;
    if (t.kind === 'punctuation' || ctx.marks.stretchOf[k] !== -1) return false;
    if (NEGATIONS.has(lower(t))) return true;
  }
  return false;
}
