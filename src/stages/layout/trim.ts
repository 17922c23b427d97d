/**
 * Trimming a run of characters off the end of a string by a plain loop: a pattern
 * like "one or more spaces or dots, then the end" retries at every position of a long run and turns quadratic.
 */
const SPACE = /\s/;

/** `text` without the characters of `chars` (and white space when `spaces`) at its end. */
export function trimEnd(text: string, chars: string, spaces = true): string {
  let end = text.length;
  while (end > 0) {
    const c = text[end - 1]!;
    if (!chars.includes(c) && !(spaces && SPACE.test(c))) break;
    end--;
  }
  return text.slice(0, end);
}
