import type { IndexDb } from './db.js';
import { rolesOf } from './search.js';

export interface ReportQuote {
  readonly text: string;
  readonly form: string;
  readonly date: string | null;
  /** The title of the article the quote is in, where a page holds several. */
  readonly title: string | null;
  /** Index into `ReportData.documents`. */
  readonly doc: number;
}

export interface ReportSpeaker {
  readonly name: string;
  readonly kind: string;
  readonly roles: readonly string[];
  readonly quotes: readonly ReportQuote[];
}

export interface ReportDocument {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly quotes: number;
}

export interface ReportData {
  readonly generated: string;
  readonly totals: { readonly documents: number; readonly quotes: number; readonly speakers: number; readonly unattributed: number };
  /** What the page leaves out: the speakers past `maxSpeakers`, and their quotes. */
  readonly omitted: { readonly speakers: number; readonly quotes: number };
  readonly speakers: readonly ReportSpeaker[];
  readonly documents: readonly ReportDocument[];
}

/**
 * What the report page shows: the speakers with the most quotes (ranked, up to
 * `maxSpeakers`), each with roles and quotes in date order, and the documents
 * those quotes come from.
 */
export function reportData(db: IndexDb, maxSpeakers: number): ReportData {
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const top = db.prepare<[number], { id: number; name: string; kind: string; n: number }>(
    `SELECT s.id, s.name, s.kind, COUNT(q.id) AS n FROM speakers s JOIN quotes q ON q.speaker_id = s.id
     GROUP BY s.id ORDER BY n DESC, s.name LIMIT ?`,
  ).all(maxSpeakers);
  const quotesOf = db.prepare<[number], { text: string; form: string; date: string | null; doc_id: string; title: string | null }>(
    `SELECT q.text, q.form, q.date, q.doc_id, a.title FROM quotes q LEFT JOIN articles a ON a.doc_id = q.doc_id AND a.n = q.article
     WHERE q.speaker_id = ? ORDER BY q.date IS NULL, q.date, q.doc_id, q.start`,
  );
  const docRow = db.prepare<[string], { id: string; title: string | null; outlet: string | null; published: string | null; quotes: number }>(
    'SELECT id, title, outlet, published, quotes FROM documents WHERE id = ?',
  );
  const { documents, docOf } = numberDocuments((id) => docRow.get(id));
  const speakers = top.map((s) => ({
    name: s.name,
    kind: s.kind,
    roles: rolesOf(db, s.id),
    quotes: quotesOf.all(s.id).map((q) => ({ text: q.text, form: q.form, date: q.date, title: q.title, doc: docOf(q.doc_id) })),
  }));
  const speakerTotals = db.prepare('SELECT COUNT(DISTINCT speaker_id) AS speakers, COUNT(*) AS quotes FROM quotes WHERE speaker_id IS NOT NULL').get() as { speakers: number; quotes: number };
  const shownQuotes = top.reduce((n, s) => n + s.n, 0);
  return {
    generated: new Date().toISOString(),
    omitted: { speakers: speakerTotals.speakers - top.length, quotes: speakerTotals.quotes - shownQuotes },
    totals: {
      documents: count('SELECT COUNT(*) AS n FROM documents'),
      quotes: count('SELECT COUNT(*) AS n FROM quotes'),
      speakers: count('SELECT COUNT(*) AS n FROM speakers'),
      unattributed: count('SELECT COUNT(*) AS n FROM quotes WHERE speaker_id IS NULL'),
    },
    speakers,
    documents,
  };
}

/** The report's documents, numbered in the order the speakers' quotes first name them (`docOf`), each read once with `row`. */
export function numberDocuments(row: (id: string) => { title: string | null; outlet: string | null; published: string | null; quotes: number } | undefined): { documents: ReportDocument[]; docOf: (id: string) => number } {
  const documents: ReportDocument[] = [];
  const docIndex = new Map<string, number>();
  const docOf = (id: string): number => {
    let i = docIndex.get(id);
    if (i === undefined) {
      const d = row(id);
      i = documents.length;
      documents.push({ id, title: d?.title ?? null, outlet: d?.outlet ?? null, date: d?.published ?? null, quotes: d?.quotes ?? 0 });
      docIndex.set(id, i);
    }
    return i;
  };
  return { documents, docOf };
}
