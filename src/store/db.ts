import type Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { QuotegraphIndexError } from './errors.js';

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
  indexed_at TEXT NOT NULL,
  -- The address of the article (the graph's meta.url). Added after the first release, like quotes.entity.
  url TEXT
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
  date TEXT,
  -- The document's entity (local id) that speaks the quote, from which speaker_id is merged.
  -- Added after the first release: openIndex adds the column to an older index it writes.
  entity TEXT
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id, date);
CREATE INDEX IF NOT EXISTS quotes_date ON quotes(date);
-- The text of each document and its sentences, for a quote's context and the document page
-- (quotegraph serve). Added after the first release: an index built before has none of them.
CREATE TABLE IF NOT EXISTS document_texts (
  doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (doc_id, start)
) WITHOUT ROWID;
-- Syndicated copies: quotes of the same words, form and speaker in several documents. Each
-- quote's number of copies, and whether it is the one shown for them (the first published).
-- Rebuilt by each index run. Added after the first release, like document_texts.
CREATE TABLE IF NOT EXISTS quote_copies (
  quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
  first INTEGER NOT NULL,
  occurrences INTEGER NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
`;

export type IndexDb = Database.Database;

/** The tables every index holds; a file with tables but not these is some other database (document_texts and sentences came later, and may be missing). */
const INDEX_TABLES = ['documents', 'articles', 'speakers', 'speaker_keys', 'speaker_surnames', 'entities', 'quotes', 'quotes_fts'];

/** Columns added after the first release (all TEXT, null in rows written before): added to an older index opened to write. */
const LATER_COLUMNS = [['quotes', 'entity'], ['documents', 'url']] as const;

const SQLITE_HEADER = 'SQLite format 3\0';

/** What is at `path` before SQLite opens it: nothing, an empty file, a SQLite file, or (an error) something else. */
function fileAt(path: string): 'none' | 'empty' | 'sqlite' {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 'none';
  }
  if (stat.isDirectory()) throw new QuotegraphIndexError('E_DB_FOLDER', `${path} is a folder; give --db a file, such as ${join(path, 'quotes.db')}`);
  if (!stat.isFile()) throw new QuotegraphIndexError('E_DB_NOT_INDEX', `${path} is not a regular file; give --db an index file, such as quotes.db`);
  if (stat.size === 0) return 'empty';
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === SQLITE_HEADER) return 'sqlite';
  const looksJson = /^\s*[{[]/.test(head.toString('latin1'));
  throw new QuotegraphIndexError('E_DB_NOT_INDEX', `${path} is not a quotegraph index but ${looksJson ? 'a JSON or JSONL file (graphs are given to quotegraph index as inputs, before --db)' : 'a file of another kind'}; give --db an index built by quotegraph index, or a new file name such as quotes.db`);
}

/**
 * Opens (creating where needed) a quote index. Refuses, with a coded error, a folder, a
 * file that is not SQLite (a JSONL file given as --db), a SQLite database of another
 * program, an index of a newer schema and, read-only, a file that holds no index yet.
 */
export function openIndex(path: string, options: { readonly readonly?: boolean } = {}): IndexDb {
  const readonly = options.readonly === true;
  const found = fileAt(path);
  if (readonly && found !== 'sqlite') {
    throw found === 'none'
      ? new QuotegraphIndexError('E_DB_MISSING', `no index at ${path}; build one with quotegraph index <graphs.jsonl> --db ${path}`)
      : new QuotegraphIndexError('E_DB_EMPTY', `${path} is an empty file, not an index yet; build one with quotegraph index <graphs.jsonl> --db ${path}`);
  }
  let db: IndexDb;
  try {
    db = new openDatabase(path, { readonly, fileMustExist: readonly });
  } catch (err) {
    throw new QuotegraphIndexError('E_DB_OPEN', `cannot open ${path}: ${(err as Error).message}`);
  }
  try {
    checkSchema(db, path, readonly);
  } catch (err) {
    db.close();
    throw err instanceof QuotegraphIndexError ? err : new QuotegraphIndexError('E_DB_OPEN', `cannot open ${path}: ${(err as Error).message}`);
  }
  return db;
}

/** Checks an opened file is a quotegraph index (or, to write, an empty database), and makes it one. */
function checkSchema(db: IndexDb, path: string, readonly: boolean): void {
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new QuotegraphIndexError('E_DB_NEWER', `${path} is an index of a newer quotegraph (schema ${version}); update quotegraph or index again into a new file`);
  }
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
  const missing = INDEX_TABLES.filter((t) => !tables.has(t));
  if (tables.size === 0 && readonly) {
    throw new QuotegraphIndexError('E_DB_EMPTY', `${path} is a SQLite database with no tables, not an index yet; build one with quotegraph index <graphs.jsonl> --db ${path}`);
  }
  if (tables.size > 0 && missing.length > 0) {
    throw new QuotegraphIndexError('E_DB_NOT_INDEX', `${path} is a SQLite database but not a quotegraph index (no table ${missing[0]}); give --db an index built by quotegraph index, or a new file name such as quotes.db`);
  }
  if (!readonly) {
    for (const [table, column] of LATER_COLUMNS) {
      if (tables.has(table) && !(db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as Array<{ name: string }>).some((c) => c.name === column)) {
        db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT`);
      }
    }
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
}
