/**
 * Words that can start or anchor a date expression, found by a cheap look at each
 * token: month and weekday names, "yesterday", "ago", "last week", years, numeric
 * dates. Only the windows around them are handed to chrono-node.
 */
import words from '../../lexicon/date-words.json';
import { AMBIGUOUS_MONTHS_CAPITALISED, MONTH_WORDS_CAPITALISED } from '../../lexicon/months.js';
import { WEEKDAY_NAMES_CAPITALISED } from '../../lexicon/weekdays.js';
import type { Token } from '../../text/tokenize.js';

const MONTHS: ReadonlySet<string> = new Set(MONTH_WORDS_CAPITALISED);
/** Month names that are also common words or names ("May said", "the March on Washington"). */
const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(AMBIGUOUS_MONTHS_CAPITALISED);
const WEEKDAY_NAMES = WEEKDAY_NAMES_CAPITALISED;
const WEEKDAYS = new Set(WEEKDAY_NAMES);
/** Words around a weekday that chrono must read with it ("Friday night", "last Friday", "Friday, Nov. 28"). */
const WEEKDAY_COMPANIONS: ReadonlySet<string> = new Set(words.weekdayCompanions);
const DAY_WORDS: ReadonlySet<string> = new Set(words.dayWords);
const SHIFTERS: ReadonlySet<string> = new Set(words.shifters);
const PERIODS: ReadonlySet<string> = new Set(words.periods);
/** Words before a bare year that make it one ("in 2023", "since 2019", "a 2023 event"). */
const YEAR_BEFORE: ReadonlySet<string> = new Set(words.yearBefore);
/** Nouns a year often stands before ("2012 election", "2003 book", "1995 tax return"). */
const YEAR_AFTER: ReadonlySet<string> = new Set(words.yearAfter);
/** Words after a number that make it a count, not a year ("2000 people"). */
const COUNT_AFTER: ReadonlySet<string> = new Set(words.countAfter);
const YEAR = /^(?:1[6-9]|20)\d\d$/;
const NUMERIC_DATE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/(?:\d{2}|\d{4}))$/;
const FUTURE: ReadonlySet<string> = new Set(words.future);
/** Words before an ambiguous month name that make it a month ("in May", "since March"). */
const MONTH_BEFORE: ReadonlySet<string> = new Set(words.monthBefore);

/** How far back a future cue is looked for: a long sentence's clause, bounded so that the scan stays linear. */
const FUTURE_REACH = 40;

const bare = (t: Token): string => (t.text.endsWith('.') ? t.text.slice(0, -1) : t.text);

function monthTrigger(tokens: readonly Token[], t: number, first: number, last: number): boolean {
  const word = bare(tokens[t]!);
  if (!MONTHS.has(word)) return false;
  if (!AMBIGUOUS_MONTHS.has(word)) return true;
  const next = t + 1 < last ? tokens[t + 1]! : undefined;
  const prev = t > first ? tokens[t - 1]!.text.toLowerCase() : '';
  return (next !== undefined && /^\d/.test(next.text)) || MONTH_BEFORE.has(prev);
}

/** First letters (char codes) of the day words and shifters: T, Y, L, N, P, C. */
const SENTENCE_OPENERS = new Set([84, 89, 76, 78, 80, 67]);

/** "last week", "next year", "this month": a shifter before a period. */
function shifterAt(tokens: readonly Token[], t: number, last: number, lower: string): boolean {
  return SHIFTERS.has(lower) && t + 1 < last && PERIODS.has(tokens[t + 1]!.text.toLowerCase());
}

/** Token indexes in `[first, last)` that can anchor a date, in order. */
export function findTriggers(tokens: readonly Token[], first: number, last: number): number[] {
  const out: number[] = [];
  for (let t = first; t < last; t++) {
    const text = tokens[t]!.text;
    const c = text.charCodeAt(0);
    if (tokens[t]!.kind === 'decade') {
      out.push(t);
    } else if (c >= 48 && c <= 57) {
      if (YEAR.test(text) || NUMERIC_DATE.test(text)) out.push(t);
    } else if (c >= 65 && c <= 90) {
      // capitalised: a weekday, a month, "Today" or "Last week" opening a sentence
      if (WEEKDAYS.has(text) || monthTrigger(tokens, t, first, last)) out.push(t);
      else if (SENTENCE_OPENERS.has(c) && text.length <= 9 && text !== text.toUpperCase()) {
        const lower = text.toLowerCase();
        if (DAY_WORDS.has(lower) || shifterAt(tokens, t, last, lower)) out.push(t);
      }
    } else if (DAY_WORDS.has(text) || text === 'ago' || shifterAt(tokens, t, last, text)) {
      out.push(t);
    }
  }
  return out;
}

/** Whether a four-digit number token reads as a year where it stands. */
export function yearAt(tokens: readonly Token[], t: number, first: number): boolean {
  const tok = tokens[t]!;
  if (!YEAR.test(tok.text)) return false;
  const prev = t > first ? tokens[t - 1]! : undefined;
  const next = tokens[t + 1];
  if (next && next.breaks === 0 && COUNT_AFTER.has(next.text.toLowerCase())) return false;
  if (prev && /^[$€£¥]$/.test(prev.text)) return false;
  return prev === undefined || YEAR_BEFORE.has(prev.text.toLowerCase()) || prev.text === ',' || prev.text === '(' ||
    (next !== undefined && YEAR_AFTER.has(next.text.toLowerCase()));
}

/**
 * Whether the sentence, up to `t`, speaks of the future ("is expected to name … on
 * Friday"), which turns a bare weekday forward; a "will" after the date does not.
 */
export function futureBefore(tokens: readonly Token[], t: number, first: number): boolean {
  // "by Friday" sets a deadline
  if (t > first && tokens[t - 1]!.text.toLowerCase() === 'by') return true;
  for (let k = Math.max(first, t - FUTURE_REACH); k < t; k++) if (FUTURE.has(tokens[k]!.text.toLowerCase())) return true;
  return false;
}

/**
 * A weekday standing alone ("on Wednesday", "Monday's"), which needs no parser: its
 * index (0 = Sunday), or -1 where neighbours make it part of a longer expression.
 */
export function loneWeekday(tokens: readonly Token[], t: number, first: number, last: number): number {
  const day = WEEKDAY_NAMES.indexOf(tokens[t]!.text);
  if (day < 0) return -1;
  const prev = t > first ? tokens[t - 1]!.text.toLowerCase() : '';
  const next = t + 1 < last ? tokens[t + 1]! : undefined;
  if (WEEKDAY_COMPANIONS.has(prev) || /^\d/.test(prev)) return -1;
  if (next && (WEEKDAY_COMPANIONS.has(next.text.toLowerCase()) || /^\d/.test(next.text) || MONTHS.has(bare(next)))) return -1;
  return day;
}

/** "last week", "this year", "next month" at `t`: the shifter and period, lower-cased. */
export function shiftedPeriod(tokens: readonly Token[], t: number, last: number): [string, string] | undefined {
  const shifter = tokens[t]!.text.toLowerCase();
  const period = t + 1 < last ? tokens[t + 1]!.text.toLowerCase() : '';
  return SHIFTERS.has(shifter) && PERIODS.has(period) ? [shifter, period] : undefined;
}
