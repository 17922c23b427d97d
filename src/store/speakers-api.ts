import { QuotegraphOptionsError, describeValue } from '../errors.js';
import type { IndexDb } from './db.js';
import { nameKey } from './names.js';
import { MAX_PAGE } from './quote-page.js';
import { rolesOf } from './search.js';
import { prepared } from './statements.js';

/** A speaker as `GET /api/speakers` lists them. */
export interface ApiSpeaker {
  readonly id: number;
  readonly name: string;
  readonly kind: string;
  readonly roles: readonly string[];
  /** Quotes of this speaker in the index. */
  readonly quotes: number;
}

/** A speaker as `GET /api/speakers/:id` gives it: also the names the documents give, and quotes by month. */
export interface ApiSpeakerDetail extends ApiSpeaker {
  readonly aliases: readonly string[];
  readonly timeline: ReadonlyArray<{ readonly month: string; readonly quotes: number }>;
}

/** The longest name filter taken. */
export const MAX_NAME_QUERY = 200;

/** What `GET /api/speakers` takes. */
export interface SpeakerPageOptions {
  readonly q?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * A speaker list's options, checked (coded errors): its bounds, the LIKE pattern of its name
 * filter (wildcards in the key escaped; undefined for every speaker), and whether the name names
 * no one (no letters or digits: "%"). The SQLite and the PostgreSQL index both check with it.
 */
export function speakerQuery(o: SpeakerPageOptions): { limit: number; offset: number; key: string | undefined; none: boolean } {
  const limit = o.limit ?? 20;
  const offset = o.offset ?? 0;
  if (o.q !== undefined && (typeof o.q !== 'string' || o.q.length > MAX_NAME_QUERY)) {
    throw new QuotegraphOptionsError('E_QUERY_BOUND', `q takes a name of at most ${MAX_NAME_QUERY} characters, not ${typeof o.q === 'string' ? `${o.q.length.toLocaleString('en-US')} characters` : describeValue(o.q)}`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new QuotegraphOptionsError('E_OPTION_VALUE', `limit takes a whole number from 1 to ${MAX_PAGE}, not ${describeValue(limit)}`);
  if (!Number.isInteger(offset) || offset < 0) throw new QuotegraphOptionsError('E_OPTION_VALUE', `offset takes a whole number from 0, not ${describeValue(offset)}`);
  const key = o.q === undefined ? '' : nameKey(o.q);
  const none = o.q !== undefined && o.q.trim().length > 0 && key.length === 0;
  return { limit, offset, key: key.length > 0 ? `%${key.replace(/[\\%_]/g, '\\$&')}%` : undefined, none };
}

/**
 * Speakers by number of quotes (then name), a page at a time; `q` keeps those whose name
 * holds it (accents, case and punctuation aside: "lavrov" finds "Sergei Lavrov").
 */
export function speakerPage(db: IndexDb, o: SpeakerPageOptions): { total: number; speakers: ApiSpeaker[] } {
  const { limit, offset, key, none } = speakerQuery(o);
  if (none) return { total: 0, speakers: [] };
  // speakers are matched on their keys (normalised names and aliases)
  const where = key !== undefined ? "WHERE s.id IN (SELECT speaker_id FROM speaker_keys WHERE key LIKE ? ESCAPE '\\')" : '';
  const params = key !== undefined ? [key] : [];
  const rows = prepared(db, `SELECT s.id, s.name, s.kind, COUNT(q.id) AS quotes, COUNT(*) OVER () AS total
    FROM speakers s JOIN quotes q ON q.speaker_id = s.id ${where} GROUP BY s.id ORDER BY quotes DESC, s.name, s.id LIMIT ? OFFSET ?`).all(...params, limit, offset) as Array<ApiSpeaker & { total: number }>;
  const total = rows[0]?.total ?? (prepared(db, `SELECT COUNT(DISTINCT s.id) AS n FROM speakers s JOIN quotes q ON q.speaker_id = s.id ${where}`).get(...params) as { n: number }).n;
  return { total, speakers: rows.map(({ total: _, ...s }) => ({ ...s, roles: rolesOf(db, s.id) })) };
}

/** One speaker with aliases and timeline, or undefined for an id the index does not have. */
export function speakerDetail(db: IndexDb, id: number): ApiSpeakerDetail | undefined {
  const s = prepared(db, 'SELECT s.id, s.name, s.kind, (SELECT COUNT(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes FROM speakers s WHERE s.id = ?').get(id) as ApiSpeaker | undefined;
  if (!s) return undefined;
  const names = new Set<string>();
  for (const e of prepared(db, 'SELECT name, aliases FROM entities WHERE speaker_id = ? ORDER BY doc_id, local_id').all(id) as Array<{ name: string; aliases: string }>) {
    names.add(e.name);
    for (const a of JSON.parse(e.aliases) as string[]) names.add(a);
  }
  names.delete(s.name);
  const timeline = prepared(db, `SELECT substr(date, 1, 7) AS month, COUNT(*) AS quotes FROM quotes
    WHERE speaker_id = ? AND length(date) >= 7 GROUP BY month ORDER BY month`).all(id) as Array<{ month: string; quotes: number }>;
  return { ...s, roles: rolesOf(db, id), aliases: [...names].sort(), timeline };
}
