import agencies from '../../lexicon/agencies.json';
import kinds from '../../lexicon/entity-kinds.json';
import outlets from '../../lexicon/outlets.json';
import titles from '../../lexicon/titles.json';
import speakers from '../../lexicon/speakers.json';
import type { EntityKind } from '../../graph/types.js';
import type { Block } from '../../pipeline/doc.js';
import { modifiesNoun } from '../../text/possessive.js';
import type { Token } from '../../text/tokenize.js';
import { firstNameGender, isDemonym, isKnownPlaceOrOrg } from './features.js';
import { fixSpans } from './spans.js';
import { isCapitalised, isHyphen, textOf } from './token-text.js';
import type { NameSpan } from './name-span.js';
import type { TaggedSpan } from './tagger.js';

export type { NameSpan } from './name-span.js';

const ORGANIZATIONS = new Set(kinds.organizations.map((s) => s.toLowerCase()));
const HEADS = new Set(titles.heads);
const TITLE_MODIFIERS = new Set([...titles.modifiers, ...titles.heads]);
const TITLE_WORDS = new Set([...titles.heads, ...Object.keys(titles.honorifics)]);
/** Given names of the speaker lists (compromise's lexicon knows most others). */
const KNOWN_GIVEN: ReadonlySet<string> = new Set([...speakers.firstNames.male, ...speakers.firstNames.female].map((n) => n.toLowerCase()));
/** Words after a name that make it a publication ("The Atlantic magazine"). */
const PUBLICATION_NOUNS = new Set(['magazine', 'newspaper', 'daily', 'weekly', 'tabloid', 'broadsheet', 'website', 'broadcaster', 'network', 'channel', 'newsletter', 'podcast']);
/** Outlet names of more than one word, by first word ("The Star", "New Straits Times"). */
const OUTLETS = new Map<string, string[][]>();
for (const name of outlets.outlets) {
  const words = name.split(' ');
  if (words.length < 2) continue;
  const list = OUTLETS.get(words[0]!) ?? [];
  list.push(words);
  list.sort((x, y) => y.length - x.length);
  OUTLETS.set(words[0]!, list);
}
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

/** Whether a name is one of the institutions news names on their own ("Senate", "Kremlin"). */
export function isKnownOrganization(name: string): boolean {
  return ORGANIZATIONS.has(name.toLowerCase());
}

/** The agency a name stands for ("Agence France-Presse" → "AFP"), if it is one. */
export function agencyOf(name: string): string | undefined {
  return AGENCY_OF.get(name.toLowerCase().replace(/^the /, ''));
}

/** The agency's other names, for the entity's aliases. */
export function agencyAliases(canonical: string): readonly string[] {
  return AGENCY_LONG.get(canonical) ?? [];
}

/**
 * Turns tagged spans into name mentions: trims what CoNLL spans leave out (a leading
 * "the", a title before a person's name, a possessive or punctuation after), drops
 * MISC and lone demonyms, and gives each its kind: an agency from the agency lexicon,
 * an organization for seats of government ("White House", "Kremlin") and outlets
 * ("The Star", an outlet line of an aggregator page, "The Atlantic magazine"), a
 * person for a name right after a title ("prosecutor Grzegorz Trusiewicz").
 */
export function nameSpans(tokens: readonly Token[], blocks: readonly Block[], tagged: readonly TaggedSpan[]): NameSpan[] {
  const spans = businessNames(tokens, namesAsModifiers(tokens, surnamesArePersons(tokens, partyStates(tokens, transcriptSpeakers(tokens, appositionPersons(tokens, fixSpans(tokens, typedSpans(tokens, tagged))))))));
  const starts = lexiconStarts(tokens);
  return addRepeats(tokens, addAgencies(tokens, starts, addOutlets(tokens, starts, blocks, addBracketed(tokens, addKnownPlaces(tokens, starts, spans)))));
}

/**
 * "Peregrine Attwater-Moss, chief executive of Severnvale Water": a name of two to four
 * capitalised words set off by a comma before a title ("chief executive", "the former
 * minister") is a person's, whatever kind the tagger gave it, unless a lexicon or an
 * organization word says what it is.
 */
