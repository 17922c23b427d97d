import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { allQuotes, type ApiQuote } from '../../store/quote-page.js';
import { CSV_HEADER, csvLine, csvValues } from '../export/csv.js';
import { describeFsError } from '../extract/files.js';
import { openIndexForCli } from '../open-index.js';
import { allPgQuotes } from '../../store/pg/quotes.js';
import { isPostgresUrl } from '../../store/pg/url.js';
import { withSharedIndex } from './search-pg.js';
import { sharedSpeakerNote } from '../speaker-note.js';
import { FILTER_FLAGS, FILTER_HELP, filterFromOptions } from '../quote-filter-options.js';
import { escapeForTerminal, escapeInline, jsonLine } from '../terminal.js';
import { UsageError, parseArgs } from '../usage.js';

export const EXPORT_HELP = `quotegraph export [query] --db FILE|postgres://… --format csv|jsonl [filters] [--out FILE]

Writes every quote a search takes, one row per result, in the order search ranks them
(newest first without a query); the same words by the same speaker in several documents
(syndicated copies) are one row with their number in occurrences, as /api/quotes gives them.
  --format jsonl   each line a JSON object shaped exactly like an item of /api/quotes
  --format csv     a header, then the columns id, text, form, cue, speaker_id, speaker_name,
                   document_id, title, outlet, url, published, occurrences (RFC 4180; a cell
                   that starts with = + - @ gets a leading apostrophe, so that no spreadsheet
                   runs it as a formula)
  query            words as search takes them (none: every quote)
${FILTER_HELP}
  --out FILE       write to FILE (default: standard output)`;

const FORMATS = ['csv', 'jsonl'] as const;

/** `quotegraph export`: the quotes of an index as CSV or JSONL, streamed. */
export async function runExport(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['db', 'format', 'out', ...FILTER_FLAGS], booleans: ['help'] });
  if (options.help === true) {
    process.stdout.write(`${EXPORT_HELP}\n`);
    return 0;
  }
  if (typeof options.db !== 'string') throw new UsageError('export needs --db FILE (an index built by quotegraph index)');
  const format = options.format;
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`export needs --format csv or --format jsonl${format === undefined ? '' : `, not ${escapeInline(JSON.stringify(format))}`}`);
  }
  if (positionals.length > 1) throw new UsageError('export takes at most one query (quote it: quotegraph export "security guarantees" --db …)');
  const filter = filterFromOptions(positionals[0] ?? '', options);
  const url = options.db;
  const db = isPostgresUrl(url) ? undefined : openIndexForCli(url, { readonly: true });
  let out: Writable;
  const toFile = typeof options.out === 'string';
  try {
    out = toFile ? await openOut(options.out as string) : process.stdout;
  } catch (err) {
    db?.close();
    throw err;
  }
  // Data to a file or a pipe stays exact; on a terminal its control characters are escaped.
  const shown = !toFile && process.stdout.isTTY === true ? escapeForTerminal : (s: string) => s;
  const row = format === 'csv' ? (q: ApiQuote) => csvLine(csvValues(q)) : (q: ApiQuote) => jsonLine(q);
  let rows = 0;
  const writeAll = async (quotes: Iterable<ApiQuote> | AsyncIterable<ApiQuote>): Promise<void> => {
    if (format === 'csv') await write(out, CSV_HEADER);
    for await (const q of quotes) {
      await write(out, shown(row(q)));
      rows++;
    }
  };
  if (db === undefined) {
    await withSharedIndex(url, (pg) => writeAll(allPgQuotes(pg, filter)));
  } else {
    try {
      const note = sharedSpeakerNote(db, filter);
      if (note !== undefined) process.stderr.write(note);
      await writeAll(allQuotes(db, filter));
    } finally {
      db.close();
    }
  }
  if (toFile) {
    out.end();
    await once(out, 'finish');
  }
  process.stderr.write(`quotegraph: exported ${rows} quote${rows === 1 ? '' : 's'}${toFile ? ` to ${escapeInline(options.out as string)}` : ''}\n`);
  return 0;
}

/** The file --out names, open for writing; a path that cannot be written is a usage error. */
async function openOut(path: string): Promise<Writable> {
  const stream = createWriteStream(path);
  try {
    await once(stream, 'open');
  } catch (err) {
    throw new UsageError(`cannot write --out ${escapeInline(path)}: ${describeFsError(err)}`);
  }
  return stream;
}

/** Writes a chunk, waiting when the stream's buffer is full (memory stays bounded on a slow reader). */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
