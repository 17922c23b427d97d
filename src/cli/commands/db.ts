import type { PgDb } from '../../store/pg/connect.js';
import { isPostgresUrl, redactUrl } from '../../store/pg/url.js';
import { migrate } from '../../store/pg/schema.js';
import { QuotegraphIndexError } from '../../store/errors.js';
import { escapeInline } from '../terminal.js';
import { UsageError, parseArgs } from '../usage.js';

export const DB_HELP = `quotegraph db migrate --db postgres://USER@HOST:PORT/DATABASE

Creates the shared PostgreSQL index, or brings it to this quotegraph's schema. Workers,
searches and merges never change the schema themselves: run this once, and after an update.`;

/** `quotegraph db migrate`. */
export async function runDb(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['db'], booleans: ['help'] });
  if (options.help === true) {
    process.stdout.write(`${DB_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'migrate') throw new UsageError('db takes one subcommand: quotegraph db migrate --db postgres://…');
  if (typeof options.db !== 'string' || !isPostgresUrl(options.db)) throw new UsageError('db migrate needs --db postgres://USER@HOST:PORT/DATABASE');
  const url = options.db;
  return withPg(url, async (db) => {
    const { from, to } = await migrate(db);
    process.stderr.write(from === to ? `quotegraph: ${escapeInline(redactUrl(url))} is at schema ${to}: nothing to do\n` : `quotegraph: migrated ${escapeInline(redactUrl(url))} from schema ${from} to ${to}\n`);
    return 0;
  });
}

/** Runs a command on a pool of the shared index, closed after; the index's coded errors (not migrated, newer) are usage errors (exit 2). */
export async function withPg<T>(url: string, run: (db: PgDb) => Promise<T>): Promise<T> {
  // PostgreSQL's client is loaded only by the commands that use it
  const { connectPg } = await import('../../store/pg/connect.js');
  const db = connectPg(url, { max: 2 });
  try {
    return await run(db);
  } catch (err) {
    if (err instanceof QuotegraphIndexError) throw new UsageError(escapeInline(err.message));
    throw err;
  } finally {
    await db.end();
  }
}