function appositionPersons(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
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
function businessNames(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
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
 * US party and state after a lawmaker's name, set off by commas or brackets: ", R-Idaho,",
 * "(D-New York)": the state is a place.
 */
function partyStates(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const added: NameSpan[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.text !== 'R' && t.text !== 'D' && t.text !== 'I') || tokens[i + 1]!.text !== '-' || tokens[i + 1]!.spaceBefore || tokens[i + 2]!.spaceBefore) continue;
    if (tokens[i - 1]!.text !== ',' && tokens[i - 1]!.text !== '(') continue;
    let last = i + 2;
    while (last < tokens.length && last < i + 5 && /^\p{Lu}\p{Ll}+$/u.test(tokens[last]!.text) && tokens[last]!.breaks === 0) last++;
    const end = tokens[last]?.text;
    // a state written out ("R-Idaho,", "(D-New York)"); abbreviations ("D-Calif.", "R-N.J.") and postal codes ("R-IN") are left alone
    if (last === i + 2 || (end !== ',' && end !== ')')) continue;
    added.push({ kind: 'place', first: i + 2, last });
  }
  if (added.length === 0) return spans;
  const kept = spans.filter((s) => !added.some((a) => a.first < s.last && s.first < a.last));
  return [...kept, ...added].sort((a, b) => a.first - b.first);
}

/**
 * A transcript's speaker labels ("WALLACE: But, Governor, …" / "PENCE: Well, …"): a word in
 * capitals followed by a colon that opens two or more paragraphs is a person, whatever the
 * tagger made of it (a dateline, "WARSAW:", opens one paragraph only).
 */
