import type { IndexDb } from './db.js';
import { documentText } from './context.js';
import { speakerRef, type ApiQuote } from './quote-page.js';
import { columnOrNull, prepared } from './statements.js';

/** A document as `GET /api/documents/:id` gives it: its text (null if the index kept none) and where its quotes are in it. */
export interface ApiDocument {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly text: string | null;
  readonly quotes: ReadonlyArray<{ readonly id: number; readonly start: number; readonly end: number; readonly form: string; readonly speaker: ApiQuote['speaker'] }>;
}

/** A document of the index, or undefined for an id it does not have. */
export function documentDetail(db: IndexDb, id: string): ApiDocument | undefined {
  const d = prepared(db, `SELECT id, title, outlet, published, ${columnOrNull(db, 'documents', 'url', 'documents')} AS url FROM documents WHERE id = ?`).get(id) as Omit<ApiDocument, 'text' | 'quotes'> | undefined;
  if (!d) return undefined;
  const quotes = (prepared(db, `SELECT q.id, q.start, q."end", q.form, q.speaker_id, s.name AS speaker_name, q.speaker_text FROM quotes q
    LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.doc_id = ? ORDER BY q.start, q."end", q.id`).all(id) as Array<{ id: number; start: number; end: number; form: string; speaker_id: number | null; speaker_name: string | null; speaker_text: string | null }>)
    .map((q) => ({
      id: q.id,
      start: q.start,
      end: q.end,
      form: q.form,
      speaker: speakerRef(q.speaker_id, q.speaker_name, q.speaker_text),
    }));
  return { id: d.id, title: d.title, outlet: d.outlet, url: d.url, published: d.published, text: documentText(db, id), quotes };
}
