import { contextIn } from '../context.js';
import { COPIES } from '../indexer.js';
import type { QuoteFilter } from '../quote-filter.js';
import { speakerRef, type ApiQuote } from '../quote-page.js';
import type { PgDb } from './connect.js';
import { PG_ORDER, pgFilter } from './search.js';

/** Rows read from the database at a time. */
const FETCH = 500;

/**
 * The query of the quotes a filter takes, in `quotePage`'s order (copies once, with their number
 * and what their context is cut from), or undefined when nothing can match ("?!").
 */
export async function pgQuotesQuery(db: PgDb, filter: QuoteFilter): Promise<{ sql: string; params: unknown[] } | undefined> {
  const f = await pgFilter(db, filter);
  if (f.empty) return undefined;
  const score = f.rank ?? '0';
  const order = `${f.rank === undefined ? '' : 'score, '}${PG_ORDER}`;
  const cols = `q.id, q.doc_id, q.article, q.start, q."end", q.text, q.form, q.cue, q.speaker_id, q.speaker_text, q.date, q.local_id`;
  // the copies the merge grouped stand for all when no filter can take some copies and leave others (dates, outlet)
  const byFirst = filter.from === undefined && filter.to === undefined && filter.outlet === undefined;
  const body = byFirst
    ? `SELECT ${cols}, c.occurrences, ${score}::float8 AS score FROM quotes q JOIN quote_copies c ON c.quote_id = q.id ${f.where.length > 0 ? `${f.where} AND c.first` : 'WHERE c.first'}`
    // the copy shown is the best ranked, then the first published (as the SQLite index: a copy with no date first)
    : `SELECT * FROM (SELECT m.*, ROW_NUMBER() OVER (${COPIES} ORDER BY ${f.rank === undefined ? '' : 'score, '}date COLLATE "C" NULLS FIRST, doc_id COLLATE "C", start, id) AS rn,
         COALESCE(copies, COUNT(*) OVER (${COPIES})) AS occurrences
       FROM (SELECT ${cols}, c.occurrences AS copies, ${score}::float8 AS score FROM quotes q LEFT JOIN quote_copies c ON c.quote_id = q.id ${f.where}) m) g WHERE rn = 1`;
  const sql = `SELECT x.*, s.name AS speaker_name, COALESCE(a.title, d.title) AS title, COALESCE(a.outlet, d.outlet) AS outlet, d.published AS doc_published, d.url,
      (SELECT MIN(b.start) FROM (SELECT start FROM sentences WHERE doc_id = x.doc_id AND start <= x.start ORDER BY start DESC LIMIT 2) b) AS ctx_from,
      (SELECT "end" FROM sentences WHERE doc_id = x.doc_id AND start < x."end" ORDER BY start DESC LIMIT 1) AS ctx_end
    FROM (${body}) x JOIN documents d ON d.id = x.doc_id
      LEFT JOIN articles a ON a.doc_id = x.doc_id AND a.n = COALESCE(x.article, 0)
      LEFT JOIN speakers s ON s.id = x.speaker_id
    ORDER BY ${order.replaceAll('q.', 'x.')}`;
  return { sql, params: f.params };
}

/** A row of `pgQuotesQuery` as the API gives it, `text` its document's text. */
export function pgApiQuote(r: Record<string, unknown>, text: string | null): ApiQuote {
  const start = r.start as number;
  const end = r.end as number;
  const sid = r.speaker_id as number | null;
  return {
    id: Number(r.id),
    text: r.text as string,
    form: r.form as string,
    cue: (r.cue as string | null) ?? null,
    speaker: speakerRef(sid, (r.speaker_name as string | null) ?? null, (r.speaker_text as string | null) ?? null),
    document: { id: r.doc_id as string, title: (r.title as string | null) ?? null, outlet: (r.outlet as string | null) ?? null, url: (r.url as string | null) ?? null, published: (r.date as string | null) ?? (r.doc_published as string | null) ?? null },
    context: text === null ? null : contextIn(text, start, end, (r.ctx_from as number | null) ?? start, (r.ctx_end as number | null) ?? undefined),
    occurrences: Number(r.occurrences),
  };
}

/**
 * Every quote a filter takes, as `allQuotes` gives them from a SQLite index (the rows of
 * `quotegraph export`): copies once with their number, best match first (newest first without
 * words), each with its context. Read through a cursor, so memory stays bounded. Quote ids are
 * the shared index's own.
 */
export async function* allPgQuotes(db: PgDb, filter: QuoteFilter): AsyncGenerator<ApiQuote> {
  const q = await pgQuotesQuery(db, filter);
  if (q === undefined) return;
  const { sql, params } = q;
  const client = await db.connect();
  const texts = new Map<string, string | null>();
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await client.query(`DECLARE quotes_out NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const { rows } = await client.query<Record<string, unknown>>(`FETCH ${FETCH} FROM quotes_out`);
      for (const r of rows) {
        const doc = r.doc_id as string;
        if (!texts.has(doc)) {
          if (texts.size > 16) texts.clear();
          texts.set(doc, (await client.query<{ text: string }>('SELECT text FROM document_texts WHERE doc_id = $1', [doc])).rows[0]?.text ?? null);
        }
        yield pgApiQuote(r, texts.get(doc)!);
      }
      if (rows.length < FETCH) break;
    }
    await client.query('COMMIT');
    open = false;
  } finally {
    // an error, or a reader that stopped early: the connection goes back to the pool with no transaction open
    if (open) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}
