import titles from '../../lexicon/titles.json';
import words from '../../lexicon/attribution-words.json';
import { POSSESSIVE_DETERMINERS } from '../../text/possessive.js';
import type { Token } from '../../text/tokenize.js';
import { MONTH_WORDS } from '../../lexicon/months.js';
import { WEEKDAY_NAMES } from '../../lexicon/weekdays.js';
import { NAME_PARTICLES, quoteLexicon, type QuoteLexicon } from './lexicon.js';

/** Token-level tests and noun-phrase walkers shared by the attribution and speaker code. */

export const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');
export const isCapitalized = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text);
export const isAllCaps = (t: Token | undefined): boolean => t !== undefined && /^[A-Z][A-Z.&-]+$/.test(t.text);
export const isDash = (t: Token | undefined): boolean => t !== undefined && /^(-|--|\u2013|\u2014|\u2015)$/.test(t.text);
export const isMark = (t: Token | undefined): boolean => t !== undefined && (t.text === '"' || t.text === "'");

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who']);
const DETERMINERS: ReadonlySet<string> = new Set(words.determiners);
const WEEKDAYS: ReadonlySet<string> = new Set(WEEKDAY_NAMES);
const TIME_WORDS: ReadonlySet<string> = new Set(words.skipped);

/** Quantifiers that take a share of a group: "most of them", "two of those". */
export const QUANTIFIERS: ReadonlySet<string> = new Set(words.quantifiers);
const GROUP_PRONOUNS = new Set(['them', 'us', 'those', 'whom']);
/** Titles a phrase may end with ("the chief"), from the titles lexicon. */
const TITLE_HEADS: ReadonlySet<string> = new Set(titles.heads);

const REFLEXIVES = new Set(['himself', 'herself', 'itself', 'themselves', 'ourselves', 'myself']);

export const isWeekdayOrMonth = (t: Token | undefined): boolean => t !== undefined && (WEEKDAYS.has(lower(t)) || MONTH_WORDS.has(lower(t)));
export const isPossessive = (t: Token | undefined): boolean => t !== undefined && POSSESSIVE_DETERMINERS.has(lower(t));
export const isSubjectPronoun = (t: Token | undefined): boolean => t !== undefined && SUBJECT_PRONOUNS.has(lower(t));

/** Whether a token can be part of a noun phrase's body (not its determiner). */
function nounish(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind !== 'word' && t.kind !== 'number' && t.kind !== 'decade' && t.kind !== 'ordinal') return false;
  if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM') return true;
  // wink tags some capitalised words in titles as other parts of speech
  return isCapitalized(t) && t.pos !== 'PRON' && t.pos !== 'DET' && t.pos !== 'ADP' && t.pos !== 'CCONJ' && t.pos !== 'SCONJ' && t.pos !== 'AUX';
}

