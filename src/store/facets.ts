import type { IndexDb } from './db.js';
import { filterSql, type QuoteFilter } from './quote-filter.js';
import { prepared } from './statements.js';

/** How the quotes a filter takes spread: by speaker, outlet, month and form, with counts (copies each counted). */
export interface Facets {
  readonly speakers: ReadonlyArray<{ readonly id: number; readonly name: string; readonly quotes: number }>;
  readonly outlets: ReadonlyArray<{ readonly outlet: string; readonly quotes: number }>;
  readonly months: ReadonlyArray<{ readonly month: string; readonly quotes: number }>;
  readonly forms: ReadonlyArray<{ readonly form: string; readonly quotes: number }>;
}

/** The most values a facet lists (months are all listed: at most a few hundred). */
export const FACET_SIZE = 10;

/** The facets of a filter, each by count, most first (months in order). */
export function facets(db: IndexDb, filter: QuoteFilter): Facets {
  const f = filterSql(db, filter);
  if (f.empty) return { speakers: [], outlets: [], months: [], forms: [] };
  const and = (cond: string): string => (f.where.length > 0 ? `${f.where} AND ${cond}` : `WHERE ${cond}`);
  const all = <T>(sql: string, ...extra: number[]): T[] => prepared(db, sql).all(...f.params, ...extra) as T[];
  return {
    speakers: all(`SELECT q.speaker_id AS id, s.name, COUNT(*) AS quotes FROM ${f.from} JOIN speakers s ON s.id = q.speaker_id ${f.where}
      GROUP BY q.speaker_id ORDER BY quotes DESC, s.name LIMIT ?`, FACET_SIZE),
    outlets: all(`SELECT d.outlet, COUNT(*) AS quotes FROM ${f.from} JOIN documents d ON d.id = q.doc_id ${and('d.outlet IS NOT NULL')}
      GROUP BY d.outlet ORDER BY quotes DESC, d.outlet LIMIT ?`, FACET_SIZE),
    months: all(`SELECT substr(q.date, 1, 7) AS month, COUNT(*) AS quotes FROM ${f.from} ${and('length(q.date) >= 7')} GROUP BY month ORDER BY month`),
    forms: all(`SELECT q.form, COUNT(*) AS quotes FROM ${f.from} ${f.where} GROUP BY q.form ORDER BY quotes DESC, q.form`),
  };
}
