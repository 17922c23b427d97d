import { isPostgresUrl, redactUrl } from '../../store/pg/url.js';
import { mergePgSpeakers } from '../../store/pg/merge.js';
import { checkPgSchema } from '../../store/pg/schema.js';
import { withPg } from './db.js';
import { UsageError, parseArgs } from '../usage.js';

export const MERGE_SPEAKERS_HELP = `quotegraph merge-speakers --db postgres://… [--force]

Merges the speakers of the shared PostgreSQL index across documents, as quotegraph index
merges those of a SQLite index (the same documents give the same speakers, with the same
ids). Run it after workers wrote new documents (from cron, or after a batch): it does
nothing when no document was written since the last merge, and writes only the rows that
change. --force merges even so.`;

/** `quotegraph merge-speakers`: the speaker merge over the shared index. */
export async function runMergeSpeakers(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['db'], booleans: ['force', 'help'] });
  if (options.help === true) {
    process.stdout.write(`${MERGE_SPEAKERS_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('merge-speakers takes no inputs');
  if (typeof options.db !== 'string' || !isPostgresUrl(options.db)) throw new UsageError('merge-speakers needs --db postgres://USER@HOST:PORT/DATABASE (the shared index)');
  const t0 = performance.now();
  const url = options.db;
  return withPg(url, async (db) => {
    await checkPgSchema(db, redactUrl(url));
    const r = await mergePgSpeakers(db, { force: options.force === true });
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    process.stderr.write(r.merged
      ? `quotegraph: merged speakers of ${r.newDocuments} new document${r.newDocuments === 1 ? '' : 's'}: ${r.speakers} speakers; changed ${r.changed.speakers} speakers, ${r.changed.entities} entities, ${r.changed.quotes} quotes, ${r.changed.copies} copies in ${s} s\n`
      : `quotegraph: no document written since the last merge: ${r.speakers} speakers, nothing to do\n`);
    return 0;
  });
}
