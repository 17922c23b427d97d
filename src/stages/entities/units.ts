import type { Doc } from '../../pipeline/doc.js';
import type { TagUnit } from './features.js';

/**
 * What the tagger reads one at a time: the document's sentences, and, for tokens no
 * sentence holds (outlet names, timestamps, page furniture), their lines.
 */
export function tagUnits(doc: Pick<Doc, 'tokens' | 'sentences'>): TagUnit[] {
  const units: TagUnit[] = [];
  const tokens = doc.tokens;
  let next = 0;
  const lines = (from: number, to: number): void => {
    let first = from;
    for (let i = from + 1; i < to; i++) {
      if (tokens[i]!.breaks > 0) {
        units.push({ first, last: i });
        first = i;
      }
    }
    if (to > first) units.push({ first, last: to });
  };
  for (const s of doc.sentences) {
    if (s.first < next) continue;
    if (s.first > next) lines(next, s.first);
    if (s.last > s.first) units.push({ first: s.first, last: s.last });
    next = s.last;
  }
  if (next < tokens.length) lines(next, tokens.length);
  return units;
}
