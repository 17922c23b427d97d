import type { Token } from './token.js';

export const APOSTROPHE = 39;

/** Possessive determiners, lower case. */
export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);

/**
 * Whether the name `[first, last)` stands between a possessive determiner and a lower-case
 * noun, so that it modifies the noun and names no one ("his Miranda rights", "her Facebook page").
 */
export function modifiesNoun(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last];
  return before !== undefined && POSSESSIVE_DETERMINERS.has(before.text.toLowerCase()) && after !== undefined && after.pos === 'NOUN' && /^\p{Ll}/u.test(after.text);
}
/** A letter or digit (ASCII), or any character beyond ASCII. */
export const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;

/**
 * Splits a possessive or contracted "'s" off its word ("Here's" → "Here" + "'s"), so that
 * every "'s" is a token of its own.
 *
 * The tokenizer hands wink-nlp possessives already apart (see `apartApostropheS` in
 * `tokenize.ts`), so that its process-wide lexicon never learns one whole; what is left
 * for this pass are the contractions wink-nlp knows and keeps whole ("Here's", "Let's",
 * "what's": 25 of the 924 PolNeAR train and dev articles hold one).
 */
export function splitPossessives(tokens: readonly Token[]): Token[] {
  let out: Token[] | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const n = t.text.length;
    const split = n > 2 && t.kind === 'word' && t.text.charCodeAt(n - 2) === APOSTROPHE &&
      (t.text.charCodeAt(n - 1) | 32) === 115 && isWordChar(t.text.charCodeAt(n - 3)) &&
      t.vend - t.vstart === n && t.end - t.start === n;
    if (!split) {
      if (out) out.push({ ...t, i: out.length });
      continue;
    }
    out ??= tokens.slice(0, k) as Token[];
    const cut = t.vstart + n - 2;
    const base = t.text.slice(0, n - 2);
    out.push({ ...t, i: out.length, end: t.start + (n - 2), vend: cut, text: base });
    out.push({ ...t, i: out.length, start: t.start + (n - 2), vstart: cut, text: t.text.slice(n - 2), pos: 'PART', breaks: 0, spaceBefore: false });
  }
  return out ?? (tokens as Token[]);
}
