import { GraphQuery } from '../graph/query.js';
import type { AnnotationGraph, ArticleNode, CueNode, EntityNode, QuoteNode } from '../graph/types.js';
import { indexDate } from './dates.js';
import type { IndexDb } from './db.js';
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
      const q = new GraphQuery(graph);
      const articles = graph.nodes.filter((n): n is ArticleNode => n.type === 'article');
      const quotes = graph.nodes.filter((n): n is QuoteNode => n.type === 'quote');
      const docDate = indexDate(graph.meta.published) ?? indexDate(articles[0]?.publishedValue) ?? indexDate(articles[0]?.published);
      // the record's own title and outlet first (meta), else what the page's layout found
      const title = metaString(graph.meta.title) ?? articles.find((a) => a.title !== undefined)?.title ?? null;
      const outlet = graph.meta.outlet ?? articles.find((a) => a.outlet !== undefined)?.outlet ?? null;
      insertDoc.run(id, title, outlet, docDate ?? null, graph.text.length, quotes.length, now, metaString(graph.meta.url) ?? null);
      insertText.run(id, graph.text);
      for (const n of graph.nodes) if (n.type === 'sentence') insertSentence.run(id, n.start, n.end);
      articles.forEach((a, n) => {
        insertArticle.run(id, n, a.start, a.end, a.title ?? null, a.outlet ?? null, indexDate(a.publishedValue) ?? indexDate(a.published) ?? null);
      });
      // A quote's speaker is its mention's entity or, for a name with no entity, the mention
      // itself (kept as an entity of its own); finish() merges them into index-wide speakers.
      const named = new Map<string, { kind: string; name: string }>();
      const cueOf = new Map<string, string>();
      for (const e of graph.edges) if (e.type === 'cue') cueOf.set(e.from, e.to);
      for (const quote of quotes) {
        const who = q.speakerOf(quote.id);
        let entity: string | undefined;
        if (who?.entity) entity = who.entity.id;
        else if (who?.mention && who.mention.form === 'name' && who.mention.type !== 'date') {
          entity = who.mention.id;
          named.set(entity, { kind: who.mention.type, name: who.mention.text });
        }
        const article = articles.findIndex((a) => quote.start >= a.start && quote.start < a.end);
        const a = article >= 0 ? articles[article] : undefined;
        const date = indexDate(a?.publishedValue) ?? indexDate(a?.published) ?? docDate ?? null;
        const cueId = cueOf.get(quote.id);
        const cue = cueId === undefined ? null : (q.node(cueId) as CueNode | undefined)?.text ?? null;
        const row = insertQuote.run(id, quote.id, article >= 0 ? article : null, quote.start, quote.end, quote.text, quote.form, cue, entity ?? null, who?.mention?.text ?? who?.entity?.name ?? null, date);
        insertFts.run(row.lastInsertRowid, quote.text);
      }
      this.quotes += quotes.length - (this.quotesOf.get(id) ?? 0);
      this.quotesOf.set(id, quotes.length);
      for (const n of graph.nodes) {
        if (n.type === 'entity') insertEntity.run(id, n.id, n.kind, n.name, JSON.stringify(n.aliases), JSON.stringify(n.roles ?? []), null);
      }
      for (const [local, m] of named) insertEntity.run(id, local, m.kind, m.name, '[]', '[]', null);
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

const metaString = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
