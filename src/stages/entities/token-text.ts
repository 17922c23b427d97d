import type { Token } from '../../text/tokenize.js';

/** Token tests and text shared by the entity stage's span rules. */

/** A hyphen glued to the word before it ("Okereke-Vance" is read as "Okereke", "-", "Vance"). */
export const isHyphen = (t: Token | undefined): boolean => t !== undefined && !t.spaceBefore && (t.text === '-' || t.text === '\u2010' || t.text === '\u2011');

/** Starts with a capital letter (ASCII checked without a regular expression: this runs for every token). */
export function isCapitalised(t: Token | undefined): boolean {
  if (t === undefined) return false;
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
}

/** The text of a token range as written, single-spaced. */
export function textOf(tokens: readonly Token[], first: number, last: number): string {
  let s = '';
  for (let i = first; i < last; i++) s += (i > first && tokens[i]!.spaceBefore ? ' ' : '') + tokens[i]!.text;
  return s;
}

/** Every token of the range starts with a capital and a lower-case letter (hyphens between them allowed). */
export function allTitleCase(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (!/^\p{Lu}\p{Ll}/u.test(t.text) && !(isHyphen(t) && i > first && i + 1 < last)) return false;
  }
  return last > first;
}

/** Only the capitals A–Z. */
export function isUpperAscii(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}
