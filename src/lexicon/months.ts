import data from './months.json';

// The one index of months.json: every stage and text helper that reads a month name reads it here.

/** Each month word (lower case: "january", "jan", "sept") → the month's number. */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = data.months;

const longest = new Map<number, string>();
for (const [name, n] of Object.entries(MONTH_NUMBERS)) if (name.length > (longest.get(n)?.length ?? 0)) longest.set(n, name);

/** Whether a month word is the month's full name ("may", "january"), not an abbreviation ("jan", "sept"). */
const isFullName = (word: string): boolean => longest.get(MONTH_NUMBERS[word]!) === word;

/** The abbreviations (lower case, without their point: "jan", "sept", "sep"). */
export const MONTH_ABBREVIATIONS: readonly string[] = Object.keys(MONTH_NUMBERS).filter((w) => !isFullName(w));

/** Month names as running text writes them (lower case): "january", and an abbreviation with its point, "jan.", "sept.". */
export const MONTH_WORDS: ReadonlySet<string> = new Set(Object.keys(MONTH_NUMBERS).map((w) => (isFullName(w) ? w : `${w}.`)));

/** Every month word with its first letter in capitals ("January", "Jan", "Sept"). */
export const MONTH_WORDS_CAPITALISED: readonly string[] = Object.keys(MONTH_NUMBERS).map((w) => w[0]!.toUpperCase() + w.slice(1));

/** The month words that are also common words or names ("May said", "the March on Washington"), capitalised. */
export const AMBIGUOUS_MONTHS_CAPITALISED: readonly string[] = data.ambiguous.map((w) => w[0]!.toUpperCase() + w.slice(1));

/** A regular expression source matching a capitalised month word, longest first ("September", "Sept", "Sep"), as a group. */
export const MONTH_PATTERN = `(?:${[...MONTH_WORDS_CAPITALISED].sort((a, b) => b.length - a.length).join('|')})`;
