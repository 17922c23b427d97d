/**
 * Whether the dates a piece of text writes are calendar dates as written: chrono-node
 * and `Date.parse` "repair" what is not (`2016-13-01` read day-first as 2016-01-13,
 * `November 45, 2016` read as November 2045, `Feb 30` rolled over to March 1), and
 * quotegraph refuses such repairs rather than pass them on as dates.
 */
import { MONTH_NUMBERS } from '../lexicon/months.js';
import { MAX_YEAR, MIN_YEAR, daysInMonth, isCalendarDate } from './calendar.js';

const MONTHS: Readonly<Record<string, number>> = MONTH_NUMBERS;
const NAME = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const ISO_DAY = /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g;
const MONTH_NUMBER = new RegExp(`\\b(${NAME})\\.?\\s+(\\d{1,4})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi');
const NUMBER_MONTH = new RegExp(`(?<![\\d'’])\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${NAME})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'gi');
/** A year that is not written stands for a leap year: "February 29" alone may be a date. */
const ANY_YEAR = 2000;

const yearOk = (y: number): boolean => y >= MIN_YEAR && y <= MAX_YEAR;
const dayFits = (day: number, month: number, year: string | undefined): boolean =>
  day >= 1 && day <= daysInMonth(year === undefined ? ANY_YEAR : Number(year), month) && (year === undefined || yearOk(Number(year)));

/** False when the text writes a day its month does not have, a month 13, or a number after a month name that is neither a day nor a year. */
export function writtenDatesFit(text: string): boolean {
  for (const m of text.matchAll(ISO_DAY)) {
    if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  }
  for (const m of text.matchAll(MONTH_NUMBER)) {
    const month = MONTHS[m[1]!.toLowerCase()]!;
    const n = m[2]!;
    if (n.length === 4 ? !yearOk(Number(n)) : n.length === 3 || !dayFits(Number(n), month, m[3])) return false;
  }
  for (const m of text.matchAll(NUMBER_MONTH)) {
    if (!dayFits(Number(m[1]), MONTHS[m[2]!.toLowerCase()]!, m[3])) return false;
  }
  return true;
}
