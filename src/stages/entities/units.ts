import type { BlockKind, Doc } from '../../pipeline/doc.js';
import type { TagUnit } from './features.js';

/** Lines the layout stage found to be page furniture: no names are looked for there. */
const SKIPPED: ReadonlySet<BlockKind> = new Set(['boilerplate', 'timestamp', 'outlet']);

/**
 * What the tagger reads one at a time: the document's sentences, and, for tokens no
 * sentence holds, their lines, except lines of page furniture ("Related Articles",
 * "2 hours ago"; outlet lines are named by `outletSpans`).
 */
export function tagUnits(doc: Pick<Doc, 'tokens' | 'sentences' | 'blocks'>): TagUnit[] {
  const units: TagUnit[] = [];
  const tokens = doc.tokens;
  const skip = new Uint8Array(tokens.length);
  for (const b of doc.blocks) if (SKIPPED.has(b.kind)) skip.fill(1, b.first, b.last);
  let next = 0;
  const lines = (from: number, to: number): void => {
    let first = from;
    for (let i = from; i <= to; i++) {
      if (i === to || tokens[i]!.breaks > 0 || skip[i] !== skip[first]) {
        if (i > first && !skip[first]) units.push({ first, last: i });
        first = i;
      }
    }
  };
  for (const s of doc.sentences) {
    if (s.first < next || skip[s.first]) continue;
    if (s.first > next) lines(next, s.first);
    if (s.last > s.first) units.push({ first: s.first, last: s.last });
    next = s.last;
  }
  if (next < tokens.length) lines(next, tokens.length);
  return units;
}
