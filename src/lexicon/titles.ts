import titles from './titles.json';

// What a role reads of titles.json beyond its word lists: the words that keep their capital
// inside a role, and the abbreviated titles spelled out. Read by the entities stage's roles
// and the quotes stage's speaker phrases, so both write one role the same way.

/** Words that keep their capital inside a role ("Democratic senator", "White House press secretary"), lower case. */
export const PROPER_TITLE_WORDS: ReadonlySet<string> = new Set(titles.properWords);

/** Abbreviated titles spelled out in a role ("sen." → "senator"), keyed by the lower-case abbreviation. */
export const SPELLED_OUT_TITLES: ReadonlyMap<string, string> = new Map(Object.entries(titles.spelledOut));
