/**
 * Line shapes of wire copy: datelines, trailing agency credits, "(Reporting by …)"
 * parentheses, bylines and hat tips. Each parser reads one line of the normalised view
 * and returns offsets into that line; none of them looks past a bounded stretch, so
 * all run in time linear in the line.
 */
import { isDatelineStopword, knownOutlet } from '../layout/lexicon.js';
import { findAgency, type Agency } from '../../lexicon/agencies.js';
import { MONTH_PATTERN } from '../../lexicon/months.js';
import { trimEnd } from '../layout/trim.js';
import glue from '../../lexicon/credit-glue.json';

/** Page text glued to a credit's last name ("Andrew HeavensOur Standards: …"), longest first. */
const GLUED = [...glue.openers].sort((a, b) => b.length - a.length);

/** Where page text glued to the end of a credit starts in `text`, or `text.length`. */
export function gluedEnd(text: string): number {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) continue;
    const before = text.charCodeAt(i - 1);
    if (before < 97 || before > 122) continue;
    if (GLUED.some((g) => text.startsWith(g, i))) return i;
  }
  return text.length;
}

/** `[start, end)` inside the line. */
export type Range = readonly [number, number];

export interface Dateline {
  readonly place?: Range;
  readonly date?: Range;
  readonly agency?: { readonly range: Range; readonly agency: Agency };
  /** Where the article's own text starts after the dateline. */
  readonly end: number;
}

