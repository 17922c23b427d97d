import type { Token } from './tokenize.js';

export const APOSTROPHE = 39;
/** A letter or digit (ASCII), or any character beyond ASCII. */
export const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;

/**
 * Splits a possessive or contracted "'s" off its word ("Trump's" → "Trump" + "'s").
 *
 * wink-nlp's tokenizer normally does this, but it remembers every unknown word it has
 * seen in a process-wide lexicon, and a word once kept whole ("'Russia's'" in single
 * quotes) is kept whole ever after. Splitting here makes the tokens of a document the
 * same whatever documents came before it in the process.
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
