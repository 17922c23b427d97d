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

export const lastToken = (key: string): string => key.slice(key.lastIndexOf(' ') + 1);
