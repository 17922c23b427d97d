import { QuotegraphOptionsError, describeValue } from '../errors.js';
import type { IndexDb } from './db.js';
import { filterSql, type QuoteFilter } from './quote-filter.js';
import { columnOrNull, prepared } from './statements.js';

export { ftsQuery } from './search-query.js';
export { speakerIds } from './quote-filter.js';

export interface SearchOptions extends QuoteFilter {
  readonly limit?: number;
}

export interface SearchHit {
  readonly quote: string;
  readonly form: string;
  readonly cue: string | null;
  readonly speaker: string | null;
  readonly speakerId: number | null;
  readonly roles: string[];
  readonly document: string;
  readonly title: string | null;
  /** The outlet and the article's address, as the record gave them (or the page's layout found the outlet). */
  readonly outlet: string | null;
  readonly url: string | null;
  readonly date: string | null;
  readonly start: number;
  readonly end: number;
  /** bm25 score: lower is a better match (0 when listing without words). */
  readonly score: number;
}

/** The most hits one search returns (the CLI's --limit and a server share the bound). */
export const MAX_LIMIT = 10_000;
const MAX_LIMIT_TEXT = '10,000';

/** Roles of a speaker across the documents, the most often given first. */
export function rolesOf(db: IndexDb, speakerId: number): string[] {
  const row = prepared(db, 'SELECT roles FROM speakers WHERE id = ?').get(speakerId) as { roles: string } | undefined;
  return row ? (JSON.parse(row.roles) as string[]) : [];
}

/** Ranked full-text search over the quotes (bm25), with speaker and date filters. */
export function searchQuotes(db: IndexDb, options: SearchOptions): SearchHit[] {
  const f = filterSql(db, options);
  const limit = options.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `limit takes a whole number from 1 to ${MAX_LIMIT_TEXT}, not ${describeValue(limit)}; narrow the search (words, speaker, dates) for fewer hits`);
  }
  if (f.empty) return [];
  const rows = prepared(db, `SELECT q.*, ${f.score} AS score FROM ${f.from} ${f.where} ORDER BY ${f.order} LIMIT ?`).all(...f.params, limit) as Array<Record<string, unknown>>;
  const speakerName = prepared(db, 'SELECT name FROM speakers WHERE id = ?');
  const docInfo = prepared(db, `SELECT COALESCE(a.title, d.title) AS title, COALESCE(a.outlet, d.outlet) AS outlet, ${columnOrNull(db, 'documents', 'url', 'd')} AS url
    FROM documents d LEFT JOIN articles a ON a.doc_id = d.id AND a.n = ? WHERE d.id = ?`);
  const roleCache = new Map<number, string[]>();
  return rows.map((r) => {
    const sid = r.speaker_id as number | null;
    if (sid !== null && !roleCache.has(sid)) roleCache.set(sid, rolesOf(db, sid));
    const doc = docInfo.get((r.article as number | null) ?? 0, r.doc_id as string) as { title: string | null; outlet: string | null; url: string | null } | undefined;
    return {
      quote: r.text as string,
      form: r.form as string,
      cue: (r.cue as string | null) ?? null,
      speaker: sid !== null ? ((speakerName.get(sid) as { name: string } | undefined)?.name ?? null) : ((r.speaker_text as string | null) ?? null),
      speakerId: sid,
      roles: sid !== null ? roleCache.get(sid)! : [],
      document: r.doc_id as string,
      title: doc?.title ?? null,
      outlet: doc?.outlet ?? null,
      url: doc?.url ?? null,
      date: (r.date as string | null) ?? null,
      start: r.start as number,
      end: r.end as number,
      score: r.score as number,
    };
  });
}
