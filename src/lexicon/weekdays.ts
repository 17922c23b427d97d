import data from './weekdays.json';

// The one index of weekdays.json.

/** The weekday names, lower case, Sunday first (Date.getDay's numbering). */
export const WEEKDAY_NAMES: readonly string[] = data.names;

/** The weekday names as written, capitalised, Sunday first. */
export const WEEKDAY_NAMES_CAPITALISED: readonly string[] = data.names.map((w) => w[0]!.toUpperCase() + w.slice(1));

/** The abbreviations, lower case without their point ("tues", "thurs"). */
export const WEEKDAY_ABBREVIATIONS: readonly string[] = data.abbreviations;

/** A regular expression source matching a capitalised weekday abbreviation ("Tues", "Thu"), longest first, as a group. */
export const WEEKDAY_ABBREVIATION_PATTERN = `(?:${data.abbreviations.map((w) => w[0]!.toUpperCase() + w.slice(1)).sort((a, b) => b.length - a.length).join('|')})`;