const MONTH = MONTH_PATTERN;
const MONTH_AT = new RegExp(`^${MONTH}\\b`);
/** "Nov 26", "Sept. 26", "Nov. 26, 2025", after the comma that introduces it. */
const DATE_PART = new RegExp(`^,? ${MONTH}\\.? \\d{1,2}(?:, \\d{4})?`);
/** A date opening the line, with no place before it: "Dec 29 (Reuters) -". */
const DATE_OPENING = new RegExp(`^${MONTH}\\.? \\d{1,2}`);
/** Capitalised words of a place: "MEXICO CITY", "Washington", "NEW DELHI", "ST. LOUIS". */
const PLACE_WORDS = /^[A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*){0,3}/;
/** A second place after a slash: "WASHINGTON/NEW YORK (Reuters) -" (the first is the dateline's). */
const MORE_PLACES = /^\/[A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*){0,3}/;
/** ", N.Y.", ", Calif.", ", Iowa": a region after the city, before a date or the agency. */
const REGION_PART = /^, [A-Z][A-Za-z.]{0,12}(?: [A-Z][A-Za-z.]{0,12})?(?=,| \(| ?[-–—:])/;
const AGENCY_PART = /^ ?\(([^()\n]{1,40})\)/;
/** "-", "--", "–", "—", ":" and the "_" of raw AP wire copy. */
const SEPARATOR = /^ ?(?:--|[-–—:_])/;
const HAS_LOWER = /[a-z]/;
const DATELINE_REACH = 120;

/**
 * A dateline at the start of a line: "WASHINGTON:", "MOSCOW (Reuters) -",
 * "Washington (AFP) –", "NEW DELHI, Nov 26 (Reuters) -", "BEIJING, Nov. 26 (Xinhua) --",
 * "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "Dec 29 (Reuters) -". A place without an agency
 * must be in capitals ("WARSAW:"), so that "Update:" or "Trump -" are not datelines.
 */
export function parseDateline(full: string): Dateline | undefined {
  // a dateline is short: only the line's opening is read
  const line = full.slice(0, DATELINE_REACH);
  const bare = bareDateline(line);
  if (bare) return bare;
  let pos = 0;
  let place: Range | undefined;
  let date: Range | undefined;
  const words = PLACE_WORDS.exec(line);
  if (words && !MONTH_AT.test(line)) {
    const text = trimEnd(words[0], '-', false);
    place = [0, text.length];
    pos = text.length;
    const more = MORE_PLACES.exec(line.slice(pos));
    if (more) pos += more[0].length;
    const region = REGION_PART.exec(line.slice(pos));
    if (region) pos += region[0].length;
  }
  const d = (pos === 0 ? DATE_OPENING : DATE_PART).exec(line.slice(pos));
  if (d) {
    const lead = d[0].startsWith(',') ? 2 : d[0].startsWith(' ') ? 1 : 0;
    date = [pos + lead, pos + d[0].length];
    pos += d[0].length;
  }
  let agency: Dateline['agency'];
  const a = AGENCY_PART.exec(line.slice(pos));
  if (a) {
    const found = findAgency(a[1]!);
    if (found) {
      const open = pos + a[0].indexOf('(') + 1;
      agency = { range: [open, open + a[1]!.length], agency: found };
      pos += a[0].length;
    }
  }
  const sep = SEPARATOR.exec(line.slice(pos));
  if (!sep) return undefined;
  const end = pos + sep[0].length;
  if (!/\S/.test(line.slice(end, end + 40))) return undefined;
  if (agency === undefined) {
    // without an agency: a place in capitals, then ":" or a dash, then the story
    if (place === undefined) return undefined;
    const placeText = line.slice(place[0], place[1]);
    if (HAS_LOWER.test(placeText) || placeText.replace(/[^A-Z]/g, '').length < 2) return undefined;
    if (isDatelineStopword(placeText) || findAgency(placeText) || knownOutlet(placeText)) return undefined;
    // "WASHINGTON - " needs the space: "U.S.-led" is no dateline
    const mark = sep[0].trim();
    if ((mark === '-' || mark === '_') && !/^ ?[-_] /.test(line.slice(pos))) return undefined;
  } else if (place !== undefined && date === undefined && MONTH_AT.test(line.slice(place[0]))) {
    place = undefined;
  }
  return {
    ...(place ? { place } : {}),
    ...(date ? { date } : {}),
    ...(agency ? { agency } : {}),
    end,
  };
}

/** The older Reuters style, with no agency and no dash: "WASHINGTON Oct 7 Brazilian central bank …". */
const PLACE_THEN_DATE = new RegExp(`^([A-Z][A-Z'’.\\-]*(?: [A-Z][A-Z'’.\\-]*){0,3}) (${MONTH}\\.? \\d{1,2})(?:, \\d{4})? (?=[A-Z"“])`);
/** A place with its country or region in parentheses before a colon: "Ankara (Turkey): The death toll …". */
const PLACE_THEN_COUNTRY = /^([A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}) \(([A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*){0,3})\): (?=\S)/;

/** Datelines without an agency or a dash, in the two shapes above. */
function bareDateline(line: string): Dateline | undefined {
  const d = PLACE_THEN_DATE.exec(line);
  if (d && !MONTH_AT.test(line) && datelinePlace(d[1]!)) {
    const dateAt = d[1]!.length + 1;
    return { place: [0, d[1]!.length], date: [dateAt, dateAt + d[2]!.length], end: d[0].length };
  }
  const c = PLACE_THEN_COUNTRY.exec(line);
  if (c && !MONTH_AT.test(line) && datelinePlace(c[1]!) && datelinePlace(c[2]!)) return { place: [0, c[1]!.length], end: c[0].length };
  return undefined;
}

/** A place a dateline can name: no label ("BREAKING"), agency or outlet. */
function datelinePlace(text: string): boolean {
  return !isDatelineStopword(text) && !findAgency(text) && knownOutlet(text) === undefined;
}

export interface AgencyCredit {
  readonly range: Range;
  readonly agency: Agency;
}

export interface TrailingCredit {
  /** Where the credit starts (its dash, or the agency name on a line of its own). */
  readonly start: number;
  readonly agencies: readonly AgencyCredit[];
}

const DASH = new Set(['-', '–', '—', '―']);
/** The characters of DASH by code, for scans that test every character of a line. */
const isDashCode = (c: number): boolean => c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2015;
const BEFORE_DASH = /[\s.!?"')\]”’]/;

/** Agency names joined by "/", "and" or ",": "AFP", "AFP/Reuters", "Reuters and AP", "with AFP". */
function agencyList(line: string, from: number, to: number): AgencyCredit[] | undefined {
  const found: AgencyCredit[] = [];
  for (const [s, e] of pieces(line, from, to, AGENCY_SEPARATORS)) {
    const raw = line.slice(s, e);
    const text = raw.trim().replace(/\.$/, '').replace(/^with /i, '');
    const agency = text.length > 0 ? findAgency(text) : undefined;
    if (!agency) return undefined;
    const at = s + raw.indexOf(text);
    found.push({ range: [at, at + text.length], agency });
  }
  return found.length > 0 ? found : undefined;
}

/**
 * An agency credit at the end of a line: "… nation. – AFP", "…world."— REUTERS",
 * "— Bernama", "-- With AFP", or a line that is only agency names ("Reuters."). A
 * photo credit ("Handout/Reuters") has no dash and is not one.
 */
export function parseTrailingCredit(line: string): TrailingCredit | undefined {
  let end = line.length;
  while (end > 0 && /[\s.]/.test(line[end - 1]!)) end--;
  if (end === 0) return undefined;
  const whole = end <= 60 ? agencyList(line, 0, end) : undefined;
  if (whole && !line.includes('/')) return { start: 0, agencies: whole };
  const bracketed = parenthesisedAgencies(line, end);
  if (bracketed) return bracketed;
  // a dash within reach of the end, standing apart, followed by agency names only
  for (let i = end - 1; i >= Math.max(0, end - 60); i--) {
    if (!isDashCode(line.charCodeAt(i))) continue;
    let start = i;
    while (start > 0 && DASH.has(line[start - 1]!)) start--;
    if (start > 0 && !BEFORE_DASH.test(line[start - 1]!)) continue;
    const agencies = agencyList(line, i + 1, end);
    if (agencies) return { start, agencies };
  }
  return undefined;
}

/** An agency desk's sign-off, the editors' initials ("bur/ab/jxb", "sst/mlr", "ab/sms", "bur-ho/sn"): lower case, two to five letters (a pair joined by a hyphen) between slashes. */
const DESK_SLUG = /^[a-z]{2,5}(?:-[a-z]{2,5})?(?:\/[a-z]{2,5}(?:-[a-z]{2,5})?){1,6}$/;

/** Whether a text is an agency desk's sign-off and nothing else. */
export function isDeskSlug(text: string): boolean {
  return text.length <= 40 && DESK_SLUG.test(text);
}

/**
 * "… the ministry said. (AFP, AP)": agency names in a parenthesis closing the line after
 * the last sentence, or standing alone. "the Associated Press (AP)" inside a sentence
 * names an agency and credits none.
 */
function parenthesisedAgencies(line: string, end: number): TrailingCredit | undefined {
  if (line[end - 1] !== ')') return undefined;
  const open = line.lastIndexOf('(', end - 1);
  if (open < 0 || end - open > 60) return undefined;
  let before = open;
  while (before > 0 && /\s/.test(line[before - 1]!)) before--;
  // "ab/sms (dpa, Reuters)": the desk's sign-off before the agencies, the whole line the credit
  if (before > 0 && before < open && isDeskSlug(line.slice(0, before))) {
    const agencies = agencyList(line, open + 1, end - 1);
    return agencies ? { start: 0, agencies } : undefined;
  }
  if (before > 0 && (before === open || !/[.!?"'”’]/.test(line[before - 1]!))) return undefined;
  const agencies = agencyList(line, open + 1, end - 1);
  return agencies ? { start: open, agencies } : undefined;
}

export type CreditRole = 'reporting' | 'writing' | 'editing';

export interface NamedCredit {
  readonly role: CreditRole | 'byline' | 'source';
  readonly range: Range;
}

export interface CreditList {
  /** Where the credit starts: its opening parenthesis, or the line start. */
  readonly start: number;
  readonly credits: readonly NamedCredit[];
}

const ROLE_OF: ReadonlyArray<readonly [RegExp, CreditRole]> = [
  [/^(?:additional |further |also )?(?:reporting|reported)$/i, 'reporting'],
  [/^(?:writing|written|compiled|compiling)$/i, 'writing'],
  [/^(?:editing|edited)$/i, 'editing'],
];
const CREDIT_OPENING = /^\(?(?:(?:additional|further|also) )?(?:reporting|reported|writing|written|compiled|compiling|editing|edited) by:? /i;

const NAME_SEPARATORS = /,|;|&| and /g;
const AGENCY_SEPARATORS = /,|\/|&| and /g;

/** The pieces of `line[from, to)` between separators (",", ";", "&", " and "), as ranges. */
function pieces(line: string, from: number, to: number, separators = NAME_SEPARATORS): Range[] {
  const out: Range[] = [];
  const re = separators;
  re.lastIndex = 0;
  const body = line.slice(from, to);
  let at = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out.push([from + at, from + m.index]);
    at = m.index + m[0].length;
  }
  out.push([from + at, to]);
  return out;
}

/** Names in a credit: "X and Y", "X, Y and Z", "X in Washington" (the place dropped). */
function names(line: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  const cut = from + gluedEnd(line.slice(from, to));
  for (const [s, e] of pieces(line, from, cut)) {
    let text = line.slice(s, e);
    const place = text.search(/\s(?:in|from) [A-Z]/);
    if (place >= 0) text = text.slice(0, place);
    text = trimEnd(text, '.');
    const lead = text.length - text.trimStart().length;
    text = text.trim();
    if (!/^[A-Z]/.test(text) || text.length > 50) continue;
    out.push([s + lead, s + lead + text.length]);
  }
  return out;
}

/**
 * "(Reporting by X and Y; Additional reporting by Z; Writing by W; Editing by V)" at
 * the end of a line, or the same without parentheses as a line of its own.
 */
export function parseCreditList(line: string): CreditList | undefined {
  let end = line.length;
  while (end > 0 && /[\s.]/.test(line[end - 1]!)) end--;
  let start = 0;
  let inner: [number, number] = [0, end];
  if (line[end - 1] === ')') {
    const open = line.lastIndexOf('(', end - 1);
    if (open < 0 || end - open > 400) return undefined;
    start = open;
    inner = [open + 1, end - 1];
  } else if (end > 400) {
    return undefined;
  }
  if (!CREDIT_OPENING.test(line.slice(inner[0], inner[0] + 40))) return undefined;
  const credits: NamedCredit[] = [];
  let partStart = inner[0];
  for (let i = inner[0]; i <= inner[1]; i++) {
    if (i < inner[1] && line[i] !== ';') continue;
    const part = line.slice(partStart, i);
    // "Editing by X", and "Edited by: X" as some sites print it
    const by = / by:? /i.exec(part);
    if (by && by.index > 0) {
      const verb = part.slice(0, by.index).trim().replace(/^\(/, '');
      const role = ROLE_OF.find(([re]) => re.test(verb))?.[1];
      if (role) for (const r of names(line, partStart + by.index + by[0].length, i)) credits.push({ role, range: r });
    }
    partStart = i + 1;
  }
  return credits.length > 0 ? { start, credits } : undefined;
}

const CONTRIBUTED = / contributed (?:reporting|to this report|to this story)(?: from [A-Z][^.]{0,60})?\.?$/;
/** "Associated Press writer", "AP writers": the agency before the names of a contribution line. */
const WRITERS = /^(?:(?:The )?(?:[A-Z][A-Za-z.-]*(?: [A-Z][A-Za-z.-]*){0,3}) )?(?:writers?|reporters?|correspondents?|photographers?) /;

/**
 * "Bryant Rousseau and Caryn Wilson contributed reporting.", "Associated Press writer
 * Julie Pace contributed to this report.": reporting credits, and the agency named.
 */
export function parseContribution(line: string): { readonly credits: readonly NamedCredit[]; readonly agency?: AgencyCredit } | undefined {
  if (line.length > 300) return undefined;
  const m = CONTRIBUTED.exec(line);
  if (!m) return undefined;
  let from = 0;
  let agency: AgencyCredit | undefined;
  const writers = WRITERS.exec(line);
  if (writers) {
    const label = writers[0].trim().split(' ');
    const org = label.slice(0, -1).join(' ');
    const found = org.length > 0 ? findAgency(org) : undefined;
    if (found) agency = { range: [0, org.length], agency: found };
    from = writers[0].length;
  }
  const credits = names(line, from, m.index).filter(([s, e]) => NAME.test(line.slice(s, e))).map((range) => ({ role: 'reporting' as const, range }));
  if (credits.length === 0) return undefined;
  return { credits, ...(agency ? { agency } : {}) };
}

export interface Byline {
  readonly people: readonly Range[];
  /** The agency the byline names ("By Maria Gonzalez, Associated Press"). */
  readonly agency?: AgencyCredit;
  /** The outlet it names ("Heidi M. Przybyla, USA TODAY"). */
  readonly outlet?: Range;
}

const NAME = /^(?:[A-Z][A-Za-z'’\-]*\.?|[A-Z]\.)(?: (?:[A-Z][A-Za-z'’\-]*\.?|[A-Z]\.|de|van|von|der|da|del|bin|al-[A-Z][a-z]+)){1,4}$/;
const CAPS_AFFILIATION = /^[A-Z][A-Z .&'-]{1,40}$/;

/**
 * A byline: "By Maria Gonzalez, Associated Press", "By A and B", or a name with its
 * outlet "Heidi M. Przybyla, USA TODAY" (where the outlet or agency is known, or in capitals).
 */
export function parseByline(line: string): Byline | undefined {
  const trimmed = trimEnd(line, '');
  if (trimmed.length > 160) return undefined;
  const hasBy = /^By /i.test(trimmed);
  const from = hasBy ? 3 : 0;
  // (the match starts where a run of spaces does: the same first match, linear on long runs)
  const split = trimmed.search(/(?<! ) *[,|] */);
  const namesEnd = split > from ? split : trimmed.length;
  let agency: AgencyCredit | undefined;
  let outlet: Range | undefined;
  if (split > from) {
    const after = trimmed.slice(split).replace(/^ *[,|] */, '');
    const at = trimmed.length - after.length;
    const agencies = agencyList(trimmed, at, trimmed.length);
    if (agencies && agencies.length === 1) agency = agencies[0];
    else if (knownOutlet(after) !== undefined || CAPS_AFFILIATION.test(after)) outlet = [at, trimmed.length];
    else if (!hasBy) return undefined;
  } else if (!hasBy) {
    return undefined;
  }
  if (hasBy && split < 0) {
    // "By The Associated Press": the agency alone
    const only = agencyList(trimmed, from, trimmed.length);
    if (only && only.length === 1) return { people: [], agency: only[0]! };
  }
  const people = names(trimmed, from, namesEnd).filter(([s, e]) => NAME.test(trimmed.slice(s, e)) && !findAgency(trimmed.slice(s, e)));
  if (people.length === 0) return undefined;
  // every piece before the affiliation must be a name, or this is a sentence
  const parts = pieces(trimmed, from, namesEnd).filter(([s, e]) => trimmed.slice(s, e).trim().length > 0);
  if (parts.length !== people.length) return undefined;
  return { people, ...(agency ? { agency } : {}), ...(outlet ? { outlet } : {}) };
}

/** "h/t: The Hill", "H/T The Hill", "Hat tip: …": the source an item came from. */
export function parseHatTip(line: string): Range | undefined {
  const m = /^(?:h\/t|hat tip)\b:? */i.exec(line);
  if (!m) return undefined;
  let end = line.length;
  while (end > m[0].length && /[\s.]/.test(line[end - 1]!)) end--;
  if (end - m[0].length > 60 || end <= m[0].length) return undefined;
  return [m[0].length, end];
}
