import { QuotegraphOptionsError, describeValue } from '../errors.js';

/**
 * A user's search words: their grammar (words, "a phrase", word* for a prefix), the bounds
 * a query must keep, and the FTS5 query they become. The library's `searchQuotes`, the
 * CLI's `search` and the server's `/api/quotes` all go through `searchTerms`, so one query
 * is accepted or refused the same way everywhere.
 */

/** One required term: a word, or the words of a phrase; `prefix` for a trailing `*`. */
export interface SearchTerm {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

/**
 * The largest query accepted. SQLite's FTS5 expands each prefix term into every indexed
 * word that starts with it and scores each term against every matching row, so time grows
 * faster than the number of terms: 400 × `t*` took 58 s on a 924-document index. Within
 * these bounds the worst query stays well under a second on 3,000 documents (README, "Search").
 */
export const QUERY_BOUNDS = {
  /** Characters of the query as typed. */
  chars: 500,
  /** Words and phrases (each one term). */
  terms: 16,
  /** Words in all the terms together (a phrase's words each count). */
  words: 32,
  /** Terms ending in `*`. */
  prefixes: 4,
} as const;

const TERM = /"([^"]*)"|([\p{L}\p{N}][\p{L}\p{N}'’-]*)(\*)?/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** The terms of a query, without checking its bounds (operators such as OR and NEAR are plain words). */
export function parseTerms(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const m of input.matchAll(TERM)) {
    const words = (m[1] ?? m[2] ?? '').match(WORD) ?? [];
    if (words.length > 0) terms.push({ words, prefix: m[1] === undefined && m[3] !== undefined });
  }
  return terms;
}

const refuse = (what: string): never => {
  throw new QuotegraphOptionsError('E_QUERY_BOUND', `${what}; search with fewer, longer words (a speaker, dates or a phrase narrow a search too)`);
};

/**
 * The terms of a query, or a coded error (`E_OPTION_VALUE` for a query that is not a string,
 * `E_QUERY_BOUND` for one past `QUERY_BOUNDS`) whose message says which bound and how to keep it.
 */
export function searchTerms(input: unknown): SearchTerm[] {
  if (typeof input !== 'string') throw new QuotegraphOptionsError('E_OPTION_VALUE', `query takes a string of words (empty to list every quote), not ${describeValue(input)}`);
  const b = QUERY_BOUNDS;
  if (input.length > b.chars) refuse(`the query has ${input.length.toLocaleString('en-US')} characters; at most ${b.chars} are searched`);
  const terms = parseTerms(input);
  if (terms.length > b.terms) refuse(`the query has ${terms.length} words or phrases; at most ${b.terms} are searched`);
  const words = terms.reduce((n, t) => n + t.words.length, 0);
  if (words > b.words) refuse(`the query has ${words} words (counting those of its phrases); at most ${b.words} are searched`);
  const prefixes = terms.filter((t) => t.prefix);
  if (prefixes.length > b.prefixes) refuse(`the query has ${prefixes.length} prefix terms (word*); at most ${b.prefixes} are searched`);
  return terms;
}

/**
 * Terms as an FTS5 query: each word or phrase quoted (so no word is read as an operator),
 * all of them required; a trailing * keeps its prefix meaning.
 */
export function ftsMatch(terms: readonly SearchTerm[]): string {
  return terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`).join(' ');
}

/** A user's words as an FTS5 query (no bounds checked: `searchTerms` checks them). */
export function ftsQuery(input: string): string {
  return ftsMatch(parseTerms(input));
}
