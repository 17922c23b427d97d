import abbreviations from '../../lexicon/abbreviations.json';
import starters from '../../lexicon/sentence-starters.json';
import cues from '../../lexicon/cues.json';
import { MONTH_ABBREVIATIONS } from '../../lexicon/months.js';
import { WEEKDAY_ABBREVIATIONS } from '../../lexicon/weekdays.js';
import type { Token } from '../../text/tokenize.js';

const TITLES = new Set(abbreviations.titles);
const MONTHS = new Set([...MONTH_ABBREVIATIONS, ...WEEKDAY_ABBREVIATIONS]);
const STATES = new Set(abbreviations.states);
const OTHER = new Set(abbreviations.other);
const MAY_END = new Set(abbreviations.mayEndSentence);
const BEFORE_NUMBER = new Set(abbreviations.beforeNumberOnly);
const STARTERS = new Set(starters.words);
/** Verbs that cannot end a sentence of their own ("Trump said."): after a quotation they attribute it. */
const BARE_REPORTING = new Set(['said', 'says', 'asked', 'asks', 'added', 'adds', 'wrote', 'writes', 'told']);
/** Reporting verbs as they follow a quotation and its speaker ("said", "asked"): finite forms only. */
const REPORTING = new Set(cues.verbs.filter((v) => v.kind !== 'object').flatMap((v) => v.forms.filter((f) => !f.endsWith('ing'))));

const TERMINAL = new Set(['.', '!', '?', '...', '..', '....', '!!', '?!', '!?', '??']);
const CLOSERS = new Set(['"', "'", ')', ']', '}', '»']);
const DASHES = new Set(['-', '--', '\u2013', '\u2014', '\u2015', '\u2012']);
const UPPER = /^[\p{Lu}\p{Lt}]/u;
const DIGIT = /^\d/;

/** Whether a word token with a final period ("Mr.", "U.S.", "Nov.") can end a sentence before `next`. */
function abbreviationEnds(tok: Token, next: Token): boolean {
  const bare = tok.text.slice(0, -1).toLowerCase();
  const nextLower = next.text.toLowerCase();
  if (TITLES.has(bare)) return false;
  if (/^\p{L}$/u.test(bare)) return false; // an initial: "J. R. Smith"
  if (BEFORE_NUMBER.has(bare) && DIGIT.test(next.text)) return false;
  if (MONTHS.has(bare) && DIGIT.test(next.text)) return false;
  if (MAY_END.has(bare) || OTHER.has(bare) || STATES.has(bare) || MONTHS.has(bare) || bare.includes('.')) {
    // "U.S. The …": the abbreviation also closes the sentence only before a typical sentence opening
    return STARTERS.has(nextLower) || next.text === '"';
  }
  // an unknown word wink kept its period on: treat as the end of a sentence before a capital
  return UPPER.test(next.text);
}

/**
 * Whether a short speaker phrase and a reporting verb start at `k` ("Priebus said", "The
 * senator asked"); `bare`: and end the sentence there ("Trump said.").
 */
function attributionFollows(tokens: readonly Token[], k: number, last: number, bare: boolean): boolean {
  for (let m = k; m < last && m < k + (bare ? 4 : 7); m++) {
    const t = tokens[m]!;
    if (m > k && (bare ? BARE_REPORTING : REPORTING).has(t.text.toLowerCase())) {
      const after = tokens[m + 1];
      if (after === undefined || m + 1 >= last) return true;
      return bare ? after.text === '.' : after.kind === 'punctuation' || !UPPER.test(after.text);
    }
    // the speaker phrase: words, and the periods of "Mr." or "J."
    if (t.kind !== 'word' && t.text !== '.') return false;
  }
  return false;
}

/**
 * Sentence ends inside one block of tokens `[first, last)`: returns the token indexes
 * after which a sentence ends (the block's end is always one).
 */
export function sentenceEnds(tokens: readonly Token[], first: number, last: number): number[] {
  const ends: number[] = [];
  for (let i = first; i < last - 1; i++) {
    const tok = tokens[i]!;
    const text = tok.text;
    // every terminal starts with '.', '!' or '?'; char codes first, so most tokens cost no look-up
    const c = text.charCodeAt(0);
    let terminal = (c === 46 || c === 33 || c === 63) && TERMINAL.has(text);
    const wordWithPeriod = !terminal && text.length > 1 && text.charCodeAt(text.length - 1) === 46 && tok.kind === 'word';
    if (!terminal && !wordWithPeriod) continue;
    // absorb closing quotation marks and brackets attached to the punctuation
    let j = i;
    while (j + 1 < last && CLOSERS.has(tokens[j + 1]!.text) && !tokens[j + 1]!.spaceBefore) j++;
    const next = tokens[j + 1];
    if (next === undefined || j + 1 >= last) continue;
    if (wordWithPeriod) {
      terminal = j === i ? abbreviationEnds(tok, next) : true;
      if (!terminal) continue;
    }
    if (!next.spaceBefore && !DASHES.has(next.text) && !UPPER.test(next.text)) continue;
    // "(R-S.C.)", "(D-N.J.)": a period between single letters, with no space, is inside an abbreviation
    if (j === i && !next.spaceBefore && /^\p{Lu}\.$/u.test(next.text) && /^\p{Lu}$/u.test(tokens[i - 1]?.text ?? '') && !tok.spaceBefore) continue;
    let breaks = false;
    if (UPPER.test(next.text) || DIGIT.test(next.text)) breaks = true;
    else if ((next.text === '"' || next.text === "'" || next.text === '(' || next.text === '[') && next.spaceBefore) breaks = true;
    else if (DASHES.has(next.text) && isCreditTail(tokens, j + 1, last)) breaks = true;
    // '"Are you going?" Priebus asked.': a question or exclamation in quotation marks, then its speaker and cue
    // ('"… missing." Trump said.': a full stop where a comma belongs, when the attribution is all that follows)
    if (breaks && j > i && attributionFollows(tokens, j + 1, last, text === '.')) breaks = false;
    if (breaks) {
      ends.push(j);
      i = j;
    }
  }
  // a trailing credit with no full stop before it: `…world."— REUTERS`
  for (let i = Math.max(first + 1, last - 5); i < last; i++) {
    const tok = tokens[i]!;
    if (DASHES.has(tok.text) && i - 1 >= first && !ends.includes(i - 1) && isCreditTail(tokens, i, last) && i > first + 2) {
      const prev = tokens[i - 1]!;
      if (TERMINAL.has(prev.text) || CLOSERS.has(prev.text)) ends.push(i - 1);
      break;
    }
  }
  ends.sort((a, b) => a - b);
  ends.push(last - 1);
  return ends;
}

/** `– AFP`, `— REUTERS`, `- Bernama`: a dash then one to four capitalised words to the end of the block. */
function isCreditTail(tokens: readonly Token[], dash: number, last: number): boolean {
  const n = last - dash - 1;
  if (n < 1 || n > 4) return false;
  for (let k = dash + 1; k < last; k++) {
    const t = tokens[k]!;
    if (!UPPER.test(t.text) && t.text !== '/' && t.text !== '&') return false;
  }
  return true;
}
