import type { AnnotationGraph } from '../graph/types.js';
import type { IndexDb } from './db.js';
import { documentRows } from './rows.js';
import { rebuildSpeakers } from './speakers.js';

/** Which quotes are copies of each other (syndication): the same speaker (or words at the attribution where none is known), form and text. */
export const COPIES = 'PARTITION BY speaker_id, CASE WHEN speaker_id IS NULL THEN speaker_text END, form, text';

/** Documents written per transaction. */
export const BATCH_SIZE = 250;

/**
 * Writes graphs into the index, a transaction per batch. A document already in the
 * index (same id) is replaced, never duplicated. Speakers are merged across documents.
 */
export class Indexer {
  private readonly batch: AnnotationGraph[] = [];
  private readonly writeBatch: (graphs: AnnotationGraph[]) => void;
  /** Where each id of this run came from (as the caller named it), to report an id given twice. */
  private readonly sourceOf = new Map<string, string>();
  private readonly quotesOf = new Map<string, number>();
  /** Documents written by this run, each id once. */
  indexed = 0;
  /** Quotes of those documents (of the last graph given for an id). */
  quotes = 0;

  constructor(private readonly db: IndexDb) {
    const deleteFts = db.prepare<[string]>('DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE doc_id = ?)');
    const deleteDoc = db.prepare<[string]>('DELETE FROM documents WHERE id = ?');
    const insertDoc = db.prepare('INSERT INTO documents (id, title, outlet, published, chars, quotes, indexed_at, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insertArticle = db.prepare('INSERT INTO articles (doc_id, n, start, "end", title, outlet, published) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertEntity = db.prepare('INSERT INTO entities (doc_id, local_id, kind, name, aliases, roles, speaker_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertQuote = db.prepare('INSERT INTO quotes (doc_id, local_id, article, start, "end", text, form, cue, entity, speaker_text, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertFts = db.prepare<[number | bigint, string]>('INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)');
    const insertText = db.prepare<[string, string]>('INSERT INTO document_texts (doc_id, text) VALUES (?, ?)');
    const insertSentence = db.prepare<[string, number, number]>('INSERT OR IGNORE INTO sentences (doc_id, start, "end") VALUES (?, ?, ?)');
    const now = new Date().toISOString();

    const writeOne = (graph: AnnotationGraph, id: string): void => {
      deleteFts.run(id);
      deleteDoc.run(id);
      const rows = documentRows(graph, id);
      const d = rows.doc;
      insertDoc.run(id, d.title, d.outlet, d.published, d.chars, d.quotes, now, d.url);
      insertText.run(id, rows.text);
      for (const [start, end] of rows.sentences) insertSentence.run(id, start, end);
      for (const a of rows.articles) insertArticle.run(id, a.n, a.start, a.end, a.title, a.outlet, a.published);
      for (const r of rows.quotes) {
        const row = insertQuote.run(id, r.localId, r.article, r.start, r.end, r.text, r.form, r.cue, r.entity, r.speakerText, r.date);
        insertFts.run(row.lastInsertRowid, r.text);
      }
      this.quotes += rows.quotes.length - (this.quotesOf.get(id) ?? 0);
      this.quotesOf.set(id, rows.quotes.length);
      for (const e of rows.entities) insertEntity.run(id, e.localId, e.kind, e.name, e.aliases, e.roles, null);
    };
    this.writeBatch = db.transaction((graphs: AnnotationGraph[]) => {
      for (const g of graphs) writeOne(g, g.id!);
    });
  }

  /**
   * Queues a graph (it must carry an `id`); writes a batch when one is full. `source` names
   * where the graph came from ("graphs.jsonl line 4"). When this run already took a graph
   * with the same id, the new one replaces it, and the old one's source is returned.
   */
  add(graph: AnnotationGraph & { readonly id: string }, source: string = graph.id): string | undefined {
    const replaced = this.sourceOf.get(graph.id);
    this.sourceOf.set(graph.id, source);
    if (replaced === undefined) this.indexed++;
    this.batch.push(graph);
    if (this.batch.length >= BATCH_SIZE) this.flush();
    return replaced;
  }

  /** Writes what is queued. */
  flush(): void {
    if (this.batch.length > 0) this.writeBatch(this.batch.splice(0));
  }

  /**
   * Writes what is queued, merges the speakers of every document (the same whatever order
   * they came in), gathers each speaker's roles from its entities, groups syndicated
   * copies, and compacts the full-text index.
   */
  finish(): void {
    this.flush();
    this.db.transaction(() => {
      keepOlderSpeakers(this.db);
      rebuildSpeakers(this.db);
    })();
    this.db.exec(`UPDATE speakers SET roles = COALESCE((
      SELECT json_group_array(role) FROM (
        SELECT lower(j.value) AS role, COUNT(*) AS n FROM entities e, json_each(e.roles) j
        WHERE e.speaker_id = speakers.id GROUP BY lower(j.value) ORDER BY n DESC, role)), '[]')`);
    this.db.exec(`DELETE FROM quote_copies;
      INSERT INTO quote_copies (quote_id, first, occurrences)
      SELECT id, ROW_NUMBER() OVER (${COPIES} ORDER BY date IS NULL, date, id) = 1, COUNT(*) OVER (${COPIES}) FROM quotes`);
    this.db.exec(`INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')`);
  }
}

/**
 * Quotes of documents indexed before quotes named their entity keep their speaker: the
 * entity of the same document that speaker was given to, else a name of their own (the
 * speaker's, as a one-off entity of the document).
 */
function keepOlderSpeakers(db: IndexDb): void {
  db.exec(`UPDATE quotes SET entity = (SELECT e.local_id FROM entities e WHERE e.doc_id = quotes.doc_id AND e.speaker_id = quotes.speaker_id ORDER BY e.local_id LIMIT 1)
      WHERE entity IS NULL AND speaker_id IS NOT NULL;
    INSERT OR IGNORE INTO entities (doc_id, local_id, kind, name, aliases, roles, speaker_id)
      SELECT DISTINCT q.doc_id, 'speaker:' || s.id, s.kind, s.name, '[]', '[]', NULL FROM quotes q JOIN speakers s ON s.id = q.speaker_id WHERE q.entity IS NULL;
    UPDATE quotes SET entity = 'speaker:' || speaker_id WHERE entity IS NULL AND speaker_id IS NOT NULL;`);
}