function modifier(t: Token | undefined): boolean {
  return t !== undefined && (nounish(t) || t.pos === 'ADJ' || /'s$/.test(t.text) || t.text === "'s");
}

/**
 * The noun phrase that ends at token `j` (inclusive), reading leftwards no further than
 * `lo`: "the foreign minister", "Regional prosecutor Grzegorz Trusiewicz", "a spokesman
 * for the ministry", "he". Returns `[first, last)` or undefined.
 */
export function nounPhraseEndingAt(tokens: readonly Token[], j: number, lo: number): [number, number] | undefined {
  const t = tokens[j];
  if (!t || j < lo) return undefined;
  if (isSubjectPronoun(t)) return [j, j + 1];
  // "most of them", "many of those", "all of us": a share of a group already named
  if (GROUP_PRONOUNS.has(lower(t)) && j - 2 >= lo && lower(tokens[j - 1]) === 'of' && QUANTIFIERS.has(lower(tokens[j - 2]))) return [j - 2, j + 1];
  // "42% say …", "nine out of 10 say …": a share of those asked
  if (t.text === '%' && tokens[j - 1]?.pos === 'NUM' && j - 1 >= lo) return [j - 1, j + 1];
  if (t.pos === 'NUM' && j - 3 >= lo && lower(tokens[j - 1]) === 'of' && lower(tokens[j - 2]) === 'out' && tokens[j - 3]!.pos === 'NUM') return [j - 3, j + 1];
  // "The chief said …": a title the tagger read as an adjective, after a determiner
  if (!nounish(t) && t.pos === 'ADJ' && j - 1 >= lo && lower(tokens[j - 1]) === 'the' && TITLE_HEADS.has(lower(t))) return [j - 1, j + 1];
  if (!nounish(t)) return undefined;
  // "one in three", "two out of five"
  if (t.pos === 'NUM' && j - 2 >= lo && /^(in|of)$/.test(lower(tokens[j - 1])) && tokens[j - 2]!.pos === 'NUM') return [j - 2, j + 1];
  let f = j;
  while (f - 1 >= lo && j - f < 10) {
    const p = tokens[f - 1]!;
    const cur = tokens[f]!;
    if (modifier(p)) { f--; continue; }
    // a word mis-tagged as a verb between a determiner and the noun ("its lead sponsor")
    if (p.pos === 'VERB' && f - 2 >= lo && (DETERMINERS.has(lower(tokens[f - 2])) || POSSESSIVE_DETERMINERS.has(lower(tokens[f - 2])))) { f--; continue; }
    // initials and hyphenated names: "J. R. Smith", "Putin-Zelensky"
    if ((p.text === '-' || p.text === '.') && !cur.spaceBefore && f - 2 >= lo && !p.spaceBefore && modifier(tokens[f - 2])) { f -= 2; continue; }
    if (NAME_PARTICLES.has(p.text) && isCapitalized(cur) && f - 2 >= lo && isCapitalized(tokens[f - 2])) { f -= 2; continue; }
    // "the Department of Health and Human Services": "and" inside a body's name
    if (f - 2 >= lo && andInName(tokens, f - 1, j + 1)) { f -= 2; continue; }
    if (DETERMINERS.has(lower(p)) || POSSESSIVE_DETERMINERS.has(lower(p))) {
      f--;
      // "a spokesman for the ministry": the determiner may open the object of "of"/"for"
      const of = tokens[f - 1];
      if (f - 2 >= lo && (lower(of) === 'of' || lower(of) === 'for') && nounish(tokens[f - 2])) { f -= 2; continue; }
      break;
    }
    if ((lower(p) === 'of' || lower(p) === 'for' || (lower(p) === 'in' && f - 2 >= lo && tokens[f - 2]!.pos === 'NOUN' && /s$/.test(tokens[f - 2]!.text))) && f - 2 >= lo && nounish(tokens[f - 2]) && nounish(cur)) { f -= 2; continue; }
    break;
  }
  return [f, j + 1];
}

/** The noun phrase that starts at token `i`, reading rightwards before `hi`. */
export function nounPhraseStartingAt(tokens: readonly Token[], i: number, hi: number): [number, number] | undefined {
  const t = tokens[i];
  if (!t || i >= hi) return undefined;
  if (isSubjectPronoun(t) && lower(t) !== 'who') return [i, i + 1];
  let k = i;
  if (DETERMINERS.has(lower(t)) || POSSESSIVE_DETERMINERS.has(lower(t))) k++;
  let lastNoun = -1;
  while (k < hi && k - i < 10) {
    const c = tokens[k]!;
    if (nounish(c)) { lastNoun = k; k++; continue; }
    if (c.pos === 'ADJ' || /'s$/.test(c.text)) { k++; continue; }
    // a participle used as an adjective before a noun: "one unaligned Florida strategist", "a retired general"
    if (c.pos === 'VERB' && lastNoun < 0 && /(ed|ing|en)$/.test(c.text) && k > i && nounish(tokens[k + 1]) && k + 1 < hi) { k++; continue; }
    if ((c.text === '.' || c.text === '-') && !c.spaceBefore && lastNoun === k - 1 && tokens[k + 1] !== undefined && !tokens[k + 1]!.spaceBefore) {
      // "J. R. Smith", "Okafor-Lindqvist", "the 46-year-old"
      if (nounish(tokens[k + 1])) { k++; continue; }
      if (c.text === '-' && tokens[k + 1]!.pos === 'ADJ') { lastNoun = k + 1; k += 2; continue; }
    }
    if (NAME_PARTICLES.has(c.text) && lastNoun === k - 1 && isCapitalized(tokens[k + 1])) { k++; continue; }
    // "the Disaster and Emergency Management Authority": "and" inside a body's name
    if (lastNoun === k - 1 && andInName(tokens, k, hi)) { k++; continue; }
    if ((lower(c) === 'of' || lower(c) === 'for') && lastNoun === k - 1 && k + 1 < hi) {
      const sub = nounPhraseStartingAt(tokens, k + 1, hi);
      if (sub) { k = sub[1]; lastNoun = k - 1; }
      break;
    }
    break;
  }
  return lastNoun >= 0 ? [i, lastNoun + 1] : undefined;
}

/**
 * Whether the "and" (or "&") at `k` joins two parts of one body's name: capitalised words on
 * both sides, and either a body's word and "of" before them ("Department of Forestry and Fire
 * Protection") or the words after it ending (before `hi`) in a body's word ("Authority",
 * "Services") with the words before it opened by "the", "of" or a possessive. "Britain and
 * European Union officials" is two.
 */
function andInName(tokens: readonly Token[], k: number, hi: number): boolean {
  if (!/^(and|&)$/.test(lower(tokens[k])) || !isCapitalized(tokens[k - 1]) || !isCapitalized(tokens[k + 1])) return false;
  const bodies = quoteLexicon().orgSuffixes;
  let b = k - 1;
  while (b > 0 && k - b < 5 && isCapitalized(tokens[b - 1])) b--;
  const before = tokens[b - 1];
  // "the California Department of Forestry and Fire Protection": the body's word comes before "of"
  if (lower(before) === 'of' && bodies.has(tokens[b - 2]?.text ?? '')) return true;
  let m = k + 1;
  while (m < hi && m < k + 6 && isCapitalized(tokens[m])) m++;
  if (!bodies.has(tokens[m - 1]!.text)) return false;
  return before !== undefined && (/^(the|of|for)$/.test(lower(before)) || before.text === "'s" || /'s$/.test(before.text));
}

/**
 * Skips leftwards over adverbs, auxiliaries and time words that may stand between a
 * speaker and the cue ("Lavrov further commented", "Britain on Wednesday said",
 * "he has also said"). Returns the index of the token before them.
 */
export function skipLeftAdverbials(tokens: readonly Token[], j: number, lo: number): number {
  let k = j;
  let n = 0;
  while (k >= lo && n < 6) {
    const t = tokens[k];
    if (!t) break;
    // "Ford itself said", "Cruz himself said"
    if (REFLEXIVES.has(lower(t)) && k > lo) { k--; n++; continue; }
    // a capitalised word the tagger reads as an adverb is a name ("Jolly said"), unless it is a time word
    if (t.pos === 'ADV' && isCapitalized(t) && !TIME_WORDS.has(lower(t))) break;
    // "Ms. May said", "Theresa May said": a month after an honorific or a given name is a surname
    if (isWeekdayOrMonth(t) && isCapitalized(t) && namePrefix(tokens[k - 1])) break;
    if (t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART' || TIME_WORDS.has(lower(t)) || isWeekdayOrMonth(t) || (t.kind === 'number' && isWeekdayOrMonth(tokens[k - 1]))) {
      // "on" belongs only to "on Wednesday"
      if ((lower(t) === 'on' || lower(t) === 'in') && !isWeekdayOrMonth(tokens[k + 1]) && !TIME_WORDS.has(lower(tokens[k + 1]))) break;
      k--;
      n++;
      continue;
    }
    break;
  }
  return k;
}

const HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|sen|rep|gov|gen|lt|col|sgt|capt|sir|dame|lady|lord)\.?$/;

/** Whether a token can stand before a surname: an honorific or a capitalised given name. */
function namePrefix(t: Token | undefined): boolean {
  if (!t || !isCapitalized(t)) return false;
  return HONORIFIC.test(lower(t)) || (t.pos === 'PROPN' && !isWeekdayOrMonth(t) && !TIME_WORDS.has(lower(t)));
}

/** What a prepositional phrase between a cue and its content is about: a channel, an occasion, a time. */
const ADVERBIAL_NOUNS: ReadonlySet<string> = new Set(words.adverbialNouns);

const ADVERBIAL_HEADS: ReadonlySet<string> = new Set(words.adverbialHeads);

/**
 * Skips rightwards over what may stand between a cue and its content: time words and
 * short prepositional phrases ("on Wednesday", "in a statement", "in a letter published
 * in The Atlantic", "at a news conference"). Returns the first token after them.
 */
export function skipRightAdverbials(tokens: readonly Token[], i: number, hi: number, lex: QuoteLexicon): number {
  let k = i;
  let guard = 0;
  while (k < hi && guard++ < 8) {
    const t = tokens[k]!;
    const w = lower(t);
    const approx = tokens[k + 1]?.kind === 'number' || tokens[k + 1]?.pos === 'NUM';
    // "said, however, that …": a comma-enclosed linking adverb
    if (t.text === ',' && /^(however|though|too|moreover|nevertheless|instead|meanwhile)$/.test(lower(tokens[k + 1])) && tokens[k + 2]?.text === ',' && k + 3 < hi) { k += 3; continue; }
    if (isWeekdayOrMonth(t) || (t.pos === 'ADV' && w !== 'that' && w !== 'there' && !approx && !/^(yes|no|so|how|why|when|where|whether)$/.test(w))) { k++; continue; }
    if (t.kind === 'number' && isWeekdayOrMonth(tokens[k - 1])) { k++; continue; }
    if (ADVERBIAL_HEADS.has(w)) {
      // the prepositional phrase's noun phrase, with trailing "published in …" chains
      let np = nounPhraseStartingAt(tokens, k + 1, hi);
      // "said this is …": "this" is the reported clause's subject
      if (!np && (tokens[k + 1]?.pos === 'AUX' || tokens[k + 1]?.pos === 'VERB') && /^(this|that)$/.test(w)) break;
      if (!np && ['late', 'early', 'last', 'this', 'earlier', 'later', 'yesterday', 'today', 'tonight', 'also', 'again', 'publicly', 'repeatedly', 'separately', 'flatly'].includes(w)) { k++; continue; }
      if (!np) break;
      // "to" + a verb is content ("urged them to leave"), not an adverbial
      if (w === 'to' && tokens[k + 1]?.pos === 'VERB') break;
      // only time, place and channel phrases stand between a cue and its content ("on Wednesday",
      // "in Geneva", "in a statement"); "commented on the plan" has its content there
      const head = tokens[np[1] - 1]!;
      if (!(isWeekdayOrMonth(head) || head.kind === 'number' || head.pos === 'PROPN' || /^[A-Z]/.test(head.text) || ADVERBIAL_NOUNS.has(lower(head)) || TIME_WORDS.has(lower(head)))) break;
      k = np[1];
      if (isMark(tokens[k]) && k < hi) {
        // a title in quotation marks: "in a "Letter to …" published in …"
        const close = findClose(tokens, k, hi);
        if (close > k) k = close + 1;
      }
      if (tokens[k]?.pos === 'VERB' && /ed$/.test(tokens[k]!.text) && lex.verbs.get(lower(tokens[k])) === undefined) {
        k++;
        np = undefined;
      }
      continue;
    }
    break;
  }
  return k;
}

function findClose(tokens: readonly Token[], open: number, hi: number): number {
  const ch = tokens[open]!.text;
  for (let k = open + 1; k < hi && k < open + 40; k++) if (tokens[k]!.text === ch) return k;
  return -1;
}

/**
 * Where a sentence's own words start after a dateline ("WARSAW:", "MOSCOW (Reuters) -",
 * "WASHINGTON, Nov. 26 (Xinhua) --").
 */
export function afterDateline(tokens: readonly Token[], first: number, last: number, lex: QuoteLexicon): number {
  // a place written in capitals ("WARSAW:"), or in title case with a parenthesis after it
  // ("Ankara (Turkey): …", "Washington (AFP) – …"); "Smith: …" is no dateline
  const titleCase = !isAllCaps(tokens[first]);
  let paren = false;
  for (let k = first; k < last && k < first + 10; k++) {
    const t = tokens[k]!;
    if (t.text === ':' || isDash(t)) {
      const next = tokens[k + 1];
      return k > first && next !== undefined && (!titleCase || paren) ? k + 1 : first;
    }
    if (t.text === ')') paren = true;
    const placeWord = titleCase && !paren && /^\p{Lu}[\p{Ll}'-]*\.?$/u.test(t.text) && !isSubjectPronoun(t);
    const ok = isAllCaps(t) || placeWord || (k > first && isAllCaps(tokens[first]) && /^[A-Z][a-z]*\.?$/.test(t.text)) || t.text === '.' || t.text === ',' || t.text === '(' || t.text === ')' || lex.agencies.has(lower(t)) || t.kind === 'number' || isWeekdayOrMonth(t) || (k > first && isCapitalized(t) && tokens[k - 1]!.text === '(');
    if (!ok) return first;
  }
  return first;
}
