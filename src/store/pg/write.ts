import type { AnnotationGraph } from '../../graph/types.js';
import { documentRows } from '../rows.js';
import type { PgDb } from './connect.js';

/**
 * Writes graphs into the shared index in one transaction: each document upserted by id,
 * then its articles, sentences, text, quotes and entities replaced, so that a job written
 * twice (a retry, a job taken again after its worker died) leaves the same rows, never
 * duplicates; a worker killed before COMMIT leaves nothing of the job. Speakers are not
 * merged here: `mergePgSpeakers` (quotegraph merge-speakers) does, over every document.
 * Each table is written with one statement of arrays (unnest), whatever the number of documents.
 */
export async function writeGraphs(db: PgDb, graphs: ReadonlyArray<AnnotationGraph & { readonly id: string }>): Promise<{ documents: number; quotes: number }> {
  // the last graph given for an id wins, as in the SQLite index
  const byId = new Map<string, AnnotationGraph & { readonly id: string }>();
  for (const g of graphs) byId.set(g.id, g);
  const rows = [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, g]) => documentRows(g, id));
  const client = await db.connect();
  let quotes = 0;
  try {
    await client.query('BEGIN');
    const now = new Date().toISOString();
    const ids = rows.map((r) => r.doc.id);
    const col = <T, V>(list: readonly T[], f: (x: T) => V): V[] => list.map(f);
    const docs = rows.map((r) => r.doc);
    // documents are locked in id order, so two jobs sharing documents never deadlock
    await client.query(
      `INSERT INTO documents (id, title, outlet, published, chars, quotes, indexed_at, url, merged)
       SELECT d.id, d.title, d.outlet, d.published, d.chars, d.quotes, $7, d.url, FALSE FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $8::text[]) AS d(id, title, outlet, published, chars, quotes, url)
       ORDER BY d.id COLLATE "C"
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, outlet = EXCLUDED.outlet, published = EXCLUDED.published, chars = EXCLUDED.chars,
         quotes = EXCLUDED.quotes, indexed_at = EXCLUDED.indexed_at, url = EXCLUDED.url, merged = FALSE`,
      [ids, col(docs, (d) => d.title), col(docs, (d) => d.outlet), col(docs, (d) => d.published), col(docs, (d) => d.chars), col(docs, (d) => d.quotes), now, col(docs, (d) => d.url)],
    );
    for (const table of ['quotes', 'entities', 'articles', 'sentences', 'document_texts']) {
      await client.query(`DELETE FROM ${table} WHERE doc_id = ANY($1::text[])`, [ids]);
    }
    await client.query('INSERT INTO document_texts (doc_id, text) SELECT * FROM unnest($1::text[], $2::text[])', [ids, rows.map((r) => r.text)]);
    const sentences = rows.flatMap((r) => r.sentences.map(([start, end]) => ({ id: r.doc.id, start, end })));
    await client.query('INSERT INTO sentences (doc_id, start, "end") SELECT * FROM unnest($1::text[], $2::int[], $3::int[])', [col(sentences, (s) => s.id), col(sentences, (s) => s.start), col(sentences, (s) => s.end)]);
    const articles = rows.flatMap((r) => r.articles.map((a) => ({ id: r.doc.id, ...a })));
    await client.query(
      'INSERT INTO articles (doc_id, n, start, "end", title, outlet, published) SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[])',
      [col(articles, (a) => a.id), col(articles, (a) => a.n), col(articles, (a) => a.start), col(articles, (a) => a.end), col(articles, (a) => a.title), col(articles, (a) => a.outlet), col(articles, (a) => a.published)],
    );
    const qs = rows.flatMap((r) => r.quotes.map((q) => ({ id: r.doc.id, ...q })));
    quotes = qs.length;
    // WITH ORDINALITY keeps the quotes' order: their ids grow as the documents' and the quotes' order does
    await client.query(
      `INSERT INTO quotes (doc_id, local_id, article, start, "end", text, form, cue, entity, speaker_text, date)
       SELECT doc_id, local_id, article, start, "end", text, form, cue, entity, speaker_text, date
       FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[]) WITH ORDINALITY
         AS q(doc_id, local_id, article, start, "end", text, form, cue, entity, speaker_text, date, n) ORDER BY n`,
      [col(qs, (q) => q.id), col(qs, (q) => q.localId), col(qs, (q) => q.article), col(qs, (q) => q.start), col(qs, (q) => q.end), col(qs, (q) => q.text), col(qs, (q) => q.form), col(qs, (q) => q.cue), col(qs, (q) => q.entity), col(qs, (q) => q.speakerText), col(qs, (q) => q.date)],
    );
    const es = rows.flatMap((r) => r.entities.map((e) => ({ id: r.doc.id, ...e })));
    await client.query(
      'INSERT INTO entities (doc_id, local_id, kind, name, aliases, roles) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])',
      [col(es, (e) => e.id), col(es, (e) => e.localId), col(es, (e) => e.kind), col(es, (e) => e.name), col(es, (e) => e.aliases), col(es, (e) => e.roles)],
    );
    await beforeCommit?.();
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return { documents: rows.length, quotes };
}

/**
 * Fault injection for the tests: QUOTEGRAPH_TEST_HOLD_COMMIT_MS holds each transaction open that
 * long before COMMIT (saying so on standard error), so that a test can kill a worker while it writes.
 */
const holdMs = Number(process.env.QUOTEGRAPH_TEST_HOLD_COMMIT_MS ?? 0);
const beforeCommit = holdMs > 0
  ? async (): Promise<void> => {
      process.stderr.write('quotegraph: test: holding a transaction open before COMMIT\n');
      await new Promise((resolve) => setTimeout(resolve, holdMs));
    }
  : undefined;
