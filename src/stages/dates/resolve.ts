/**
 * Turning a date expression into an ISO 8601 value with chrono-node, at the precision
 * the text gives: "February 24, 2022" → 2022-02-24, "February 2022" → 2022-02,
 * "last month" → 2025-10, "2 hours ago" → 2025-11-26T06:30Z. Relative expressions
 * resolve against a reference time (the article's publication) and get no value
 * without one.
 */
import { Chrono, configuration, type Parser, type ParsedResult } from 'chrono-node/en';
import { writtenDatesFit } from '../../text/written-date.js';

/**
 * chrono-node's casual English, without the parsers of clock times and in-/later-
 * spans ("at 7 p.m.", "within 3 days", "5/6"): values here stop at the day, and those
 * parsers cost most of chrono's time. chrono exports no parser classes, and their names
 * do not survive a minifier (a browser build's `constructor.name` is "e"), so each parser
 * left out is known by what it reads: the one parser that reads its probe alone.
 * tests/dates-parsers.test.ts holds these probes to the parsers' names.
 */
export const SKIPPED_PROBES: Readonly<Record<string, string>> = {
  ENTimeExpressionParser: 'at 7 p.m.',
  ENCasualTimeParser: 'this afternoon',
  ENTimeUnitWithinFormatParser: 'within 3 days',
  ENTimeUnitLaterFormatParser: '3 days later',
  SlashDateFormatParser: '5/6/2020',
  ENSlashMonthFormatParser: '5/2020',
};
const casualConfiguration = configuration.createCasualConfiguration();
const PROBE_INSTANT = new Date(Date.UTC(2000, 0, 1, 12));
const readsProbe = (parser: Parser): boolean =>
  Object.values(SKIPPED_PROBES).some((probe) => new Chrono({ parsers: [parser], refiners: [] }).parse(probe, { instant: PROBE_INSTANT, timezone: 0 }).length > 0);
/** The casual configuration's parsers that quotegraph leaves out, found by their probes. */
export const SKIPPED_PARSERS: readonly Parser[] = casualConfiguration.parsers.filter(readsProbe);
const chrono = new Chrono({
  parsers: casualConfiguration.parsers.filter((p) => !SKIPPED_PARSERS.includes(p)),
  refiners: casualConfiguration.refiners,
});

/**
 * Stands in for "no reference": chrono always resolves against some instant, so it is
 * given one so far back that any component it supplied from it is recognisable.
 */
const SENTINEL = new Date(Date.UTC(1000, 0, 1, 12));
const SENTINEL_YEAR = 1000;

/** A reference time from an ISO string ("2025-11-26" is read as its noon, UTC). */
export function referenceOf(iso: string | undefined): Date | undefined {
  if (iso === undefined) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Whether the reference carries a time of day (not just a date). */
export function hasTime(iso: string | undefined): boolean {
  return iso !== undefined && /T\d{2}:\d{2}/.test(iso);
}

export function parseDates(text: string, reference: Date | undefined): ParsedResult[] {
  return chrono.parse(text, { instant: reference ?? SENTINEL, timezone: 0 });
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const SUB_DAY = /\b(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b/i;
const WEEK = /\bweek\b/i;
const NEXT = /\b(?:next|coming)\b/i;
const LAST = /\b(?:last|past|previous)\b/i;

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The value of the week holding a day ("last week"), at the finest precision the
 * graph's schema takes: its month where the whole week lies in one, else its year.
 */
function weekValue(d: Date): string | undefined {
  const day = d.getUTCDay() || 7;
  const monday = new Date(d.getTime() - (day - 1) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  if (monday.getUTCFullYear() !== sunday.getUTCFullYear()) return undefined;
  if (monday.getUTCMonth() !== sunday.getUTCMonth()) return String(monday.getUTCFullYear());
  return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}`;
}

/**
 * The day a weekday names, seen from the reference. News reports the past: a bare
 * "Wednesday" is the latest Wednesday on or before the reference, unless the text says
 * "next" or the sentence speaks of the future (`future`).
 */
function weekdayDate(weekday: number, reference: Date, text: string, future: boolean): Date {
  const ref = reference.getUTCDay();
  let delta: number;
  if (NEXT.test(text) || (future && !LAST.test(text))) {
    delta = (weekday - ref + 7) % 7 || 7;
    if (future && !NEXT.test(text) && weekday === ref) delta = 0;
  } else {
    delta = -((ref - weekday + 7) % 7);
    if (LAST.test(text) && delta === 0) delta = -7;
  }
  return new Date(reference.getTime() + delta * 86_400_000);
}

/** The day a bare or shifted weekday names ("Wednesday", "last Friday"), seen from the reference. */
export function weekdayValue(weekday: number, reference: Date, text: string, future: boolean): string {
  return isoDay(weekdayDate(weekday, reference, text, future));
}

/**
 * "last week", "this year", "next month": the period a shifter names, seen from the
 * reference; undefined for shapes left to chrono ("past year", "last weekend").
 */
export function periodValue(shifter: string, period: string, reference: Date): string | undefined {
  const step = shifter === 'last' || shifter === 'previous' ? -1 : shifter === 'this' ? 0 : shifter === 'next' || shifter === 'coming' ? 1 : undefined;
  if (step === undefined) return undefined;
  const y = reference.getUTCFullYear();
  const m = reference.getUTCMonth();
  if (period === 'year') return String(y + step);
  if (period === 'month') {
    const d = new Date(Date.UTC(y, m + step, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  if (period === 'week') return weekValue(new Date(reference.getTime() + step * 7 * 86_400_000));
  return undefined;
}

/**
 * The ISO value of a chrono result, or undefined where the text does not fix the date
 * (a relative expression with no reference, "Nov 26" with no year known).
 */
export function valueOf(result: ParsedResult, reference: Date | undefined, options: { refHasTime?: boolean; future?: boolean } = {}): string | undefined {
  const c = result.start;
  const year = c.get('year');
  if (year === null || year <= SENTINEL_YEAR) return undefined;
  const text = result.text;
  const month = c.get('month');
  const day = c.get('day');
  const weekday = c.get('weekday');
  if (reference && weekday !== null && c.isCertain('weekday') && !c.isCertain('day')) {
    return isoDay(weekdayDate(weekday, reference, text, options.future ?? false));
  }
  if (reference && WEEK.test(text) && !/\d/.test(text)) return weekValue(c.date());
  if (SUB_DAY.test(text) && c.isCertain('hour') && options.refHasTime) {
    const d = c.date();
    return `${isoDay(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}Z`;
  }
  if (month !== null && day !== null && c.isCertain('day')) return `${year}-${pad(month)}-${pad(day)}`;
  if (month !== null && c.isCertain('month')) return `${year}-${pad(month)}`;
  return String(year);
}

/** The value of a whole expression such as a page's "2 hours ago" or "Nov 26, 2025". */
export function resolveExpression(text: string, referenceIso: string | undefined): string | undefined {
  const reference = referenceOf(referenceIso);
  const result = parseDates(text, reference)[0];
  if (!result || !writtenDatesFit(result.text)) return undefined;
  return valueOf(result, reference, { refHasTime: hasTime(referenceIso) });
}
