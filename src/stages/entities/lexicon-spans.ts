import type { Block } from '../../pipeline/doc.js';
import type { Token } from '../../text/tokenize.js';
import { AGENCY_NAMES, LONG_PLACES, OUTLETS, PLACE_NOUNS, STARTS_AGENCY, STARTS_LONG_PLACE, STARTS_OUTLET, STARTS_PLACE_NOUN, STARTS_UPPER_AGENCY, UPPER_AGENCIES, type AgencyName } from './name-index.js';
import type { NameSpan } from './name-span.js';
import { isCapitalised, isUpperAscii } from './token-text.js';

/**
 * Names the lexicons find where the tagger missed them or read them wrong: long country
 * names and "the village of …", outlets, agencies, and an organization's short name in
 * brackets. `starts` is `lexiconStarts(tokens)`.
 */

/**
 * Long names of countries ("Russian Federation", "United Arab Emirates"), and a name
 * after "the village of", "the city of"…, wherever the tagger missed them.
 */
export function addKnownPlaces(tokens: readonly Token[], starts: Uint8Array, spans: NameSpan[]): NameSpan[] {
  const taken = new Uint8Array(tokens.length);
  for (const s of spans) taken.fill(1, s.first, s.last);
  const added: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || (starts[i]! & (STARTS_PLACE_NOUN | STARTS_LONG_PLACE)) === 0) continue;
    if (PLACE_NOUNS.has(tokens[i]!.text) && tokens[i + 1]?.text === 'of' && isCapitalised(tokens[i + 2]) && !taken[i + 2]) {
      let last = i + 2;
      while (last < tokens.length && last < i + 5 && isCapitalised(tokens[last]) && !taken[last] && tokens[last]!.breaks === 0) last++;
      added.push({ kind: 'place', first: i + 2, last });
      i = last - 1;
      continue;
    }
    const list = LONG_PLACES.get(tokens[i]!.text);
    if (!list) continue;
    for (const words of list) {
      let ok = i + words.length <= tokens.length;
      for (let k = 0; k < words.length && ok; k++) ok = tokens[i + k]!.text === words[k];
      if (!ok) continue;
      const match: NameSpan = { kind: 'place', first: i, last: i + words.length };
      // a longer name holding it stays ("Bank of the Russian Federation"); a piece of it goes
      if (!spans.some((s) => s.first <= match.first && s.last >= match.last)) added.push(match);
      i += words.length - 1;
      break;
    }
  }
  if (added.length === 0) return spans;
  const kept = spans.filter((s) => !added.some((a) => a.first < s.last && s.first < a.last));
  return [...kept, ...added].sort((a, b) => a.first - b.first);
}

/**
 * "National Disaster Management Agency (NADMA)", "Malaysian Meteorological Department
 * (MetMalaysia)": a one-word name in brackets right after an organization is its short name.
 */
export function addBracketed(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const added: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const next = spans[k + 1];
    const i = s.last + 1;
    if (s.kind !== 'organization' || tokens[s.last]?.text !== '(' || tokens[i + 1]?.text !== ')') continue;
    if (next && next.first <= i) continue;
    if (/^\p{Lu}[\p{Lu}\p{Ll}&.-]{1,15}$/u.test(tokens[i]!.text) && /\p{Lu}.*\p{Lu}/u.test(tokens[i]!.text)) added.push({ kind: s.kind, first: i, last: i + 1 });
  }
  if (added.length === 0) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

/**
 * Outlets: an outlet line of the page (found by the layout stage) names one, and so do
 * multi-word outlet names in the text; either replaces what the tagger found there.
 */
export function addOutlets(tokens: readonly Token[], starts: Uint8Array, blocks: readonly Block[], spans: NameSpan[]): NameSpan[] {
  const found: NameSpan[] = [];
  for (const b of blocks) {
    if (b.kind !== 'outlet') continue;
    let first = b.first;
    while (first < b.last && !/\p{L}/u.test(tokens[first]!.text)) first++;
    if (first < b.last) found.push({ kind: 'organization', first, last: b.last });
  }
  for (let i = 0; i < tokens.length; i++) {
    if ((starts[i]! & STARTS_OUTLET) === 0) continue;
    const list = OUTLETS.get(tokens[i]!.text);
    if (!list) continue;
    for (const words of list) {
      let ok = i + words.length <= tokens.length;
      for (let k = 0; k < words.length && ok; k++) ok = tokens[i + k]!.text === words[k];
      if (!ok) continue;
      if (!found.some((f) => f.first <= i && i < f.last)) found.push({ kind: 'organization', first: i, last: i + words.length });
      i += words.length - 1;
      break;
    }
  }
  if (found.length === 0) return spans;
  const kept = spans.filter((s) => !found.some((f) => f.first < s.last && s.first < f.last));
  return [...kept, ...found].sort((a, b) => a.first - b.first);
}

/**
 * Agency names the tagger missed ("(Reuters)", "- AFP"): a case-exact match of a name in
 * the lexicon (or of its capitals, "REUTERS") where no other mention stands.
 */
export function addAgencies(tokens: readonly Token[], starts: Uint8Array, spans: NameSpan[]): NameSpan[] {
  const taken = new Uint8Array(tokens.length);
  for (const s of spans) for (let i = s.first; i < s.last; i++) taken[i] = 1;
  const added: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || (starts[i]! & (STARTS_AGENCY | STARTS_UPPER_AGENCY)) === 0) continue;
    const t = tokens[i]!.text;
    const list: AgencyName[] | undefined = AGENCY_NAMES.get(t) ?? (t.length > 1 && isUpperAscii(t) ? UPPER_AGENCIES.get(t) : undefined);
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
