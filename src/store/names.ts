/** Titles written before a name that are not part of it. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'prof', 'rev']);

/**
 * A name as a matching key: accents dropped, lower case, punctuation out, honorifics off.
 * "Mr. Sergei Lavrov" and "sergei lavrov" give the same key.
 */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['\u2019]s$/u, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  return words.join(' ');
}

export const tokenCount = (key: string): number => (key.length === 0 ? 0 : key.split(' ').length);

/** Generational suffixes written after a last name ("Donald Trump Jr."): part of the name, never the last name. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The last name of a key: its last word that is not a suffix ("donald trump jr" → "trump"). */
export function surnameOf(key: string): string {
  const words = key.split(' ');
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words[words.length - 1]!;
}

/** A person's key without its middle names and initials ("donald j trump", "hillary rodham clinton" → "donald trump", "hillary clinton"); suffixes stay ("donald trump jr"). */
export function middleDropped(key: string): string {
  const words = key.split(' ');
  let last = words.length - 1;
  while (last > 1 && SUFFIXES.has(words[last]!)) last--;
  return last <= 1 ? key : [words[0]!, ...words.slice(last)].join(' ');
}

/** The middle names and initials of a person's key (between the first name and the last name). */
export function middleOf(key: string): string[] {
  const words = key.split(' ');
  let last = words.length - 1;
  while (last > 1 && SUFFIXES.has(words[last]!)) last--;
  return words.slice(1, last);
}

/** Whether two lists of middle names can be one person's: as many, each the same word or an initial of it ("r" and "rodham"). */
export function middlesAgree(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => {
    const v = b[i]!;
    return w === v || (w.length === 1 && v.startsWith(w)) || (v.length === 1 && w.startsWith(v));
  });
}
