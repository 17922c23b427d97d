import type { IndexDb } from './db.js';
import { hasTables, prepared } from './statements.js';

/** The words around a quote: from the start of the sentence before its own up to it, and after it to the end of its sentence. */
export interface QuoteContext {
  readonly before: string;
  readonly after: string;
}

/** The most characters of context on each side (a sentence is at most 250 tokens, but a token may be long). */
export const MAX_CONTEXT_CHARS = 1_000;

/** Whether the index keeps documents' texts (an index built by an older quotegraph does not). */
export const keepsTexts = (db: IndexDb): boolean => hasTables(db, 'document_texts', 'sentences');

/** A document's text, or null when the index holds none for it; `cache` keeps the texts one request reads. */
export function documentText(db: IndexDb, docId: string, cache?: Map<string, string | null>): string | null {
  if (!keepsTexts(db)) return null;
  if (cache?.has(docId)) return cache.get(docId)!;
  const text = (prepared(db, 'SELECT text FROM document_texts WHERE doc_id = ?').get(docId) as { text: string } | undefined)?.text ?? null;
  cache?.set(docId, text);
  return text;
}

/** The context of the quote at `[start, end)` of a document, or null when the index holds no text for it. */
export function quoteContext(db: IndexDb, docId: string, start: number, end: number, cache?: Map<string, string | null>): QuoteContext | null {
  const text = documentText(db, docId, cache);
  if (text === null) return null;
  // the quote's sentence and the one before it (the last two that start at or before the quote)
  const around = prepared(db, 'SELECT start FROM sentences WHERE doc_id = ? AND start <= ? ORDER BY start DESC LIMIT 2').all(docId, start) as Array<{ start: number }>;
  const from = around.at(-1)?.start ?? start;
  const last = prepared(db, 'SELECT "end" FROM sentences WHERE doc_id = ? AND start < ? ORDER BY start DESC LIMIT 1').get(docId, end) as { end: number } | undefined;
  return contextIn(text, start, end, from, last?.end);
}

/**
 * The context of `[start, end)` in a text: from `from` (the start of the sentence before the
 * quote's) to `lastEnd` (the end of the last sentence that starts inside it), each side at most
 * `MAX_CONTEXT_CHARS`. The SQLite and the PostgreSQL index both cut it so.
 */
export function contextIn(text: string, start: number, end: number, from: number, lastEnd: number | undefined): QuoteContext {
  const to = Math.max(end, lastEnd ?? end);
  return {
    before: text.slice(Math.max(from, start - MAX_CONTEXT_CHARS), start),
    after: text.slice(end, Math.min(to, end + MAX_CONTEXT_CHARS)),
  };
}
