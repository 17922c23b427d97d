/**
 * Calendar dates: whether a year, month and day name a real day, and the ISO forms
 * quotegraph reads and writes. Every place that takes a date from outside (an option,
 * a page's metadata, a timestamp line, an index query) validates it here, so that
 * `2016-13-45` or `2016-02-30` never travels on as if it were a date.
 */

/** Years quotegraph accepts as publication years: wide enough for archives, narrow enough to catch typos. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;

/** Days in a month of a year (Gregorian), or 0 when the month is not 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year, month and day name a real calendar day within the accepted years. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR
    && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/** True when year and month name a real month within the accepted years. */
export function isCalendarMonth(year: number, month: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR && daysInMonth(year, month) > 0;
}

/**
 * An ISO 8601 day, month or year prefix (`2016`, `2016-11`, `2016-11-08`, or a timestamp
 * that starts with one) when it names a real calendar date; undefined otherwise.
 * Returns the prefix alone (`2016-11-08T10:00Z` → `2016-11-08`).
 */
export function isoCalendarPrefix(value: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|T| )/.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3] !== undefined) return isCalendarDate(year, Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  if (m[2] !== undefined) return isCalendarMonth(year, Number(m[2])) ? `${m[1]}-${m[2]}` : undefined;
  return year >= MIN_YEAR && year <= MAX_YEAR ? m[1] : undefined;
}

/**
 * True when an ISO 8601 timestamp (`2016-11-08T10:30:00Z`, with optional seconds,
 * fraction and offset) names a real day and a real time of day.
 */
export function isIsoTimestamp(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return false;
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const hour = Number(m[4]), minute = Number(m[5]), second = m[6] === undefined ? 0 : Number(m[6]);
  return hour <= 23 && minute <= 59 && second <= 60;
}
