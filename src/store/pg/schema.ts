import type { PoolClient } from 'pg';
import { QuotegraphIndexError } from '../errors.js';
import type { PgDb } from './connect.js';

/**
 * The shared PostgreSQL index: the tables of the SQLite index (src/store/db.ts), with the
 * full text in a `tsvector` column under a GIN index instead of FTS5. Migrations run only
 * when asked (`quotegraph db migrate --db postgres://…`), never as a side effect of a worker
 * or a search: a team's database changes when its owner says so. Each migration is one
 * transaction, under an advisory lock so that two `migrate` at once do not race.
 */

/** The schema version this quotegraph reads and writes. */
export const PG_SCHEMA_VERSION = 1;

/** The text search configuration: English stems (Snowball) with no stop words, accents dropped, like the SQLite index's `porter unicode61 remove_diacritics 2`. */
export const TS_CONFIG = 'quotegraph';

const MIGRATIONS: readonly string[] = [
  `CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE TEXT SEARCH DICTIONARY quotegraph_stem (TEMPLATE = snowball, Language = english);
  CREATE TEXT SEARCH CONFIGURATION ${TS_CONFIG} (COPY = simple);
  ALTER TEXT SEARCH CONFIGURATION ${TS_CONFIG} ALTER MAPPING FOR asciiword, hword_asciipart, word, hword_part WITH unaccent, quotegraph_stem;
  -- a hyphenated word is indexed by its parts only, as FTS5's unicode61 does: the whole word
  -- would take a position of its own, and "Islamic State" would not find "Islamic State-style"
  ALTER TEXT SEARCH CONFIGURATION ${TS_CONFIG} DROP MAPPING FOR asciihword, hword, numhword;
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT,
    outlet TEXT,
    published TEXT,
    chars INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    indexed_at TEXT NOT NULL,
    url TEXT,
    -- False from each write of the document until a speaker merge has seen it (merge-speakers is incremental).
    merged BOOLEAN NOT NULL DEFAULT FALSE
  );
  CREATE INDEX documents_unmerged ON documents(id) WHERE NOT merged;
  CREATE TABLE articles (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    title TEXT, outlet TEXT, published TEXT,
    PRIMARY KEY (doc_id, n)
  );
  CREATE TABLE speakers (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, roles TEXT NOT NULL DEFAULT '[]');
  CREATE TABLE speaker_keys (kind TEXT NOT NULL, key TEXT NOT NULL, speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE, PRIMARY KEY (kind, key));
  CREATE INDEX speaker_keys_key ON speaker_keys(key);
  CREATE TABLE speaker_surnames (surname TEXT NOT NULL, speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE, PRIMARY KEY (surname, speaker_id));
  CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL, roles TEXT NOT NULL,
    speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    PRIMARY KEY (doc_id, local_id)
  );
  CREATE INDEX entities_speaker ON entities(speaker_id);
  CREATE TABLE quotes (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    article INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, form TEXT NOT NULL, cue TEXT,
    speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    speaker_text TEXT, date TEXT, entity TEXT,
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('${TS_CONFIG}', text)) STORED
  );
  CREATE INDEX quotes_doc ON quotes(doc_id);
  CREATE INDEX quotes_speaker ON quotes(speaker_id, date);
  CREATE INDEX quotes_date ON quotes(date);
  CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);
  CREATE TABLE document_texts (doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, text TEXT NOT NULL);
  CREATE TABLE sentences (doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY (doc_id, start));
  CREATE TABLE quote_copies (quote_id BIGINT PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE, first BOOLEAN NOT NULL, occurrences INTEGER NOT NULL);
  -- When the last speaker merge ran.
  CREATE TABLE merge_state (one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one), merged_at TEXT NOT NULL);`,
];

const LOCK = 0x71756f74; // "quot": the advisory lock of migrations

/** The schema version of the database (0: none yet), or an error when it is some other program's. */
export async function schemaVersion(db: PgDb | PoolClient): Promise<number> {
  const t = await db.query<{ exists: boolean }>(`SELECT to_regclass('quotegraph_schema') IS NOT NULL AS exists`);
  if (!t.rows[0]!.exists) return 0;
  const v = await db.query<{ version: number }>('SELECT version FROM quotegraph_schema');
  return v.rows[0]?.version ?? 0;
}

/** Runs the migrations the database lacks; returns the versions it was at and is now at. */
export async function migrate(db: PgDb): Promise<{ from: number; to: number }> {
  const client = await db.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS quotegraph_schema (version INTEGER NOT NULL)');
    const from = await schemaVersion(client);
    if (from > PG_SCHEMA_VERSION) throw newerSchema(from);
    for (let v = from; v < PG_SCHEMA_VERSION; v++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[v]!);
        await client.query('DELETE FROM quotegraph_schema');
        await client.query('INSERT INTO quotegraph_schema (version) VALUES ($1)', [v + 1]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return { from, to: PG_SCHEMA_VERSION };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]).catch(() => {});
    client.release();
  }
}

const newerSchema = (v: number): QuotegraphIndexError => new QuotegraphIndexError('E_DB_NEWER', `the database holds an index of a newer quotegraph (schema ${v}); update quotegraph`);

/** Refuses, with a coded error that says what to run, a database not migrated to this quotegraph's schema. */
export async function checkPgSchema(db: PgDb, url: string): Promise<void> {
  const v = await schemaVersion(db);
  if (v > PG_SCHEMA_VERSION) throw newerSchema(v);
  if (v < PG_SCHEMA_VERSION) {
    throw new QuotegraphIndexError('E_DB_SCHEMA', `the database ${v === 0 ? 'holds no quotegraph index yet' : `is at schema ${v}, this quotegraph needs ${PG_SCHEMA_VERSION}`}; run quotegraph db migrate --db ${url}`);
  }
}
