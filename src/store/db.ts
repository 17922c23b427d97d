import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';

// Loaded at run time, not bundled: better-sqlite3 finds its native binding beside itself.
const openDatabase = createRequire(import.meta.url)('better-sqlite3') as typeof Database;

/** The index's schema version, kept in `PRAGMA user_version`. */
export const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  title TEXT,
  outlet TEXT,
  published TEXT,
  chars INTEGER NOT NULL,
  quotes INTEGER NOT NULL,
  indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  title TEXT,
  outlet TEXT,
  published TEXT,
  PRIMARY KEY (doc_id, n)
);
CREATE TABLE IF NOT EXISTS speakers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  -- JSON array of the roles the documents give, the most often given first (set by each index run).
  roles TEXT NOT NULL DEFAULT '[]'
);
-- Normalised full names and aliases of a speaker, for merging across documents.
CREATE TABLE IF NOT EXISTS speaker_keys (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
  PRIMARY KEY (kind, key)
);
-- Last names of people known by a full name: "Lavrov" alone joins "Sergei Lavrov" when only one person has it.
CREATE TABLE IF NOT EXISTS speaker_surnames (
  surname TEXT NOT NULL,
  speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
  PRIMARY KEY (surname, speaker_id)
);
CREATE TABLE IF NOT EXISTS entities (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL,
  roles TEXT NOT NULL,
  speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
  PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX IF NOT EXISTS entities_speaker ON entities(speaker_id);
CREATE TABLE IF NOT EXISTS quotes (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  article INTEGER,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  form TEXT NOT NULL,
  cue TEXT,
  speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
  speaker_text TEXT,
  date TEXT
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id, date);
CREATE INDEX IF NOT EXISTS quotes_date ON quotes(date);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
`;

export type IndexDb = Database.Database;

/** Opens (creating where needed) a quote index. */
export function openIndex(path: string, options: { readonly readonly?: boolean } = {}): IndexDb {
  const db = new openDatabase(path, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  if (options.readonly !== true) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`${path} is an index of a newer quotegraph (schema ${version}); update quotegraph or index again into a new file`);
  }
  if (options.readonly !== true) {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  return db;
}
