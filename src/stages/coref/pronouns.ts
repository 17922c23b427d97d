/**
 * Finding the third-person pronouns of a text, each with the grammatical features the
 * pronoun sieve constrains on (gender, number, animacy, case).
 */
import data from './pronouns.json';

export type PronounGender = 'male' | 'female' | 'neuter' | 'any';
export type PronounNumber = 'singular' | 'plural';
export type PronounCase = 'nominative' | 'objective' | 'possessive';

export interface PronounSpan {
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
const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)?/g;
/** Words after "her" that show it is the object, not a possessive determiner. */
const AFTER_OBJECTIVE_HER = new Set([
  'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'and', 'or', 'but', 'that', 'the', 'a', 'an', 'into',
  'about', 'after', 'before', 'when', 'while', 'if', 'because', 'so', 'back', 'up', 'down', 'out', 'off', 'over',
  'again', 'this', 'his', 'their', 'its', 'was', 'is', 'had', 'has', 'who', 'during', 'until', 'since', 'through',
]);

/** The word after `end` (lower-cased) and whether punctuation comes first. */
function nextWord(text: string, end: number): string | undefined {
  const m = /^\s*([A-Za-z]+)/.exec(text.slice(end, end + 40));
  return m ? m[1]!.toLowerCase() : undefined;
}

function isPleonastic(text: string, end: number): boolean {
  const words = (text.slice(end, end + 60).match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase());
  return PLEONASTIC.some((p) => p.every((w, i) => words[i] === w));
}

function caseOf(entry: Entry, text: string, end: number): PronounCase {
  if (entry.case === 'objective-or-possessive') {
    const next = nextWord(text, end);
    return next === undefined || AFTER_OBJECTIVE_HER.has(next) ? 'objective' : 'possessive';
  }
  if (entry.case === 'nominative-or-objective') return 'nominative';
  return entry.case as PronounCase;
}

/** Every he/she/his/her/him/they/them/their/it/its of `text`, in order. */
export function findPronouns(text: string): PronounSpan[] {
  const out: PronounSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const lower = m[0].toLowerCase();
    const entry = PRONOUNS.get(lower);
    if (!entry) continue;
    const start = m.index;
    const end = start + m[0].length;
    out.push({
      start,
      end,
      text: m[0],
      gender: entry.gender as PronounGender,
      number: entry.number as PronounNumber,
      animate: entry.animacy === 'any' ? undefined : entry.animacy === 'animate',
      case: caseOf(entry, text, end),
      pleonastic: lower === 'it' && isPleonastic(text, end),
    });
  }
  return out;
}
