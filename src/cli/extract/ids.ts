import { normalize, sep } from 'node:path';
import type { Source } from './source.js';

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/**
 * Makes the ids of a run's files unique. A file found in a folder is named relative to that
 * folder (`a.txt`), so `2015/a.txt` and `2016/a.txt` would share an id: where two files
 * share one, those found in a folder take their path as listed instead (`2015/a.txt`), the
 * folder's name as given before it. Ids that no other file shares stay as they are, so a
 * run over one folder keeps its ids. What is still shared after that (the same file named
 * twice) is told apart by a `~2`, `~3`… suffix, in input order.
 */
export function uniqueIds(sources: readonly Source[]): Source[] {
  const count = counts(sources.map((s) => s.id));
  const renamed = sources.map((s) => (s.listed && s.path !== '-' && count.get(s.id)! > 1 ? { ...s, id: toPosix(normalize(s.name)) } : s));
  const left = counts(renamed.map((s) => s.id));
  const seen = new Map<string, number>();
  return renamed.map((s) => {
    if (left.get(s.id)! === 1) return s;
    const n = (seen.get(s.id) ?? 0) + 1;
    seen.set(s.id, n);
    return n === 1 ? s : { ...s, id: `${s.id}~${n}` };
  });
}

function counts(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}
