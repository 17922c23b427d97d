import speakers from '../../lexicon/speakers.json';
import titles from '../../lexicon/titles.json';
import { modifiesNoun } from '../../text/possessive.js';
import type { Token } from '../../text/tokenize.js';
import { firstNameGender, isKnownPlaceOrOrg } from './features.js';
import { agencyOf, hasOrgWord, normalName, ORGANIZATIONS, PLACE_KEY } from './name-index.js';
import type { NameSpan } from './name-span.js';
import { allTitleCase, isUpperAscii, textOf } from './token-text.js';

/**
 * Rules that tell a person's name from what the tagger made of it: the title after a
 * name, a transcript's speaker labels, a surname standing alone, a first name in a
 * business's name, a name that only modifies a noun.
 */

const HEADS = new Set(titles.heads);
const TITLE_MODIFIERS = new Set([...titles.modifiers, ...titles.heads]);
const TITLE_WORDS = new Set([...titles.heads, ...Object.keys(titles.honorifics)]);
/** Given names of the speaker lists (compromise's lexicon knows most others). */
const KNOWN_GIVEN: ReadonlySet<string> = new Set([...speakers.firstNames.male, ...speakers.firstNames.female].map((n) => n.toLowerCase()));

/**
 * "Peregrine Attwater-Moss, chief executive of Severnvale Water": a name of two to four
 * capitalised words set off by a comma before a title ("chief executive", "the former
 * minister") is a person's, whatever kind the tagger gave it, unless a lexicon or an
 * organization word says what it is.
 */
export function appositionPersons(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  return spans.map((s) => {
    if (s.kind !== 'organization' && s.kind !== 'place') return s;
    const n = s.last - s.first;
    if (n < 2 || n > 4 || tokens[s.last]?.text !== ',' || !allTitleCase(tokens, s.first, s.last) || hasOrgWord(tokens, s.first, s.last)) return s;
    const text = textOf(tokens, s.first, s.last);
    if (ORGANIZATIONS.has(text.toLowerCase()) || PLACE_KEY.has(normalName(text)) || agencyOf(text) !== undefined) return s;
    for (let i = s.first; i < s.last; i++) if (isKnownPlaceOrOrg(tokens[i]!.text.toLowerCase())) return s;
    for (let k = s.last + 1; k < s.last + 5 && tokens[k]; k++) {
      const w = tokens[k]!.text;
      if (!/^\p{Ll}/u.test(w)) break;
      if (HEADS.has(w)) return { ...s, kind: 'person' as const };
      if (!/^(the|a|an|former|then)$/.test(w) && !TITLE_MODIFIERS.has(w)) break;
    }
    return s;
  });
}

/**
 * "Joe's Pizza", "Denny's Diner": a first name alone in the possessive, right before a
 * one-word organization name, is part of a business's name, not a person.
 */
export function businessNames(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k]!;
    const b = spans[k + 1];
    const word = tokens[a.first]!;
    const apostrophe = a.first + 1;
    if (b && a.kind === 'person' && b.kind === 'organization' && tokens[apostrophe]?.text === "'s" && (a.last === a.first + 1 || a.last === apostrophe + 1) && b.first === apostrophe + 1 && b.last === b.first + 1 && tokens[b.first]!.spaceBefore && firstNameGender(word.text) !== undefined) {
      out.push({ kind: 'organization', first: a.first, last: b.last });
      k++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * A transcript's speaker labels ("WALLACE: But, Governor, …" / "PENCE: Well, …"): a word in
 * capitals followed by a colon that opens two or more paragraphs is a person, whatever the
 * tagger made of it (a dateline, "WARSAW:", opens one paragraph only).
 */
export function transcriptSpeakers(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const opens = new Map<string, number[]>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (tokens[i + 1]!.text !== ':' || t.text.length < 2 || !isUpperAscii(t.text)) continue;
    // at a paragraph's start, or after the quotation mark that opens it ("\"WALLACE: …")
    const prev = tokens[i - 1];
    const opensParagraph = i === 0 || t.breaks > 0 || (prev !== undefined && /^["\u201c]$/.test(prev.text) && (i === 1 || prev.breaks > 0));
    if (!opensParagraph) continue;
    const at = opens.get(t.text) ?? [];
    at.push(i);
    opens.set(t.text, at);
  }
  const labels: number[] = [];
  for (const at of opens.values()) if (at.length >= 2) labels.push(...at);
  if (labels.length === 0) return spans;
  const kept = spans.filter((s) => !labels.some((i) => s.first <= i && i < s.last));
  return [...kept, ...labels.map((i): NameSpan => ({ kind: 'person', first: i, last: i + 1 }))].sort((a, b) => a.first - b.first);
}

/** A name's first word that is no given name and no title, place or organization a lexicon knows: read as a family name. */
export function familyNameFirst(word: string): boolean {
  const w = word.toLowerCase();
  return /^\p{Lu}\p{Ll}+$/u.test(word) && firstNameGender(w) === undefined && !KNOWN_GIVEN.has(w) && !TITLE_WORDS.has(w) && !isKnownPlaceOrOrg(w) && !ORGANIZATIONS.has(w) && !PLACE_KEY.has(w);
}

/**
 * "waived his Miranda rights", "their Trump signs": a name tagged as a person between a
 * possessive determiner and a lower-case noun modifies that noun and names no one here, so it
 * is no person mention (a pronoun later must not take it for its antecedent).
 */
export function namesAsModifiers(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  return spans.filter((s) => s.kind !== 'person' || !modifiesNoun(tokens, s.first, s.last));
}

/**
 * A lone word tagged as a place or organization that is the surname of a person named
 * in full, and no place or organization any lexicon knows, is that person ("told Trump",
 * "the Trump administration"; "Zhuang Wenxiu … Zhuang said", a family name written first).
 */
export function surnamesArePersons(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const surnames = new Set<string>();
  for (const s of spans) {
    if (s.kind !== 'person' || s.last - s.first < 2) continue;
    surnames.add(tokens[s.last - 1]!.text.toLowerCase());
    if (s.last - s.first === 2 && familyNameFirst(tokens[s.first]!.text)) surnames.add(tokens[s.first]!.text.toLowerCase());
  }
  if (surnames.size === 0) return spans;
  return spans.map((s) => {
    if (s.last - s.first !== 1 || (s.kind !== 'place' && s.kind !== 'organization')) return s;
    const w = tokens[s.first]!.text.toLowerCase();
    return surnames.has(w) && !ORGANIZATIONS.has(w) && !PLACE_KEY.has(w) && !isKnownPlaceOrOrg(w) ? { ...s, kind: 'person' as const } : s;
  });
}
