import { checkPgSchema } from '../../store/pg/schema.js';
import { redactUrl } from '../../store/pg/url.js';
import { searchPgQuotes } from '../../store/pg/search.js';
import type { SearchHit, SearchOptions } from '../../store/search.js';
import { withPg } from './db.js';

/** `quotegraph search --db postgres://…`: the same search over the shared index. */
export function searchSharedIndex(url: string, options: SearchOptions): Promise<SearchHit[]> {
  return withPg(url, async (db) => {
    await checkPgSchema(db, redactUrl(url));
    return searchPgQuotes(db, options);
  });
}
