import data from './agencies.json';

// The one index of agencies.json: the credits stage, the page reader and the quotes stage read agencies here.

/** A news agency or wire service from `src/lexicon/agencies.json`. */
export interface Agency {
  /** The usual short name: the entity's name. */
  readonly name: string;
  /** The full name, given as an alias. */
  readonly long?: string;
  readonly names: readonly string[];
}

const BY_NAME = new Map<string, Agency>();
for (const entry of data.agencies as Agency[]) {
  const known = BY_NAME.get(entry.name.toLowerCase());
  // two entries of one agency (a late addition of names) become one
  const agency: Agency = known ? { ...known, names: [...known.names, ...entry.names] } : entry;
  for (const n of [agency.name, ...agency.names]) BY_NAME.set(normalise(n), agency);
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLowerCase();
}

/**
 * The agency a credit's text names ("REUTERS", "Agence France-Presse", "AP."), or
 * undefined. Only for text in credit positions: "AP" or "PA" in running text is not
 * looked up here.
 */
export function findAgency(text: string): Agency | undefined {
  if (text.length > 60) return undefined;
  return BY_NAME.get(normalise(text));
}

/** All the forms of an agency's name, for aliases. */
export function agencyAliases(agency: Agency): string[] {
  return agency.long !== undefined ? [agency.long] : [];
}

/** Every name an agency is written under (each entry's `names`, lower case as written: "reuters", "afp"). */
export const AGENCY_NAMES: ReadonlySet<string> = new Set((data.agencies as Agency[]).flatMap((a) => a.names.map((n) => n.toLowerCase())));
