import { checkPgSchema } from '../../store/pg/schema.js';
import type { PgDb } from '../../store/pg/connect.js';
import { redactUrl } from '../../store/pg/url.js';
import { searchPgQuotes } from '../../store/pg/search.js';
import type { SearchHit, SearchOptions } from '../../store/search.js';
import { withPg } from './db.js';

/** Runs a reading command on the shared index, once its schema is checked (not migrated: a usage error saying what to run). */
export function withSharedIndex<T>(url: string, run: (db: PgDb) => Promise<T>): Promise<T> {
  return withPg(url, async (db) => {
    await checkPgSchema(db, redactUrl(url));
    return run(db);
  });
}

/** `quotegraph search --db postgres://…`: the same search over the shared index. */
export function searchSharedIndex(url: string, options: SearchOptions): Promise<SearchHit[]> {
  return withSharedIndex(url, (db) => searchPgQuotes(db, options));
}
