import type { Shape, Yield } from './shape.js';
import type { Attribution } from './types.js';

// Deciding between a sentence's overlapping candidates by declared precedence: the registry's
// order is the precedence, and each shape declares what it yields to (`yields`) and whether
// a candidate inside another's words is said within them (`nests`). The shapes' `find`s read
// nothing of each other's results; this step is the one place where they meet.

/** One candidate attribution and the shape that found it. */
export interface Candidate {
  readonly att: Attribution;
  readonly shape: Shape;
}

const overlaps = (a: Attribution, b: Attribution): boolean => a.pieces.some((p) => b.pieces.some((q) => p.first < q.last && q.first < p.last));

/** Whether `att` gives way to the kept attribution `kept`, by what its shape yields to. */
function yieldsTo(att: Attribution, yields: readonly Yield[], kept: Attribution): boolean {
  if (yields.includes('content') && overlaps(att, kept)) return true;
  return yields.includes('cue') && kept.cue.first <= att.cue.first && kept.cue.last >= att.cue.first;
}

/**
 * The attributions a sentence keeps, from its candidates in registry order: a candidate of an
 * exclusive shape (a headline, a transcript turn) takes the sentence; any other is kept unless
 * it yields to one kept before it (or to a quotation already taken, where its shape yields
 * to 'taken'), and is marked nested where its shape nests and its words
 * start inside a kept one's.
 */
export function select(candidates: readonly Candidate[], readsTaken: (att: Attribution) => boolean = () => false): Attribution[] {
  const exclusive = candidates.find((c) => c.shape.level === 'sentence' && c.shape.exclusive);
  if (exclusive) return candidates.filter((c) => c.shape === exclusive.shape).map((c) => c.att);
  const kept: Attribution[] = [];
  for (const { att, shape } of candidates) {
    const yields = shape.yields ?? [];
    if (yields.includes('taken') && readsTaken(att)) continue;
    if (kept.some((k) => yieldsTo(att, yields, k))) continue;
    const start = att.pieces[0]?.first ?? -1;
    const nested = att.nested || (shape.nests === true && kept.some((k) => k.pieces.some((p) => start >= p.first && start < p.last)));
    kept.push(nested === att.nested ? att : { ...att, nested });
  }
  return kept;
}
