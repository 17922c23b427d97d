/**
 * Finding the third-person pronouns of a document among its tokens, each with the
 * grammatical features the pronoun sieve constrains on (gender, number, animacy, case).
 * First- and second-person pronouns ("I", "we", "you") are not read: inside a quotation they
 * are the speaker and the hearer, which the quotes stage settles, and they are left unresolved.
 */
import type { Token } from '../../text/token.js';
import data from './pronouns.json';

export type PronounGender = 'male' | 'female' | 'neuter' | 'any';
export type PronounNumber = 'singular' | 'plural';
export type PronounCase = 'nominative' | 'objective' | 'possessive' | 'reflexive';

export interface PronounSpan {
  /** Index of its token in `doc.tokens`. */
  readonly token: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly gender: PronounGender;
  readonly number: PronounNumber;
  readonly animate: boolean | undefined;
  readonly case: PronounCase;
  /** "it" that refers to nothing ("it seems that…", "it is unclear whether…"). */
  readonly pleonastic: boolean;
}

interface Entry {
  readonly gender: string;
  readonly number: string;
  readonly animacy: string;
  readonly case: string;
}

const PRONOUNS = new Map(Object.entries(data.pronouns as Record<string, Entry>));
const PLEONASTIC = data.pleonasticAfterIt.map((p) => p.split(' '));
/** Words after "her" that show it is the object, not a possessive determiner. */
const AFTER_OBJECTIVE_HER = new Set(data.afterObjectiveHer);

const PRONOUN_INITIALS = new Set([...PRONOUNS.keys()].map((p) => p.charCodeAt(0)));

const lower = (t: Token | undefined): string | undefined => t?.text.toLowerCase();

/** The next word token's text (lower-cased), or undefined at punctuation or the end. */
function nextWord(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i + 1];
  return t && t.kind === 'word' ? t.text.toLowerCase() : undefined;
}

function isPleonastic(tokens: readonly Token[], i: number): boolean {
  return PLEONASTIC.some((p) => p.every((w, k) => lower(tokens[i + 1 + k]) === w));
}

function caseOf(entry: Entry, tokens: readonly Token[], i: number): PronounCase {
  if (entry.case === 'objective-or-possessive') {
    const next = nextWord(tokens, i);
    return next === undefined || AFTER_OBJECTIVE_HER.has(next) ? 'objective' : 'possessive';
  }
  if (entry.case === 'nominative-or-objective') {
    // "it" after a verb or preposition is its object
    const prev = tokens[i - 1];
    return prev && (prev.pos === 'VERB' || prev.pos === 'ADP') ? 'objective' : 'nominative';
  }
  return entry.case as PronounCase;
}

/** Every he/she/his/her/him/they/them/their/it/its among `tokens`, in order. */
export function findPronouns(tokens: readonly Token[]): PronounSpan[] {
  const out: PronounSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // every pronoun read starts with h, s, i or t: most tokens need no lower-casing
    if (!PRONOUN_INITIALS.has(t.text.charCodeAt(0) | 0x20) || t.text.length > 10) continue;
    const lowerText = t.text.toLowerCase();
    const entry = PRONOUNS.get(lowerText);
    if (!entry) continue;
    out.push({
      token: i,
      start: t.start,
      end: t.end,
      text: t.text,
      gender: entry.gender as PronounGender,
      number: entry.number as PronounNumber,
      animate: entry.animacy === 'any' ? undefined : entry.animacy === 'animate',
      case: caseOf(entry, tokens, i),
      pleonastic: lowerText === 'it' && isPleonastic(tokens, i),
    });
  }
  return out;
}
