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
