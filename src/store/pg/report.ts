import { numberDocuments, type ReportData } from '../report.js';
import type { PgDb } from './connect.js';

/** `reportData` over the shared index: the same page data as the SQLite index gives (the same speakers, quotes and documents, in the same order). */
export async function pgReportData(db: PgDb, maxSpeakers: number): Promise<ReportData> {
  const count = async (sql: string): Promise<number> => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  const top = (await db.query<{ id: number; name: string; kind: string; roles: string; n: string }>(
    `SELECT s.id, s.name, s.kind, s.roles, COUNT(q.id) AS n FROM speakers s JOIN quotes q ON q.speaker_id = s.id
     GROUP BY s.id ORDER BY n DESC, s.name COLLATE "C", s.id LIMIT $1`,
    [Math.min(maxSpeakers, 2 ** 31 - 1)],
  )).rows;
  const quotes = top.length === 0 ? [] : (await db.query<{ speaker_id: number; text: string; form: string; date: string | null; doc_id: string; title: string | null }>(
    `SELECT q.speaker_id, q.text, q.form, q.date, q.doc_id, a.title FROM quotes q LEFT JOIN articles a ON a.doc_id = q.doc_id AND a.n = q.article
     WHERE q.speaker_id = ANY($1::int[]) ORDER BY q.date IS NULL, q.date COLLATE "C", q.doc_id COLLATE "C", q.start, q.id`,
    [top.map((s) => s.id)],
  )).rows;
  const bySpeaker = new Map<number, typeof quotes>();
  for (const q of quotes) {
    let list = bySpeaker.get(q.speaker_id);
    if (!list) bySpeaker.set(q.speaker_id, (list = []));
    list.push(q);
  }
  const docIds = [...new Set(top.flatMap((s) => (bySpeaker.get(s.id) ?? []).map((q) => q.doc_id)))];
  const docRows = new Map((await db.query<{ id: string; title: string | null; outlet: string | null; published: string | null; quotes: number }>(
    'SELECT id, title, outlet, published, quotes FROM documents WHERE id = ANY($1::text[])', [docIds],
  )).rows.map((d) => [d.id, d]));
  // documents numbered as the SQLite report numbers them: in the order the speakers' quotes first name them
  const { documents, docOf } = numberDocuments((id) => docRows.get(id));
  const speakers = top.map((s) => ({
    name: s.name,
    kind: s.kind,
    roles: JSON.parse(s.roles) as string[],
    quotes: (bySpeaker.get(s.id) ?? []).map((q) => ({ text: q.text, form: q.form, date: q.date, title: q.title, doc: docOf(q.doc_id) })),
  }));
  const totals = (await db.query<{ speakers: string; quotes: string }>('SELECT COUNT(DISTINCT speaker_id) AS speakers, COUNT(*) AS quotes FROM quotes WHERE speaker_id IS NOT NULL')).rows[0]!;
  const shownQuotes = top.reduce((n, s) => n + Number(s.n), 0);
  return {
    generated: new Date().toISOString(),
    omitted: { speakers: Number(totals.speakers) - top.length, quotes: Number(totals.quotes) - shownQuotes },
    totals: {
      documents: await count('SELECT COUNT(*) AS n FROM documents'),
      quotes: await count('SELECT COUNT(*) AS n FROM quotes'),
      speakers: await count('SELECT COUNT(*) AS n FROM speakers'),
      unattributed: await count('SELECT COUNT(*) AS n FROM quotes WHERE speaker_id IS NULL'),
    },
    speakers,
    documents,
  };
}
