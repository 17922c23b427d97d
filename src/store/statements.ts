import type Database from 'better-sqlite3';
import type { IndexDb } from './db.js';

export type Statement = Database.Statement<unknown[], unknown>;

const statements = new WeakMap<IndexDb, Map<string, Statement>>();

/** A prepared statement, compiled once per open index (a search or an API request prepares a handful). */
export function prepared(db: IndexDb, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare<unknown[], unknown>(sql)));
  return st;
}

const tables = new WeakMap<IndexDb, Map<string, boolean>>();

/** Whether the index holds these tables (an index built by an older quotegraph lacks the later ones). */
export function hasTables(db: IndexDb, ...names: string[]): boolean {
  let known = tables.get(db);
  if (!known) tables.set(db, (known = new Map()));
  const key = names.join(',');
  let has = known.get(key);
  if (has === undefined) {
    const n = (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN (${names.map(() => '?').join(', ')})`).get(...names) as { n: number }).n;
    known.set(key, (has = n === names.length));
  }
  return has;
}

/** `table.column`, or NULL where the index is older than the column (a read-only index is never altered): for a SELECT list. */
export function columnOrNull(db: IndexDb, table: string, column: string, alias: string): string {
  let known = tables.get(db);
  if (!known) tables.set(db, (known = new Map()));
  const key = `${table}.${column}`;
  let has = known.get(key);
  if (has === undefined) {
    has = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as Array<{ name: string }>).some((c) => c.name === column);
    known.set(key, has);
  }
  return has ? `${alias}.${column}` : 'NULL';
}
