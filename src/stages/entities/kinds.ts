import agencies from '../../lexicon/agencies.json';
import kinds from '../../lexicon/entity-kinds.json';
import titles from '../../lexicon/titles.json';
import type { EntityKind } from '../../graph/types.js';
import type { Token } from '../../text/tokenize.js';
import { isDemonym } from './features.js';
import type { TaggedSpan } from './tagger.js';

/** A name mention as the stage will write it. */
export interface NameSpan {
  readonly kind: EntityKind;
  readonly first: number;
  readonly last: number;
}

const ORGANIZATIONS = new Set(kinds.organizations.map((s) => s.toLowerCase()));
const TITLE_WORDS = new Set([...titles.heads, ...Object.keys(titles.honorifics)]);
const TRAILING = new Set(["'s", "'", '.', ',', ':', ';', '-', '--', '(', ')', '"', '!', '?']);
const LEADING = new Set(['the', '"', "'", '(', '-', '--', '\u2013', '\u2014', ',', ':']);

interface AgencyName {
  readonly canonical: string;
  readonly words: readonly string[];
}
/** Agency names by their first word, longest first. */
const AGENCY_NAMES = new Map<string, AgencyName[]>();
const AGENCY_OF = new Map<string, string>();
const AGENCY_LONG = new Map<string, string[]>();
for (const a of agencies.agencies) {
  AGENCY_LONG.set(a.name, a.names.filter((n) => n !== a.name && n.toUpperCase() !== a.name.toUpperCase()));
  for (const n of a.names) {
    AGENCY_OF.set(n.toLowerCase(), a.name);
    const words = n.split(' ');
    const list = AGENCY_NAMES.get(words[0]!) ?? [];
    list.push({ canonical: a.name, words });
    list.sort((x, y) => y.words.length - x.words.length);
    AGENCY_NAMES.set(words[0]!, list);
  }
}

/** The agency a name stands for ("Agence France-Presse" → "AFP"), if it is one. */
export function agencyOf(name: string): string | undefined {
  return AGENCY_OF.get(name.toLowerCase().replace(/^the /, ''));
}

/** The agency's other names, for the entity's aliases. */
export function agencyAliases(canonical: string): readonly string[] {
  return AGENCY_LONG.get(canonical) ?? [];
}

const textOf = (tokens: readonly Token[], first: number, last: number): string => {
  let s = '';
  for (let i = first; i < last; i++) s += (i > first && tokens[i]!.spaceBefore ? ' ' : '') + tokens[i]!.text;
  return s;
};

/**
 * Turns tagged spans into name mentions: trims what CoNLL spans leave out (a leading
 * "the", a title before a person's name, a possessive or punctuation after), drops
 * MISC and lone demonyms, and gives each its kind: an agency from the agency lexicon,
 * an organization for seats of government ("White House", "Kremlin").
 */
export function nameSpans(tokens: readonly Token[], tagged: readonly TaggedSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of tagged) {
    let first = s.first;
    let last = s.last;
    while (first < last && LEADING.has(tokens[first]!.text.toLowerCase())) first++;
    if (s.type === 'PER') while (last - first > 1 && TITLE_WORDS.has(tokens[first]!.text.toLowerCase())) first++;
    while (last > first && TRAILING.has(tokens[last - 1]!.text)) last--;
    if (last <= first) continue;
    const text = textOf(tokens, first, last);
    if (last - first === 1 && isDemonym(text.toLowerCase()) && !ORGANIZATIONS.has(text.toLowerCase())) continue;
    if (!/\p{L}/u.test(text)) continue;
    // an agency name tagged as a person or place is one only when it cannot be a
    // surname or a place ("Bloomberg" may be Michael Bloomberg, "AFP" may not)
    const agency = agencyOf(text) !== undefined && (s.type === 'ORG' || s.type === 'MISC' || last - first > 1 || text === text.toUpperCase());
    if (s.type === 'MISC' && !agency) continue;
    let kind: EntityKind = s.type === 'PER' ? 'person' : s.type === 'LOC' ? 'place' : 'organization';
    if (agency) kind = 'agency';
    else if (ORGANIZATIONS.has(text.toLowerCase())) kind = 'organization';
    out.push({ kind, first, last });
  }
  return addAgencies(tokens, out);
}

/**
 * Agency names the tagger missed ("(Reuters)", "- AFP"): a case-exact match of a name in
 * the lexicon (or of its capitals, "REUTERS") where no other mention stands.
 */
function addAgencies(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const taken = new Uint8Array(tokens.length);
  for (const s of spans) for (let i = s.first; i < s.last; i++) taken[i] = 1;
  const added: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const t = tokens[i]!.text;
    const list = AGENCY_NAMES.get(t) ?? (t.length > 1 && t === t.toUpperCase() ? upperAgency(t) : undefined);
    if (!list) continue;
    for (const name of list) {
      const n = name.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const tok = tokens[i + k]!.text;
        ok = !taken[i + k] && (tok === name.words[k] || tok === name.words[k]!.toUpperCase());
      }
      if (!ok) continue;
      if (n === 1 && t.length <= 2 && !creditContext(tokens, i)) continue;
      added.push({ kind: 'agency', first: i, last: i + n });
      i += n - 1;
      break;
    }
  }
  if (added.length === 0) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

const OPENERS = new Set(['(', '-', '--', '\u2013', '\u2014', '/', '|']);
/** A two-letter agency ("AP", "PA") counts only where a credit stands: "(AP)", "- AP", a line of its own. */
function creditContext(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return prev === undefined || OPENERS.has(prev.text) || tokens[i]!.breaks > 0 || next?.text === ')';
}

const UPPER_AGENCIES = new Map<string, AgencyName[]>();
for (const [first, list] of AGENCY_NAMES) UPPER_AGENCIES.set(first.toUpperCase(), list);
function upperAgency(t: string): AgencyName[] | undefined {
  return UPPER_AGENCIES.get(t);
}

/** Canonical keys of place names that stand for the same place ("U.S." and "United States"). */
const PLACE_KEY = new Map<string, string>();
for (const group of kinds.placeAliases) for (const n of group) PLACE_KEY.set(normalName(n), normalName(group[0]!));

/** Lower case, no leading "the", no full stops, single spaces. */
export function normalName(s: string): string {
  return s.toLowerCase().replace(/^the\s+/, '').replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/** The key under which place or organization names are merged. */
export function nameKey(kind: EntityKind, text: string): string {
  const n = normalName(text);
  if (kind === 'agency') return agencyOf(text) ?? n;
  return PLACE_KEY.get(n) ?? n;
}
