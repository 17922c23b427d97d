import { QuotegraphOptionsError, describeValue } from '../errors.js';
import { quoteContext, type QuoteContext } from './context.js';
import type { IndexDb } from './db.js';
import { COPIES } from './indexer.js';
import { filterSql, type FilterSql, type QuoteFilter } from './quote-filter.js';
import { MAX_LIMIT } from './search.js';
import { columnOrNull, hasTables, prepared } from './statements.js';

/** One page of a quote search: `limit` results from `offset`. */
export interface QuotePageOptions extends QuoteFilter {
  /** Results on the page: 1 to `MAX_PAGE` (default 20). */
  readonly limit?: number;
  /** Results passed over first; `offset + limit` is at most `MAX_LIMIT`. */
  readonly offset?: number;
}

/** A quote as the JSON API gives it (`GET /api/quotes`, and the rows of an export). */
export interface ApiQuote {
  readonly id: number;
  readonly text: string;
  readonly form: string;
  readonly cue: string | null;
  /** The index-wide speaker; `id` is null where the attribution names no one the index knows ("he" unresolved). */
  readonly speaker: { readonly id: number | null; readonly name: string } | null;
  readonly document: { readonly id: string; readonly title: string | null; readonly outlet: string | null; readonly url: string | null; readonly published: string | null };
  /** The words around the quote in its article; null for a document indexed before texts were kept. */
  readonly context: QuoteContext | null;
  /** Documents that hold the same words by the same speaker (syndicated copies); this one is the best ranked, then the first published. */
  readonly occurrences: number;
}

export interface QuotePage {
  /** Results over all pages (copies counted once). */
  readonly total: number;
  readonly quotes: ApiQuote[];
}

/** A quote's speaker as the API gives it: the index-wide speaker, else the words at the attribution, else null. */
export function speakerRef(id: number | null, name: string | null | undefined, text: string | null): ApiQuote['speaker'] {
  if (id !== null && name != null) return { id, name };
  return text !== null ? { id: null, name: text } : null;
}

/** The most results one page holds. */
export const MAX_PAGE = 100;

const wholeIn = (v: unknown, lo: number, hi: number): boolean => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** A page's limit and offset (defaults 20 and 0), checked: coded errors that say how to fix them. The SQLite and the PostgreSQL index both check with it. */
export function pageBounds(options: QuotePageOptions): { limit: number; offset: number } {
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  if (!wholeIn(limit, 1, MAX_PAGE)) throw new QuotegraphOptionsError('E_OPTION_VALUE', `limit takes a whole number from 1 to ${MAX_PAGE}, not ${describeValue(limit)}`);
  if (!wholeIn(offset, 0, MAX_LIMIT - limit)) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `offset takes a whole number from 0 to ${(MAX_LIMIT - limit).toLocaleString('en-US')} (offset + limit at most ${MAX_LIMIT.toLocaleString('en-US')}), not ${describeValue(offset)}; narrow the search for later results`);
  }
  return { limit, offset };
}

/**
 * A page of quotes matching a filter, best match first (newest first without words), the
 * same words by the same speaker in several documents given once with their number.
 */
export function quotePage(db: IndexDb, options: QuotePageOptions): QuotePage {
  const f = filterSql(db, options);
  const { limit, offset } = pageBounds(options);
  if (f.empty) return { total: 0, quotes: [] };
  const { rows, total } = byFirstCopy(db, options)
    ? firstCopies(db, f, limit, offset)
    : groupedCopies(db, f, limit, offset);
  const shape = apiQuoteOf(db, new Map());
  return { total, quotes: rows.map(shape) };
}

/**
 * Every quote a filter takes, in the order `quotePage` gives them (copies once), one at a
 * time: what `quotegraph export` writes. Rows are read from SQLite as they are written, so
 * memory stays bounded whatever the size of the index.
 */
export function* allQuotes(db: IndexDb, filter: QuoteFilter): Generator<ApiQuote> {
  const f = filterSql(db, filter);
  if (f.empty) return;
  const { sql, params } = byFirstCopy(db, filter) ? firstCopiesSql(f) : groupedCopiesSql(db, f);
  // the texts of the last few documents only: an export reads every document once or so
  const texts = new Map<string, string | null>();
  const shape = apiQuoteOf(db, texts);
  for (const row of prepared(db, sql).iterate(...params, -1, 0) as IterableIterator<Row>) {
    if (texts.size > 16) texts.clear();
    yield shape(row);
  }
}

/** Whether the copies the index run grouped can stand for the copies a filter takes: no filter could take some copies and leave others (dates, outlet). */
const byFirstCopy = (db: IndexDb, f: QuoteFilter): boolean => hasTables(db, 'quote_copies') && f.from === undefined && f.to === undefined && f.outlet === undefined;

