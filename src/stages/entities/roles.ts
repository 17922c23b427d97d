import titles from '../../lexicon/titles.json';
import { PROPER_TITLE_WORDS, SPELLED_OUT_TITLES } from '../../lexicon/titles.js';
import type { Gender } from '../../model/mentions.js';
import type { Token } from '../../text/tokenize.js';
import { isDemonym } from './features.js';

const HEADS = new Set(titles.heads);
const MODIFIERS = new Set(titles.modifiers);
const HONORIFICS = new Map(Object.entries(titles.honorifics) as Array<[string, Gender]>);
const GENDERED = new Map(Object.entries(titles.gendered) as Array<[string, Gender]>);
const DETERMINERS = new Set(['the', 'a', 'an']);
/** Words that end an apposition's role phrase. */
const APPOSITION_END = new Set([',', '.', ';', ':', ')', '"', '--', '\u2013', '\u2014', '!', '?']);

/** What the words around a person's name tell about them. */
export interface PersonFacts {
  readonly roles: string[];
  gender?: Gender;
}

const isAcronym = (w: string): boolean => w.length >= 2 && w.length <= 6 && /^[A-Z][A-Z.&]*$/.test(w);

/** A word of a role phrase as the role is written: common words in lower case, names as they are. */
function roleWord(w: string): string {
  const lower = w.toLowerCase();
  if (isAcronym(w) || isDemonym(lower) || PROPER_TITLE_WORDS.has(lower)) return w;
  const spelled = SPELLED_OUT_TITLES.get(lower);
  if (spelled !== undefined) return spelled;
  if (HEADS.has(lower) || MODIFIERS.has(lower) || DETERMINERS.has(lower)) return lower;
  return w;
}

const roleWordOk = (w: string): boolean => {
  const lower = w.toLowerCase();
  return HEADS.has(lower) || MODIFIERS.has(lower) || isAcronym(w) || isDemonym(lower) || lower === 'of' || lower === "'s";
};

/**
 * Roles from the title before a name ("Regional prosecutor Grzegorz Trusiewicz",
 * "US President Donald Trump") and from an apposition after it ("William Burns, former
 * CIA director and veteran US diplomat,"); gender from an honorific or a gendered title.
 */
export function personFacts(tokens: readonly Token[], first: number, last: number, from: number, to: number): PersonFacts {
  const facts: PersonFacts = { roles: [] };
  // the title before the name: a head word right before it, with its modifiers
  let i = first - 1;
  const honorific = i >= from ? HONORIFICS.get(tokens[i]!.text.toLowerCase()) : undefined;
  if (honorific !== undefined) {
    if (honorific !== 'unknown') facts.gender = honorific;
    i--;
  }
  if (i >= from && HEADS.has(tokens[i]!.text.toLowerCase()) && tokens[i + 1]!.breaks === 0) {
    let j = i;
    while (j - 1 >= from && tokens[j]!.breaks === 0 && roleWordOk(tokens[j - 1]!.text) && tokens[j - 1]!.text.toLowerCase() !== 'of') j--;
    // a phrase starts at its first modifier or head, never at "'s"
    while (j < i && tokens[j]!.text === "'s") j++;
    addRole(facts, tokens, j, i + 1);
  }
  // an apposition after the name: ", former CIA director and veteran US diplomat,"
  if (last < to && tokens[last]!.text === ',') {
    let end = last + 1;
    while (end < to && !APPOSITION_END.has(tokens[end]!.text) && end - last <= 12) end++;
    const closes = end >= to || APPOSITION_END.has(tokens[end]!.text);
    if (closes && end > last + 1) {
      let start = last + 1;
      let k = start;
      for (; k <= end; k++) {
        if (k < end && tokens[k]!.text.toLowerCase() !== 'and') continue;
        appositionPart(facts, tokens, start, k);
        start = k + 1;
      }
    }
  }
  return facts;
}

/** One conjunct of an apposition, kept when it is a role phrase ending in a head word. */
function appositionPart(facts: PersonFacts, tokens: readonly Token[], from: number, to: number): void {
  let a = from;
  while (a < to && DETERMINERS.has(tokens[a]!.text.toLowerCase())) a++;
  if (a >= to) return;
  // the head is the last word, or the word before "of ..." ("secretary of state")
  let head = to - 1;
  for (let k = a; k < to; k++) if (tokens[k]!.text.toLowerCase() === 'of') { head = k - 1; break; }
  if (head < a || !HEADS.has(tokens[head]!.text.toLowerCase())) return;
  for (let k = a; k < to; k++) {
    const w = tokens[k]!.text;
    // every word before the head must read as part of a title (no verbs, no clauses)
    if (k < head && !roleWordOk(w) && !/^[A-Z]/.test(w) && !/^(veteran|longtime|long-time|top|leading|senior|former)$/i.test(w)) return;
  }
  addRole(facts, tokens, a, to);
}

function addRole(facts: PersonFacts, tokens: readonly Token[], from: number, to: number): void {
  const words: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const w = roleWord(t.text);
    if (words.length > 0 && !t.spaceBefore) words[words.length - 1] += w;
    else words.push(w);
  }
  const role = words.join(' ');
  if (role.length === 0) return;
  if (!facts.roles.includes(role)) facts.roles.push(role);
  const head = tokens[to - 1]!.text.toLowerCase();
  const g = GENDERED.get(head);
  if (g !== undefined && facts.gender === undefined) facts.gender = g;
}
