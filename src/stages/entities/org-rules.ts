import heads from '../../lexicon/organization-heads.json';
import type { Token } from '../../text/tokenize.js';
import { isDemonym } from './features.js';
import type { NameSpan } from './name-span.js';
import type { TaggedSpan } from './tagger.js';

/**
 * Rules over the tagger's typed spans that tell an organization by how its name is built:
 * the head noun an institution's name ends with, a company's legal suffix.
 */

const HEADS = new Set(heads.heads);
const SUFFIXES = new Set(heads.companySuffixes);
/** Lower-case words that may stand inside an institution's name ("Commission on Presidential Debates"). */
const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', '&']);

/** The word without a full stop at its end ("Inc." read as one token). */
const bare = (t: Token | undefined): string => (t === undefined ? '' : t.text.endsWith('.') ? t.text.slice(0, -1) : t.text);

/** The span's last word, a full stop after it skipped ("Ltd ."). */
function lastWord(tokens: readonly Token[], s: TaggedSpan): string {
  let last = s.last - 1;
  if (last > s.first && tokens[last]!.text === '.') last--;
  return bare(tokens[last]);
}

/** Capitalised words, with connectors between them, the first and last capitalised. */
function builtAsName(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const w = tokens[i]!.text;
    if (/^\p{Lu}/u.test(w)) continue;
    if (i === first || i === last - 1 || !CONNECTORS.has(w)) return false;
  }
  return true;
}

/**
 * "The Tax Policy Center estimates", "Russian Railways said": a name of two or more words
 * ending with an institution's head noun, or a company's legal suffix, is an organization's
 * when the tagger read it as a person or as MISC.
 */
export function headedOrganizations(tokens: readonly Token[], spans: readonly TaggedSpan[]): TaggedSpan[] {
  return spans.map((s) => {
    if ((s.type !== 'PER' && s.type !== 'MISC') || s.last - s.first < 2 || !builtAsName(tokens, s.first, s.last)) return s;
    const w = lastWord(tokens, s);
    return HEADS.has(w) || SUFFIXES.has(w) ? { ...s, type: 'ORG' as const } : s;
  });
}

/**
 * "South African Breweries Ltd", "British Airways Plc": a demonym tagged MISC right before
 * a company's name that ends with its legal suffix is the first word of that name (a
 * company's registered name is not described, as "the Russian Foreign Ministry" is).
 */
export function demonymCompanies(tokens: readonly Token[], spans: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k]!;
    const b = spans[k + 1];
    if (b && a.type === 'MISC' && b.type === 'ORG' && b.first === a.last && tokens[b.first]!.breaks === 0 && isDemonym(tokens[a.last - 1]!.text.toLowerCase()) && builtAsName(tokens, a.first, a.last) && SUFFIXES.has(lastWord(tokens, b))) {
      out.push({ type: 'ORG', first: a.first, last: b.last });
      k++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Words that join an institution's head to its field or place ("Department of Justice", "Commission on Presidential Debates"). */
const HEAD_LINKS = new Set(['of', 'for', 'on']);
const MAX_RUN = 7;

/**
 * "the Tax Policy Center", "the Senate Intelligence Committee", "the Department of Justice",
 * "the Commission on Presidential Debates": after "the", a run of capitalised words on one
 * line that ends with an institution's head noun, or starts with one joined by "of", "for" or
 * "on" to capitalised words, names an organization. It replaces what the tagger found inside
 * the run (a part of it, or a person or place read in it); a name the tagger ran past the run stays.
 */
export function theInstitutions(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const added: NameSpan[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const the = tokens[i]!.text;
    if (the !== 'the' && the !== 'The') continue;
    const first = i + 1;
    let last = first;
    while (last < tokens.length && last - first < MAX_RUN && (last === first || tokens[last]!.breaks === 0)) {
      const w = tokens[last]!.text;
      if (/^\p{Lu}\p{Ll}/u.test(w) || (/^\p{Lu}{2,}$/u.test(w) && last > first)) last++;
      else if (last > first && (CONNECTORS.has(w) && w !== 'the') && /^\p{Lu}/u.test(tokens[last + 1]?.text ?? '')) last++;
      else break;
    }
    // "the Russian Foreign Ministry": where the tagger read the rest as a name of its own, the demonym
    // before it describes it (as CoNLL reads it); "the Malaysian Meteorological Department" read as one stays one
    let from = first;
    if (last - first > 2 && isDemonym(tokens[first]!.text.toLowerCase()) && spans.some((s) => s.first === first + 1)) from++;
    if (last - from < 2) continue;
    let end = -1;
    if (HEADS.has(tokens[last - 1]!.text)) end = last;
    else if (HEADS.has(tokens[from]!.text) && HEAD_LINKS.has(tokens[from + 1]!.text)) end = last;
    if (end < 0) continue;
    const run: NameSpan = { kind: 'organization', first: from, last: end };
    if (spans.some((s) => s.first < run.last && run.first < s.last && (s.first < run.first || s.last > run.last))) continue;
    if (spans.some((s) => s.first === run.first && s.last === run.last && s.kind === 'organization')) continue;
    added.push(run);
    i = end - 1;
  }
  if (added.length === 0) return spans;
  const kept = spans.filter((s) => !added.some((a) => a.first < s.last && s.first < a.last));
  return [...kept, ...added].sort((a, b) => a.first - b.first);
}
