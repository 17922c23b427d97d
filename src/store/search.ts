import type Database from 'better-sqlite3';
import { QuotegraphOptionsError, describeValue } from '../errors.js';
import { isoCalendarPrefix } from '../text/calendar.js';
import type { IndexDb } from './db.js';
import { lastToken, nameKey, tokenCount } from './names.js';
import { ftsMatch, searchTerms } from './search-query.js';

export { ftsQuery } from './search-query.js';

export interface SearchOptions {
  /** Words to find in the quotes ("a phrase" in double quotes, word* for a prefix); empty lists by date. Bounded by QUERY_BOUNDS. */
  readonly query: string;
  readonly speaker?: string;
  /** ISO dates (or months, or years), inclusive. */
  readonly from?: string;
  readonly to?: string;
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
  readonly date: string | null;
  readonly start: number;
  readonly end: number;
  /** bm25 score: lower is a better match (0 when listing without words). */
  readonly score: number;
}

const statements = new WeakMap<IndexDb, Map<string, Statement>>();
type Statement = Database.Statement<unknown[], unknown>;

/** A prepared statement, compiled once per open index (a search prepares a handful). */
function prepared(db: IndexDb, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare<unknown[], unknown>(sql)));
  return st;
}

/** The most hits one search returns (the CLI's --limit and a server share the bound). */
export const MAX_LIMIT = 10_000;
const MAX_LIMIT_TEXT = '10,000';

/** The upper bound of an inclusive `--to`: "2016-09" takes the whole month. */
const dateUpper = (to: string): string => `${to}\uffff`;

/** The speaker ids a name given on the command line stands for. */
export function speakerIds(db: IndexDb, name: string): number[] {
  const key = nameKey(name);
  if (key.length === 0) return [];
  const ids = new Set<number>();
  for (const r of prepared(db, 'SELECT speaker_id FROM speaker_keys WHERE key = ?').all(key) as Array<{ speaker_id: number }>) ids.add(r.speaker_id);
  if (tokenCount(key) === 1) {
    for (const r of prepared(db, 'SELECT speaker_id FROM speaker_surnames WHERE surname = ?').all(lastToken(key)) as Array<{ speaker_id: number }>) ids.add(r.speaker_id);
  }
  return [...ids];
}

/** Roles of a speaker across the documents, the most often given first. */
export function rolesOf(db: IndexDb, speakerId: number): string[] {
  const row = prepared(db, 'SELECT roles FROM speakers WHERE id = ?').get(speakerId) as { roles: string } | undefined;
  return row ? (JSON.parse(row.roles) as string[]) : [];
}

/** Ranked full-text search over the quotes (bm25), with speaker and date filters. */
export function searchQuotes(db: IndexDb, options: SearchOptions): SearchHit[] {
  for (const k of ['from', 'to'] as const) {
    const v = options[k];
    if (v !== undefined && (typeof v !== 'string' || isoCalendarPrefix(v) !== v)) {
      throw new QuotegraphOptionsError('E_OPTION_VALUE', `${k} takes a date such as 2016-09-30, 2016-09 or 2016 (a real day, month or year), not ${describeValue(v)}`);
    }
  }
  if (options.speaker !== undefined && (typeof options.speaker !== 'string' || options.speaker.trim().length === 0)) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `speaker takes a name such as "Lavrov" or "Sergei Lavrov", not ${describeValue(options.speaker)}; leave it out to search every speaker`);
  }
  const limit = options.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new QuotegraphOptionsError('E_OPTION_VALUE', `limit takes a whole number from 1 to ${MAX_LIMIT_TEXT}, not ${describeValue(limit)}; narrow the search (words, speaker, dates) for fewer hits`);
  }
  const match = ftsMatch(searchTerms(options.query));
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (match.length > 0) {
    where.push('quotes_fts MATCH ?');
    params.push(match);
  } else if (options.query.trim().length > 0) {
    return [];
  }
  if (options.speaker !== undefined) {
    const ids = speakerIds(db, options.speaker);
    if (ids.length > 0) {
      where.push(`q.speaker_id IN (${ids.map(() => '?').join(', ')})`);
      params.push(...ids);
    } else {
      // The name is matched literally: LIKE's wildcards in it (% and _) and the escape character are escaped.
      where.push("q.speaker_text LIKE ? ESCAPE '\\'");
      params.push(`%${options.speaker.replace(/[\\%_]/g, '\\$&')}%`);
    }
  }
  if (options.from !== undefined) {
    where.push('q.date >= ?');
    params.push(options.from);
  }
  if (options.to !== undefined) {
    where.push('q.date <= ?');
    params.push(dateUpper(options.to));
  }
  const sql = match.length > 0
    ? `SELECT q.*, bm25(quotes_fts) AS score FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid`
    : `SELECT q.*, 0 AS score FROM quotes q`;
  const order = match.length > 0 ? 'ORDER BY score, q.date DESC, q.id' : 'ORDER BY q.date DESC, q.id';
  const rows = prepared(db, `${sql} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ${order} LIMIT ?`).all(...params, limit) as Array<Record<string, unknown>>;
  const speakerName = prepared(db, 'SELECT name FROM speakers WHERE id = ?');
  const docTitle = prepared(db, 'SELECT COALESCE(a.title, d.title) AS title FROM documents d LEFT JOIN articles a ON a.doc_id = d.id AND a.n = ? WHERE d.id = ?');
  const roleCache = new Map<number, string[]>();
  return rows.map((r) => {
    const sid = r.speaker_id as number | null;
    if (sid !== null && !roleCache.has(sid)) roleCache.set(sid, rolesOf(db, sid));
    return {
      quote: r.text as string,
      form: r.form as string,
      cue: (r.cue as string | null) ?? null,
      speaker: sid !== null ? ((speakerName.get(sid) as { name: string } | undefined)?.name ?? null) : ((r.speaker_text as string | null) ?? null),
      speakerId: sid,
      roles: sid !== null ? roleCache.get(sid)! : [],
      document: r.doc_id as string,
      title: (docTitle.get((r.article as number | null) ?? 0, r.doc_id as string) as { title: string | null } | undefined)?.title ?? null,
      date: (r.date as string | null) ?? null,
      start: r.start as number,
      end: r.end as number,
      score: r.score as number,
    };
  });
}
