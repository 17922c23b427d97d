import type { ApiQuote } from '../../store/quote-page.js';

/**
 * A quote as a CSV row (RFC 4180): flat columns, a field in double quotes when it holds a
 * comma, a double quote or a line break (its double quotes doubled), lines ended by CRLF.
 * The text is untrusted, and a spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula: such a cell gets a leading apostrophe, which
 * spreadsheets show as text (OWASP, "CSV Injection").
 */

export const CSV_COLUMNS = ['id', 'text', 'form', 'cue', 'speaker_id', 'speaker_name', 'document_id', 'title', 'outlet', 'url', 'published', 'occurrences'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: empty for null, formula-safe, quoted where RFC 4180 needs it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The fields of a quote, in the order of `CSV_COLUMNS`. */
export function csvValues(q: ApiQuote): Array<string | number | null> {
  return [q.id, q.text, q.form, q.cue, q.speaker?.id ?? null, q.speaker?.name ?? null, q.document.id, q.document.title, q.document.outlet, q.document.url, q.document.published, q.occurrences];
}

export const csvLine = (values: ReadonlyArray<string | number | null>): string => `${values.map(csvField).join(',')}\r\n`;

export const CSV_HEADER = csvLine([...CSV_COLUMNS]);
