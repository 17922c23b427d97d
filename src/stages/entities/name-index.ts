import agencies from '../../lexicon/agencies.json';
import kinds from '../../lexicon/entity-kinds.json';
import outlets from '../../lexicon/outlets.json';
import type { EntityKind } from '../../graph/types.js';
import type { Token } from '../../text/tokenize.js';

/**
 * The entity stage's indexes of places and organizations, built once from the lexicons:
 * institutions news names on their own, agencies, outlets, country names and their
 * aliases, and the head words of organization names.
 */

export const ORGANIZATIONS = new Set(kinds.organizations.map((s) => s.toLowerCase()));

/** Outlet names of more than one word, by first word ("The Star", "New Straits Times"). */
export const OUTLETS = new Map<string, string[][]>();
for (const name of outlets.outlets) {
  const words = name.split(' ');
  if (words.length < 2) continue;
  const list = OUTLETS.get(words[0]!) ?? [];
  list.push(words);
  list.sort((x, y) => y.length - x.length);
  OUTLETS.set(words[0]!, list);
}

export interface AgencyName {
  readonly canonical: string;
  readonly words: readonly string[];
}
/** Agency names by their first word, longest first. */
export const AGENCY_NAMES = new Map<string, AgencyName[]>();
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
/** Agency names by their first word in capitals ("REUTERS"). */
export const UPPER_AGENCIES = new Map<string, AgencyName[]>();
for (const [first, list] of AGENCY_NAMES) UPPER_AGENCIES.set(first.toUpperCase(), list);

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

/** Canonical keys of place names that stand for the same place ("U.S." and "United States"). */
export const PLACE_KEY = new Map<string, string>();
for (const group of kinds.placeAliases) for (const n of group) PLACE_KEY.set(normalName(n), normalName(group[0]!));

/** Country names of more than one word, by first word, as the tokenizer splits them. */
export const LONG_PLACES = new Map<string, string[][]>();
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

/** Nouns that name the kind of a place before its name: "the village of Przewodow". */
export const PLACE_NOUNS = new Set(['village', 'town', 'city', 'region', 'province', 'district', 'county', 'island', 'port', 'capital', 'municipality', 'settlement', 'state', 'hamlet', 'oblast', 'prefecture']);

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

/** Head words of organization names ("Justice Department"): never part of a person's name. */
const ORG_WORDS = new Set(['department', 'ministry', 'committee', 'court', 'council', 'office', 'agency', 'party', 'bank', 'university', 'college', 'school', 'association', 'commission', 'house', 'service', 'board', 'union', 'company', 'group', 'foundation', 'institute', 'center', 'centre', 'fund', 'force', 'army', 'police', 'times', 'post', 'news', 'network']);
export function hasOrgWord(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (ORG_WORDS.has(tokens[i]!.text.toLowerCase())) return true;
  return false;
}

/** What a word can start, by lexicon: one bit each. */
export const STARTS_PLACE_NOUN = 1;
export const STARTS_LONG_PLACE = 2;
export const STARTS_OUTLET = 4;
export const STARTS_AGENCY = 8;
export const STARTS_UPPER_AGENCY = 16;
let startBits: Map<string, number> | undefined;

/**
 * For each token, the lexicons with an entry that starts with it: one table look-up per
 * token, so that the scans over lexicon names visit only their candidates.
 */
export function lexiconStarts(tokens: readonly Token[]): Uint8Array {
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
