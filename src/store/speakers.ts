import type { IndexDb } from './db.js';
import { mergeSpeakers } from './speaker-merge.js';

/** A speaking entity of a document, as the index holds it. */
interface EntityRef {
  readonly doc: string;
  readonly local: string;
}

/** Code-unit order, never the locale's: the same on every machine. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareRefs = (a: EntityRef, b: EntityRef): number => compare(a.doc, b.doc) || compare(a.local, b.local);

/**
 * Rebuilds the index-wide speakers from every document's speaking entities at once
 * (`mergeSpeakers`), so that the same documents give the same speakers, with the same ids,
 * whatever order they were indexed in: speakers are numbered by the first document (by id)
 * and entity that names them. Entities, quotes, speaker keys and last names are rewritten.
 */
export function rebuildSpeakers(db: IndexDb): void {
  const rows = db.prepare(`SELECT e.doc_id, e.local_id, e.kind, e.name, e.aliases FROM entities e
    WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.doc_id = e.doc_id AND q.entity = e.local_id)`).all() as Array<{ doc_id: string; local_id: string; kind: string; name: string; aliases: string }>;
  const clusters = mergeSpeakers(rows.map((r) => ({ kind: r.kind, name: r.name, aliases: JSON.parse(r.aliases) as string[], ref: { doc: r.doc_id, local: r.local_id } })), compareRefs);
  db.exec(`UPDATE quotes SET speaker_id = NULL WHERE speaker_id IS NOT NULL;
    UPDATE entities SET speaker_id = NULL WHERE speaker_id IS NOT NULL;
    DELETE FROM speaker_keys; DELETE FROM speaker_surnames; DELETE FROM speakers;`);
  const insertSpeaker = db.prepare<[number, string, string]>('INSERT INTO speakers (id, kind, name) VALUES (?, ?, ?)');
  const insertKey = db.prepare<[string, string, number]>('INSERT OR IGNORE INTO speaker_keys (kind, key, speaker_id) VALUES (?, ?, ?)');
  const insertSurname = db.prepare<[string, number]>('INSERT OR IGNORE INTO speaker_surnames (surname, speaker_id) VALUES (?, ?)');
  const setEntity = db.prepare<[number, string, string]>('UPDATE entities SET speaker_id = ? WHERE doc_id = ? AND local_id = ?');
  clusters.forEach((c, i) => {
    const id = i + 1;
    insertSpeaker.run(id, c.kind, c.name);
    for (const k of c.keys) insertKey.run(c.kind, k, id);
    for (const s of c.surnames) insertSurname.run(s, id);
    for (const m of c.members) setEntity.run(id, m.doc, m.local);
  });
  db.exec(`UPDATE quotes SET speaker_id = (SELECT e.speaker_id FROM entities e WHERE e.doc_id = quotes.doc_id AND e.local_id = quotes.entity)
    WHERE entity IS NOT NULL`);
}
