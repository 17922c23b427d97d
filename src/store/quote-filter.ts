import { QuotegraphOptionsError, describeValue } from '../errors.js';
import { isoCalendarPrefix } from '../text/calendar.js';
import type { IndexDb } from './db.js';
import { middleDropped, nameKey, tokenCount } from './names.js';
import { ftsMatch, searchTerms, type SearchTerm } from './search-query.js';
import { prepared } from './statements.js';

/** Which quotes a search takes: words, speaker, dates, outlet, form (all optional but the words, empty for every quote). */
export interface QuoteFilter {
  /** Words to find in the quotes ("a phrase" in double quotes, word* for a prefix); empty lists by date. Bounded by QUERY_BOUNDS. */
  readonly query: string;
  readonly speaker?: string;
  /** One index-wide speaker by id (as `/api/speakers` gives them). */
  readonly speakerId?: number;
  /** ISO dates (or months, or years), inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** The outlet of the quote's document, as the index holds it ("Reuters"). */
  readonly outlet?: string;
  readonly form?: string;
}

/** A filter as SQL over `quotes q` (and `quotes_fts` when ranked): FROM, WHERE and its parameters. */
export interface FilterSql {
  readonly from: string;
  readonly where: string;
  readonly params: ReadonlyArray<string | number>;
  /** bm25 when words were given, else 0 (lower is better). */
  readonly score: string;
  /** The order of a ranked or dated list. */
  readonly order: string;
  /** The query had text but no word to search for ("?!"): nothing matches. */
  readonly empty: boolean;
}

export const QUOTE_FORMS = ['direct', 'indirect', 'mixed'] as const;

/** The upper bound of an inclusive `to`: "2016-09" takes the whole month. */
export const dateUpper = (to: string): string => `${to}\uffff`;

/**
 * The speaker ids a name given on the command line stands for, in id order: a full name (with
 * or without its middle names: "Donald J. Trump" finds "Donald Trump"), an alias, or a last
 * name alone, which finds everyone who has it.
 */
export function speakerIds(db: IndexDb, name: string): number[] {
  const key = nameKey(name);
  if (key.length === 0) return [];
  const ids = new Set<number>();
  const byKey = prepared(db, 'SELECT speaker_id FROM speaker_keys WHERE key = ?');
  for (const k of new Set([key, middleDropped(key)])) for (const r of byKey.all(k) as Array<{ speaker_id: number }>) ids.add(r.speaker_id);
  if (tokenCount(key) === 1) {
    for (const r of prepared(db, 'SELECT speaker_id FROM speaker_surnames WHERE surname = ?').all(key) as Array<{ speaker_id: number }>) ids.add(r.speaker_id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** The speakers a name stands for (`speakerIds`), each with their number of quotes, most first: several when people share it. */
export function speakersNamed(db: IndexDb, name: string): Array<{ id: number; name: string; quotes: number }> {
  const ids = speakerIds(db, name);
  const one = prepared(db, 'SELECT s.id, s.name, (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes FROM speakers s WHERE s.id = ?');
  return ids.map((id) => one.get(id) as { id: number; name: string; quotes: number } | undefined).filter((s) => s !== undefined).sort((a, b) => b.quotes - a.quotes || a.id - b.id);
}

/** Checks a filter (coded errors that say how to fix it); returns its search terms. The SQLite and the PostgreSQL index both check with it. */
export function checkFilter(f: QuoteFilter): SearchTerm[] {
  const terms = searchTerms(f.query);
  for (const k of ['from', 'to'] as const) {
    const v = f[k];
    if (v !== undefined && (typeof v !== 'string' || isoCalendarPrefix(v) !== v)) {
      throw new QuotegraphOptionsError('E_OPTION_VALUE', `${k} takes a date such as 2016-09-30, 2016-09 or 2016 (a real day, month or year), not ${describeValue(v)}`);
    }
  }
  if (f.speaker !== undefined && (typeof f.speaker !== 'string' || f.speaker.trim().length === 0)) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `speaker takes a name such as "Lavrov" or "Sergei Lavrov", not ${describeValue(f.speaker)}; leave it out to search every speaker`);
  }
  if (f.speakerId !== undefined && !Number.isSafeInteger(f.speakerId)) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `speakerId takes a speaker's id (a whole number), not ${describeValue(f.speakerId)}`);
  }
  if (f.outlet !== undefined && (typeof f.outlet !== 'string' || f.outlet.length === 0)) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `outlet takes an outlet's name such as "Reuters", not ${describeValue(f.outlet)}; leave it out for every outlet`);
  }
  if (f.form !== undefined && !(QUOTE_FORMS as readonly unknown[]).includes(f.form)) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `form takes one of ${QUOTE_FORMS.join(', ')}, not ${describeValue(f.form)}`);
  }
  return terms;
}

/** Checks a filter (coded errors that say how to fix it) and writes it as SQL. */
export function filterSql(db: IndexDb, f: QuoteFilter): FilterSql {
  const match = ftsMatch(checkFilter(f));
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (match.length > 0) {
    where.push('quotes_fts MATCH ?');
    params.push(match);
  }
  if (f.speaker !== undefined) {
    const ids = speakerIds(db, f.speaker);
    if (ids.length > 0) {
      where.push(`q.speaker_id IN (${ids.map(() => '?').join(', ')})`);
      params.push(...ids);
    } else {
      // The name is matched literally: LIKE's wildcards in it (% and _) and the escape character are escaped.
      where.push("q.speaker_text LIKE ? ESCAPE '\\'");
      params.push(`%${f.speaker.replace(/[\\%_]/g, '\\$&')}%`);
    }
  }
  if (f.speakerId !== undefined) {
    where.push('q.speaker_id = ?');
    params.push(f.speakerId);
  }
  if (f.from !== undefined) {
    where.push('q.date >= ?');
    params.push(f.from);
  }
  if (f.to !== undefined) {
    where.push('q.date <= ?');
    params.push(dateUpper(f.to));
  }
  if (f.outlet !== undefined) {
    where.push('q.doc_id IN (SELECT id FROM documents WHERE outlet = ?)');
    params.push(f.outlet);
  }
  if (f.form !== undefined) {
    where.push('q.form = ?');
    params.push(f.form);
  }
  const ranked = match.length > 0;
  return {
    from: ranked ? 'quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid' : 'quotes q',
    where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    params,
    score: ranked ? 'bm25(quotes_fts)' : '0',
    order: ranked ? 'score, q.date DESC, q.id' : 'q.date DESC, q.id',
    empty: !ranked && f.query.trim().length > 0,
  };
}