function transcriptSpeakers(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
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

/** What a word can start, by lexicon: one bit each. */
const STARTS_PLACE_NOUN = 1;
const STARTS_LONG_PLACE = 2;
const STARTS_OUTLET = 4;
const STARTS_AGENCY = 8;
const STARTS_UPPER_AGENCY = 16;
let startBits: Map<string, number> | undefined;

/**
 * For each token, the lexicons with an entry that starts with it: one table look-up per
 * token, so that the scans below visit only their candidates.
 */
function lexiconStarts(tokens: readonly Token[]): Uint8Array {
  if (!startBits) {
    const bits = new Map<string, number>();
    const mark = (keys: Iterable<string>, bit: number): void => {
      for (const k of keys) bits.set(k, (bits.get(k) ?? 0) | bit);
    };
    mark(PLACE_NOUNS, STARTS_PLACE_NOUN);
    mark(LONG_PLACES.keys(), STARTS_LONG_PLACE);
    mark(OUTLETS.keys(), STARTS_OUTLET);
    mark(AGENCY_NAMES.keys(), STARTS_AGENCY);
    mark(UPPER_AGENCIES.keys(), STARTS_UPPER_AGENCY);
    startBits = bits;
  }
  const out = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = startBits.get(tokens[i]!.text) ?? 0;
  return out;
}

/**
 * "National Disaster Management Agency (NADMA)", "Malaysian Meteorological Department
 * (MetMalaysia)": a one-word name in brackets right after an organization is its short name.
 */
function addBracketed(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
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
 * A name the tagger found once is the same name elsewhere in the document: where its
 * words stand again untagged ("Trump said" at the start of a sentence, "The FAA
 * declined"), they get the same kind. Persons' surnames count as names of their own.
 * A sentence-initial word the document also writes in lower case is left alone.
 */
/** A name's first word that is no given name and no title, place or organization a lexicon knows: read as a family name. */
function familyNameFirst(word: string): boolean {
  const w = word.toLowerCase();
  return /^\p{Lu}\p{Ll}+$/u.test(word) && firstNameGender(w) === undefined && !KNOWN_GIVEN.has(w) && !TITLE_WORDS.has(w) && !isKnownPlaceOrOrg(w) && !ORGANIZATIONS.has(w) && !PLACE_KEY.has(w);
}

function addRepeats(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  const known = new Map<string, Array<{ words: string[]; kind: EntityKind }>>();
  const remember = (words: string[], kind: EntityKind): void => {
    const list = known.get(words[0]!) ?? [];
    if (list.some((x) => x.words.join(' ') === words.join(' '))) return;
    list.push({ words, kind });
    list.sort((a, b) => b.words.length - a.words.length);
    known.set(words[0]!, list);
  };
  for (const s of spans) {
    if (s.end !== undefined || s.last - s.first > 4) continue;
    const words: string[] = [];
    for (let i = s.first; i < s.last; i++) words.push(tokens[i]!.text);
    if (!isCapitalised(tokens[s.first])) continue;
    remember(words, s.kind);
    if (s.kind === 'person' && s.last - s.first > 1 && isCapitalised(tokens[s.last - 1])) remember([tokens[s.last - 1]!.text], 'person');
    // "Zhuang Wenxiu … Zhuang was quoted as saying": a two-word name whose first word is no given name
    // any list knows has its family name first (Chinese, Korean, Vietnamese, Hungarian order)
    if (s.kind === 'person' && s.last - s.first === 2 && familyNameFirst(tokens[s.first]!.text)) remember([tokens[s.first]!.text], 'person');
  }
  if (known.size === 0) return spans;
  const taken = new Uint8Array(tokens.length);
  for (const s of spans) taken.fill(1, s.first, s.last);
  let lowerSeen: Set<string> | undefined;
  const added: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // every remembered name starts with a capitalised word
    if (taken[i] || !isCapitalised(tokens[i])) continue;
    const list = known.get(tokens[i]!.text);
    if (!list) continue;
    for (const { words, kind } of list) {
      let ok = i + words.length <= tokens.length;
      for (let k = 0; k < words.length && ok; k++) ok = !taken[i + k] && tokens[i + k]!.text === words[k];
      // not inside a longer capitalised run ("Trump Tower"), nor glued to a hyphen
      ok &&= !isCapitalised(tokens[i + words.length]) && !isHyphen(tokens[i + words.length]) && !isHyphen(tokens[i]);
      if (ok && i > 0 && isCapitalised(tokens[i - 1]) && tokens[i - 1]!.breaks === 0 && !/^[.!?:;"']$/.test(tokens[i - 2]?.text ?? '.')) ok = false;
      if (!ok) continue;
      const first = tokens[i]!;
      const initial = i === 0 || first.breaks > 0 || /^[.!?:;"'(\u2013\u2014-]$/.test(tokens[i - 1]!.text);
      if (initial && words.length === 1) {
        lowerSeen ??= new Set(tokens.filter((t) => startsLower(t.text)).map((t) => t.text));
        if (lowerSeen.has(first.text.toLowerCase())) continue;
      }
      added.push({ kind, first: i, last: i + words.length });
      i += words.length - 1;
      break;
    }
  }
  if (added.length === 0) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

/** Starts with a lower-case letter (`/^\p{Ll}/u`, ASCII checked without a regular expression). */
function startsLower(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return /^\p{Ll}/u.test(text);
}

/** Nouns that name the kind of a place before its name: "the village of Przewodow". */
const PLACE_NOUNS = new Set(['village', 'town', 'city', 'region', 'province', 'district', 'county', 'island', 'port', 'capital', 'municipality', 'settlement', 'state', 'hamlet', 'oblast', 'prefecture']);

/**
 * Long names of countries ("Russian Federation", "United Arab Emirates"), and a name
 * after "the village of", "the city of"…, wherever the tagger missed them.
 */
function addKnownPlaces(tokens: readonly Token[], starts: Uint8Array, spans: NameSpan[]): NameSpan[] {
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

function typedSpans(tokens: readonly Token[], tagged: readonly TaggedSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of tagged) {
    let first = s.first;
    let last = s.last;
    while (first < last && LEADING.has(tokens[first]!.text.toLowerCase())) first++;
    if (s.type === 'PER') while (last - first > 1 && TITLE_WORDS.has(tokens[first]!.text.toLowerCase())) first++;
    while (last > first && TRAILING.has(tokens[last - 1]!.text)) last--;
    if (last <= first) continue;
    let personAfterTitle = false;
    if (s.type !== 'PER') {
      // "Federal Councillor Matthias Zwahlen-Oberholzer", "Bank of Korea Governor Yoon
      // Chae-kyung" tagged as one organization: the name after the title is a person,
      // and what stands before the title (other than modifiers) an organization of its own
      for (let k = last - 2; k >= first; k--) {
        if (!HEADS.has(tokens[k]!.text.toLowerCase())) continue;
        if (allTitleCase(tokens, k + 1, last) && (last - k > 2 || firstNameGender(tokens[k + 1]!.text) !== undefined) && !hasOrgWord(tokens, k + 1, last)) {
          let orgEnd = k;
          // "Secretary-General": the title's words, hyphens between them included
          while (orgEnd > first && (TITLE_MODIFIERS.has(tokens[orgEnd - 1]!.text.toLowerCase()) || isHyphen(tokens[orgEnd - 1]))) orgEnd--;
          if (orgEnd - first >= 2 || (orgEnd - first === 1 && /^\p{Lu}{2,}$/u.test(tokens[first]!.text))) out.push({ kind: 'organization', first, last: orgEnd });
          first = k + 1;
          personAfterTitle = true;
        }
        break;
      }
    }
    const text = textOf(tokens, first, last);
    if (last - first === 1 && isDemonym(text.toLowerCase()) && !ORGANIZATIONS.has(text.toLowerCase())) continue;
    if (!/\p{L}/u.test(text)) continue;
    // an agency name tagged as a person or place is one only when it cannot be a
    // surname or a place ("Bloomberg" may be Michael Bloomberg, "AFP" may not)
    const agency = agencyOf(text) !== undefined && (s.type === 'ORG' || s.type === 'MISC' || last - first > 1 || text === text.toUpperCase());
    if (s.type === 'MISC' && !agency) continue;
    let kind: EntityKind = s.type === 'PER' || personAfterTitle ? 'person' : s.type === 'LOC' ? 'place' : 'organization';
    if (agency) kind = 'agency';
    else if (ORGANIZATIONS.has(text.toLowerCase())) kind = 'organization';
    else if (kind === 'organization' && PLACE_KEY.has(normalName(text))) kind = 'place';
    else if (PUBLICATION_NOUNS.has(tokens[last]?.text ?? '')) {
      kind = 'organization';
      if (tokens[first - 1]?.text === 'The') first--;
    } else if (kind !== 'person' && HEADS.has(tokens[first - 1]?.text.toLowerCase() ?? '') && last - first <= 3 && allTitleCase(tokens, first, last) && !hasOrgWord(tokens, first, last)) kind = 'person';
    const tail = tokens[last - 1]!.text;
    const possessive = last - first > 0 && tail.length > 2 && /'s$/i.test(tail);
    out.push(possessive ? { kind, first, last, end: tokens[last - 1]!.end - 2 } : { kind, first, last });
  }
  return out;
}

/** Head words of organization names ("Justice Department"): never part of a person's name. */
const ORG_WORDS = new Set(['department', 'ministry', 'committee', 'court', 'council', 'office', 'agency', 'party', 'bank', 'university', 'college', 'school', 'association', 'commission', 'house', 'service', 'board', 'union', 'company', 'group', 'foundation', 'institute', 'center', 'centre', 'fund', 'force', 'army', 'police', 'times', 'post', 'news', 'network']);
function hasOrgWord(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (ORG_WORDS.has(tokens[i]!.text.toLowerCase())) return true;
  return false;
}

function allTitleCase(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (!/^\p{Lu}\p{Ll}/u.test(t.text) && !(isHyphen(t) && i > first && i + 1 < last)) return false;
  }
  return last > first;
}

/**
 * "waived his Miranda rights", "their Trump signs": a name tagged as a person between a
 * possessive determiner and a lower-case noun modifies that noun and names no one here, so it
 * is no person mention (a pronoun later must not take it for its antecedent).
 */
function namesAsModifiers(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
  return spans.filter((s) => s.kind !== 'person' || !modifiesNoun(tokens, s.first, s.last));
}

/**
 * A lone word tagged as a place or organization that is the surname of a person named
 * in full, and no place or organization any lexicon knows, is that person ("told Trump",
 * "the Trump administration"; "Zhuang Wenxiu … Zhuang said", a family name written first).
 */
function surnamesArePersons(tokens: readonly Token[], spans: NameSpan[]): NameSpan[] {
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

/**
 * Outlets: an outlet line of the page (found by the layout stage) names one, and so do
 * multi-word outlet names in the text; either replaces what the tagger found there.
 */
function addOutlets(tokens: readonly Token[], starts: Uint8Array, blocks: readonly Block[], spans: NameSpan[]): NameSpan[] {
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
function addAgencies(tokens: readonly Token[], starts: Uint8Array, spans: NameSpan[]): NameSpan[] {
  const taken = new Uint8Array(tokens.length);
  for (const s of spans) for (let i = s.first; i < s.last; i++) taken[i] = 1;
  const added: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || (starts[i]! & (STARTS_AGENCY | STARTS_UPPER_AGENCY)) === 0) continue;
    const t = tokens[i]!.text;
    const list = AGENCY_NAMES.get(t) ?? (t.length > 1 && isUpperAscii(t) ? upperAgency(t) : undefined);
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

function isUpperAscii(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
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

/** Country names of more than one word, by first word, as the tokenizer splits them. */
const LONG_PLACES = new Map<string, string[][]>();
for (const group of kinds.placeAliases) {
  for (const n of group) {
    const words = n.replace(/'s\b/g, " 's").split(' ');
    if (words.length < 2 || !/^\p{Lu}/u.test(n)) continue;
    const list = LONG_PLACES.get(words[0]!) ?? [];
    list.push(words);
    list.sort((x, y) => y.length - x.length);
    LONG_PLACES.set(words[0]!, list);
  }
}

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