/** A row as the API gives it; `texts` caches documents' texts across rows. */
function apiQuoteOf(db: IndexDb, texts: Map<string, string | null>): (r: Row) => ApiQuote {
  const speakerName = prepared(db, 'SELECT name FROM speakers WHERE id = ?');
  const docInfo = prepared(db, `SELECT COALESCE(a.title, d.title) AS title, COALESCE(a.outlet, d.outlet) AS outlet, d.published AS published, ${columnOrNull(db, 'documents', 'url', 'd')} AS url
    FROM documents d LEFT JOIN articles a ON a.doc_id = d.id AND a.n = ? WHERE d.id = ?`);
  return (r) => {
    const doc = docInfo.get(r.article ?? 0, r.doc_id) as { title: string | null; outlet: string | null; published: string | null; url: string | null };
    const name = r.speaker_id !== null ? (speakerName.get(r.speaker_id) as { name: string } | undefined)?.name : null;
    return {
      id: r.id,
      text: r.text,
      form: r.form,
      cue: r.cue,
      speaker: speakerRef(r.speaker_id, name, r.speaker_text),
      document: { id: r.doc_id, title: doc.title, outlet: doc.outlet, url: doc.url, published: r.date ?? doc.published },
      context: quoteContext(db, r.doc_id, r.start, r.end, texts),
      occurrences: r.occurrences,
    };
  };
}

interface Row {
  id: number;
  doc_id: string;
  article: number | null;
  start: number;
  end: number;
  text: string;
  form: string;
  cue: string | null;
  speaker_id: number | null;
  speaker_text: string | null;
  date: string | null;
  occurrences: number;
}

const COLUMNS = 'q.id, q.doc_id, q.article, q.start, q."end", q.text, q.form, q.cue, q.speaker_id, q.speaker_text, q.date';

/**
 * A page from the copies the index run grouped (quote_copies): words, speaker and form are the
 * same in every copy, so the first published copy stands for them all and the date index
 * serves a list. Used when no filter could take some copies and leave others (dates, outlet).
 */
function firstCopies(db: IndexDb, f: FilterSql, limit: number, offset: number): { rows: Row[]; total: number } {
  const { sql, params, count } = firstCopiesSql(f);
  const rows = prepared(db, sql).all(...params, limit, offset) as Row[];
  const total = rows.length < limit && (rows.length > 0 || offset === 0)
    ? offset + rows.length
    : (prepared(db, count).get(...params) as { n: number }).n;
  return { rows, total };
}

/** The query of `firstCopies` (its LIMIT and OFFSET last), and the count of its rows. */
function firstCopiesSql(f: FilterSql): { sql: string; params: ReadonlyArray<string | number>; count: string } {
  const from = `${f.from} JOIN quote_copies c ON c.quote_id = q.id`;
  const where = f.where.length > 0 ? `${f.where} AND c.first = 1` : 'WHERE c.first = 1';
  return {
    sql: `SELECT ${COLUMNS}, c.occurrences, ${f.score} AS score FROM ${from} ${where} ORDER BY ${f.order} LIMIT ? OFFSET ?`,
    params: f.params,
    count: `SELECT COUNT(*) AS n FROM ${from} ${where}`,
  };
}

/**
 * A page grouping copies as it reads them: the copies that pass the filter, the first
 * published shown, with the number of copies the index holds (or that pass, in an index
 * built before copies were grouped).
 */
function groupedCopies(db: IndexDb, f: FilterSql, limit: number, offset: number): { rows: Row[]; total: number } {
  const { sql } = groupedCopiesSql(db, f);
  const rows = prepared(db, sql).all(...f.params, limit, offset) as Array<Row & { total: number }>;
  const total = rows[0]?.total ?? (offset === 0 ? 0 : countGroups(db, sql, f.params));
  return { rows, total };
}

/** The query of `groupedCopies` (its LIMIT and OFFSET last). */
function groupedCopiesSql(db: IndexDb, f: FilterSql): { sql: string; params: ReadonlyArray<string | number> } {
  const order = f.order.replaceAll('q.', '');
  // the copy shown is the best ranked, then the first published
  const firstCopy = order.replace(' DESC', '');
  const grouped = hasTables(db, 'quote_copies');
  const sql = `WITH m AS (SELECT ${COLUMNS}, ${grouped ? 'c.occurrences' : 'NULL'} AS copies, ${f.score} AS score FROM ${f.from} ${grouped ? 'LEFT JOIN quote_copies c ON c.quote_id = q.id' : ''} ${f.where}),
    g AS (SELECT m.*, ROW_NUMBER() OVER (${COPIES} ORDER BY ${firstCopy}) AS rn, COALESCE(copies, COUNT(*) OVER (${COPIES})) AS occurrences FROM m)
    SELECT g.*, COUNT(*) OVER () AS total FROM g WHERE rn = 1 ORDER BY ${order} LIMIT ? OFFSET ?`;
  return { sql, params: f.params };
}

/** The number of results of a page query, for an offset past its end (the page had no row to carry it). */
function countGroups(db: IndexDb, pageSql: string, params: ReadonlyArray<string | number>): number {
  const body = pageSql.slice(0, pageSql.lastIndexOf('SELECT g.*'));
  return (prepared(db, `${body} SELECT COUNT(*) AS n FROM g WHERE rn = 1`).get(...params) as { n: number }).n;
}
