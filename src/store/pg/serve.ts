import type { ApiDocument } from '../document-api.js';
import type { Facets } from '../facets.js';
import { FACET_SIZE } from '../facets.js';
import { pageBounds, speakerRef } from '../quote-page.js';
import type { ServeStore } from '../serve-store.js';
import { speakerQuery, type ApiSpeaker } from '../speakers-api.js';
import type { PgDb } from './connect.js';
import { pgApiQuote, pgQuotesQuery } from './quotes.js';
import { pgFilter } from './search.js';

const roles = (json: string | null | undefined): string[] => (typeof json === 'string' ? (JSON.parse(json) as string[]) : []);

/**
 * `quotegraph serve --db postgres://…`: the SQLite index's answers (src/store/quote-page.ts,
 * facets.ts, speakers-api.ts, document-api.ts) over the shared index, with the same checks and
 * coded errors. Ties are ordered as the SQLite index orders them (names and ids by bytes:
 * COLLATE "C"); quotes matched by words are ranked by ts_rank rather than bm25, and quote ids
 * are the shared index's own.
 */
export function pgServeStore(db: PgDb): ServeStore {
  const texts = async (docs: readonly string[]): Promise<Map<string, string>> =>
    new Map((await db.query<{ doc_id: string; text: string }>('SELECT doc_id, text FROM document_texts WHERE doc_id = ANY($1::text[])', [[...new Set(docs)]])).rows.map((r) => [r.doc_id, r.text]));
  return {
    async quotePage(options) {
      const { limit, offset } = pageBounds(options);
      const q = await pgQuotesQuery(db, options);
      if (q === undefined) return { total: 0, quotes: [] };
      const page = (await db.query<Record<string, unknown>>(`${q.sql} LIMIT ${limit} OFFSET ${offset}`, q.params)).rows;
      // the total counted only when the page does not tell it (as the SQLite index)
      const total = page.length < limit && (page.length > 0 || offset === 0)
        ? offset + page.length
        : Number((await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM (${q.sql}) p`, q.params)).rows[0]!.n);
      const text = await texts(page.map((r) => r.doc_id as string));
      return { total, quotes: page.map((r) => pgApiQuote(r, text.get(r.doc_id as string) ?? null)) };
    },

    async facets(filter) {
      const f = await pgFilter(db, filter);
      if (f.empty) return { speakers: [], outlets: [], months: [], forms: [] };
      const and = (cond: string): string => (f.where.length > 0 ? `${f.where} AND ${cond}` : `WHERE ${cond}`);
      const all = async <T>(sql: string): Promise<T[]> => (await db.query(sql, f.params)).rows as T[];
      return {
        speakers: await all<Facets['speakers'][number]>(`SELECT q.speaker_id AS id, s.name, COUNT(*)::int AS quotes FROM quotes q JOIN speakers s ON s.id = q.speaker_id ${f.where}
          GROUP BY q.speaker_id, s.name ORDER BY quotes DESC, s.name COLLATE "C", q.speaker_id LIMIT ${FACET_SIZE}`),
        outlets: await all<Facets['outlets'][number]>(`SELECT d.outlet, COUNT(*)::int AS quotes FROM quotes q JOIN documents d ON d.id = q.doc_id ${and('d.outlet IS NOT NULL')}
          GROUP BY d.outlet ORDER BY quotes DESC, d.outlet COLLATE "C" LIMIT ${FACET_SIZE}`),
        months: await all<Facets['months'][number]>(`SELECT substr(q.date, 1, 7) AS month, COUNT(*)::int AS quotes FROM quotes q ${and('length(q.date) >= 7')} GROUP BY month ORDER BY substr(q.date, 1, 7) COLLATE "C"`),
        forms: await all<Facets['forms'][number]>(`SELECT q.form, COUNT(*)::int AS quotes FROM quotes q ${f.where} GROUP BY q.form ORDER BY quotes DESC, q.form COLLATE "C"`),
      };
    },

    async speakerPage(o) {
      const { limit, offset, key, none } = speakerQuery(o);
      if (none) return { total: 0, speakers: [] };
      const where = key !== undefined ? "WHERE s.id IN (SELECT speaker_id FROM speaker_keys WHERE key LIKE $1 ESCAPE '\\')" : '';
      const params = key !== undefined ? [key] : [];
      const rows = (await db.query<ApiSpeaker & { roles: string; total: string }>(`SELECT s.id, s.name, s.kind, s.roles, COUNT(q.id)::int AS quotes, COUNT(*) OVER () AS total
        FROM speakers s JOIN quotes q ON q.speaker_id = s.id ${where} GROUP BY s.id ORDER BY quotes DESC, s.name COLLATE "C", s.id LIMIT ${limit} OFFSET ${offset}`, params)).rows;
      const total = rows.length > 0 ? Number(rows[0]!.total) : Number((await db.query<{ n: string }>(`SELECT COUNT(DISTINCT s.id) AS n FROM speakers s JOIN quotes q ON q.speaker_id = s.id ${where}`, params)).rows[0]!.n);
      return { total, speakers: rows.map((s) => ({ id: s.id, name: s.name, kind: s.kind, quotes: s.quotes, roles: roles(s.roles) })) };
    },

    async speakerDetail(id) {
      const s = (await db.query<{ id: number; name: string; kind: string; roles: string; quotes: number }>(
        'SELECT s.id, s.name, s.kind, s.roles, (SELECT COUNT(*)::int FROM quotes q WHERE q.speaker_id = s.id) AS quotes FROM speakers s WHERE s.id = $1', [id])).rows[0];
      if (!s) return undefined;
      const names = new Set<string>();
      for (const e of (await db.query<{ name: string; aliases: string }>('SELECT name, aliases FROM entities WHERE speaker_id = $1 ORDER BY doc_id COLLATE "C", local_id COLLATE "C"', [id])).rows) {
        names.add(e.name);
        for (const a of JSON.parse(e.aliases) as string[]) names.add(a);
      }
      names.delete(s.name);
      const timeline = (await db.query<{ month: string; quotes: number }>(`SELECT substr(date, 1, 7) AS month, COUNT(*)::int AS quotes FROM quotes
        WHERE speaker_id = $1 AND length(date) >= 7 GROUP BY month ORDER BY substr(date, 1, 7) COLLATE "C"`, [id])).rows;
      return { id: s.id, name: s.name, kind: s.kind, quotes: s.quotes, roles: roles(s.roles), aliases: [...names].sort(), timeline };
    },

    async documentDetail(id) {
      const d = (await db.query<Omit<ApiDocument, 'text' | 'quotes'>>('SELECT id, title, outlet, published, url FROM documents WHERE id = $1', [id])).rows[0];
      if (!d) return undefined;
      const quotes = (await db.query<{ id: string; start: number; end: number; form: string; speaker_id: number | null; speaker_name: string | null; speaker_text: string | null }>(
        `SELECT q.id, q.start, q."end", q.form, q.speaker_id, s.name AS speaker_name, q.speaker_text FROM quotes q
         LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.doc_id = $1 ORDER BY q.start, q."end", q.id`, [id])).rows
        .map((q) => ({ id: Number(q.id), start: q.start, end: q.end, form: q.form, speaker: speakerRef(q.speaker_id, q.speaker_name, q.speaker_text) }));
      return { id: d.id, title: d.title, outlet: d.outlet, url: d.url, published: d.published, text: (await texts([id])).get(id) ?? null, quotes };
    },
  };
}
