import { QuotegraphOptionsError, describeValue } from '../../errors.js';
import { middleDropped, nameKey, tokenCount } from '../names.js';
import { checkFilter, dateUpper, type QuoteFilter } from '../quote-filter.js';
import type { SearchTerm } from '../search-query.js';
import { MAX_LIMIT, type SearchHit, type SearchOptions } from '../search.js';
import type { PgDb } from './connect.js';
import { TS_CONFIG } from './schema.js';

/**
 * Search over the shared PostgreSQL index: the filters, bounds and answers of the SQLite
 * index's `searchQuotes` (src/store/search.ts), with the full text matched by the GIN index
 * of `quotes.tsv`. Words and "phrases" go through `websearch_to_tsquery`, prefixes (word*)
 * through `to_tsquery`'s `:*`. Hits are ranked by `ts_rank` (their `score` is minus the rank,
 * so that lower is better, as with bm25): the same quotes as the SQLite index, in an order
 * of its own where words match; without words, the same order (newest first).
 */

/** The speaker ids a name stands for (as `speakerIds` of the SQLite index). */
export async function pgSpeakerIds(db: PgDb, name: string): Promise<number[]> {
  const key = nameKey(name);
  if (key.length === 0) return [];
  const keys = [...new Set([key, middleDropped(key)])];
  const r = await db.query<{ speaker_id: number }>(
    `SELECT speaker_id FROM speaker_keys WHERE key = ANY($1::text[])${tokenCount(key) === 1 ? ' UNION SELECT speaker_id FROM speaker_surnames WHERE surname = $2' : ''}`,
    tokenCount(key) === 1 ? [keys, key] : [keys],
  );
  return [...new Set(r.rows.map((x) => x.speaker_id))].sort((a, b) => a - b);
}

/** Terms as PostgreSQL text-search queries: one for websearch_to_tsquery, one for to_tsquery (prefixes). */
export function tsQueries(terms: readonly SearchTerm[]): { websearch: string; prefix: string } {
  const plain = terms.filter((t) => !t.prefix).map((t) => `"${t.words.join(' ')}"`);
  // words are letters and digits only (parseTerms), so they need no quoting in to_tsquery
  const prefix = terms.filter((t) => t.prefix).map((t) => `(${t.words.map((w, i) => (i === t.words.length - 1 ? `${w}:*` : w)).join(' <-> ')})`);
  return { websearch: plain.join(' '), prefix: prefix.join(' & ') };
}

export interface PgFilter {
  readonly where: string;
  readonly params: unknown[];
  readonly rank: string | undefined;
  readonly empty: boolean;
}

/** Checks a filter (the SQLite index's checks) and writes it as SQL over `quotes q`. */
export async function pgFilter(db: PgDb, f: QuoteFilter): Promise<PgFilter> {
  const terms = checkFilter(f);
  const params: unknown[] = [];
  const p = (v: unknown): string => `$${params.push(v)}`;
  const where: string[] = [];
  const { websearch, prefix } = tsQueries(terms);
  const tsq = [websearch.length > 0 ? `websearch_to_tsquery('${TS_CONFIG}', ${p(websearch)})` : '', prefix.length > 0 ? `to_tsquery('${TS_CONFIG}', ${p(prefix)})` : ''].filter((x) => x.length > 0).join(' && ');
  if (tsq.length > 0) where.push(`q.tsv @@ (${tsq})`);
  if (f.speaker !== undefined) {
    const ids = await pgSpeakerIds(db, f.speaker);
    if (ids.length > 0) where.push(`q.speaker_id = ANY(${p(ids)}::int[])`);
    // the name matched literally, case aside (as SQLite's LIKE): its wildcards escaped
    else where.push(`q.speaker_text ILIKE ${p(`%${f.speaker.replace(/[\\%_]/g, '\\$&')}%`)} ESCAPE '\\'`);
  }
  if (f.speakerId !== undefined) where.push(`q.speaker_id = ${p(f.speakerId)}`);
  if (f.from !== undefined) where.push(`q.date COLLATE "C" >= ${p(f.from)}`);
  if (f.to !== undefined) where.push(`q.date COLLATE "C" <= ${p(dateUpper(f.to))}`);
  if (f.outlet !== undefined) where.push(`q.doc_id IN (SELECT id FROM documents WHERE outlet = ${p(f.outlet)})`);
  if (f.form !== undefined) where.push(`q.form = ${p(f.form)}`);
  return {
    where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    params,
    rank: tsq.length > 0 ? `-ts_rank(q.tsv, ${tsq})` : undefined,
    empty: tsq.length === 0 && f.query.trim().length > 0,
  };
}

/** The order of a dated list; ties keep the SQLite index's order (its quote ids follow the documents' and the quotes' order). */
export const PG_ORDER = `q.date DESC NULLS LAST, q.doc_id COLLATE "C", q.start, q.id`;

/** `searchQuotes` over the shared index. */
export async function searchPgQuotes(db: PgDb, options: SearchOptions): Promise<SearchHit[]> {
  const limit = options.limit ?? 20;
  const f = await pgFilter(db, options);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `limit takes a whole number from 1 to ${MAX_LIMIT.toLocaleString('en-US')}, not ${describeValue(limit)}; narrow the search (words, speaker, dates) for fewer hits`);
  }
  if (f.empty) return [];
  const order = PG_ORDER;
  const rows = await db.query<Record<string, unknown>>(
    `SELECT q.text, q.form, q.cue, q.speaker_id, q.speaker_text, q.doc_id, q.date, q.start, q."end", ${f.rank ?? '0'}::float8 AS score,
       s.name AS speaker_name, s.roles AS speaker_roles, COALESCE(a.title, d.title) AS title, COALESCE(a.outlet, d.outlet) AS outlet, d.url
     FROM quotes q JOIN documents d ON d.id = q.doc_id
       LEFT JOIN articles a ON a.doc_id = q.doc_id AND a.n = COALESCE(q.article, 0)
       LEFT JOIN speakers s ON s.id = q.speaker_id
     ${f.where} ORDER BY ${f.rank === undefined ? '' : 'score, '}${order} LIMIT ${limit}`,
    f.params,
  );
  return rows.rows.map((r) => {
    const sid = r.speaker_id as number | null;
    return {
      quote: r.text as string,
      form: r.form as string,
      cue: (r.cue as string | null) ?? null,
      speaker: sid !== null ? ((r.speaker_name as string | null) ?? null) : ((r.speaker_text as string | null) ?? null),
      speakerId: sid,
      roles: sid !== null && typeof r.speaker_roles === 'string' ? (JSON.parse(r.speaker_roles) as string[]) : [],
      document: r.doc_id as string,
      title: (r.title as string | null) ?? null,
      outlet: (r.outlet as string | null) ?? null,
      url: (r.url as string | null) ?? null,
      date: (r.date as string | null) ?? null,
      start: r.start as number,
      end: r.end as number,
      score: r.score as number,
    };
  });
}
