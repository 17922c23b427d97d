/**
 * Shapes of the lines that frame articles on a page: timestamps ("2 hours ago",
 * "Updated: Nov 26, 2025 10:30 AM") and outlet lines ("New Straits Times",
 * "- New Straits Times"). All patterns are anchored and bounded.
 */
import { isIsoTimestamp } from '../../text/calendar.js';
import { writtenDatesFit } from '../../text/written-date.js';
import { MONTH_PATTERN } from '../../lexicon/months.js';
import { WEEKDAY_ABBREVIATION_PATTERN } from '../../lexicon/weekdays.js';
import { knownOutlet } from './lexicon.js';

const NUMBER_WORD = '(?:\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several)';
const UNIT = '(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)';
const AGO = new RegExp(`^(?:(?:updated|published|posted|last updated|edited)\\s*:?\\s*)?(?:about |around |over |nearly |almost )?${NUMBER_WORD}\\s?${UNIT}\\.? ago$`, 'i');
const NOW = /^(?:just now|moments ago|yesterday|today|an hour ago|a minute ago)$/i;
// ("Issued on: 08/12/2026 - 10:42", "Modified on: …", as France 24 prints them)
const STAMP_WORD = /^(?:updated|published|posted|last updated|first published|modified|issued)\b\s*(?:on\s*)?:?\s*/i;
const MONTH = MONTH_PATTERN;
const WEEKDAY = `${WEEKDAY_ABBREVIATION_PATTERN}[a-z]{0,6}\\.?,? `;
const CLOCK = '\\d{1,2}(?:[:.]\\d{2})?(?: ?[AaPp]\\.?[Mm]\\.?)?(?: [A-Z]{2,5}| GMT[+-]\\d{1,2})?';
// "December 8 2026 - 3:15pm, first published 1:40pm", as Australian regional papers print it
const TIME = `(?:,? (?:at |[-–|] )?${CLOCK}(?:,? first published (?:at )?${CLOCK})?)?`;
// "3:42 PM EST, December 8, 2026": the time before the date, as AP prints it
const CLOCK_FIRST = '(?:\\d{1,2}[:.]\\d{2}(?: ?[AaPp]\\.?[Mm]\\.?)?(?: [A-Z]{2,5})?,? )?';
const DATE_LINE = new RegExp(
  `^${CLOCK_FIRST}(?:${WEEKDAY})?(?:${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2} ${MONTH}\\.?,? \\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})${TIME}$`,
);

/**
 * Whether a line is a timestamp and nothing else: relative ("2 hours ago"), labelled
 * ("Updated: 26 Nov 2025"), or a date with an optional time. Returns the timestamp's
 * text without its label, or undefined. A line whose date is not a calendar date
 * (`2016-13-45`, `Nov 31, 2016`) is no timestamp.
 */
export function timestampOf(line: string): string | undefined {
  const t = line.trim();
  if (t.length === 0 || t.length > 80) return undefined;
  if (AGO.test(t) || NOW.test(t)) return t.replace(STAMP_WORD, '');
  const bare = t.replace(STAMP_WORD, '').replace(/^[|•·–—-]\s*/, '');
  if ((DATE_LINE.test(bare) || isIsoTimestamp(bare)) && writtenDatesFit(bare)) return bare;
  return undefined;
}

const LEAD = /^(?:[-–—•|·]\s*|(?:source|via|from)\s*:\s*)/i;
const TITLE_WORDS = /^(?:[A-Z0-9][\w'’&.-]*|of|the|and|de|du|la|le|al|el)(?: (?:[A-Z0-9][\w'’&.-]*|of|the|and|de|du|la|le|al|el)){0,5}$/;

/** The outlet a line names, by the lexicon, with its lead ("- The Star", "Source: CNN"). */
export function outletOf(line: string): string | undefined {
  const t = line.trim().replace(LEAD, '');
  const known = knownOutlet(t);
  if (known !== undefined) return known;
  // "BBC News, Sydney": the outlet and the place the byline writes from
  const comma = t.lastIndexOf(', ');
  return comma > 0 && PLACE_AFTER.test(t.slice(comma + 2)) ? knownOutlet(t.slice(0, comma)) : undefined;
}

const PLACE_AFTER = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}$/u;

/**
 * A line that could name an outlet without the lexicon knowing it: one to six
 * capitalised words and no end punctuation ("Daily Express", "- The Borneo Post").
 * It is taken for an outlet only next to a timestamp.
 */
export function outletShaped(line: string): string | undefined {
  const t = line.trim().replace(LEAD, '');
  return t.length <= 60 && TITLE_WORDS.test(t) ? t : undefined;
}

const NAV_SEPARATOR = /\s[|•·»›]\s/g;

/** A navigation bar: three or more short items between "|", "•" or "›" ("Home | World | Sport"). */
export function navigationShaped(line: string): boolean {
  if (line.length > 200) return false;
  const items = line.split(NAV_SEPARATOR);
  return items.length >= 3 && items.every((item) => {
    const t = item.trim();
    return t.length > 0 && t.split(/\s+/).length <= 3 && !/[.!?]$/.test(t);
  });
}
