import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AnnotationGraph } from '../../graph/types.js';
import { Indexer } from '../../store/indexer.js';
import type { IndexDb } from '../../store/db.js';
import { QuotegraphIndexError } from '../../store/errors.js';
import { PgIndexer } from '../../store/pg/indexer.js';
import { checkPgSchema } from '../../store/pg/schema.js';
import { isPostgresUrl, redactUrl } from '../../store/pg/url.js';
import { droppedDates } from '../../store/dates.js';
import { graphProblem } from '../../store/shape.js';
import { describeFsError } from '../extract/inputs.js';
import { escapeInline } from '../terminal.js';
import { openIndexForCli } from '../open-index.js';
import { UsageError, parseArgs } from '../usage.js';

export const INDEX_HELP = `quotegraph index <graphs.jsonl…> --db FILE|postgres://…

Builds or updates a SQLite quote index from the JSONL graphs of quotegraph extract
(- reads standard input): documents, articles, entities, speakers (merged across
documents by name and alias) and quotes with full-text search. A document indexed
again (same id) replaces the old one. With --db postgres://… the graphs go into the shared
PostgreSQL index (migrated first with quotegraph db migrate), then its speakers are merged.

Exit status: 0 every line indexed, 3 some lines skipped or replaced by a later line with the
same id, 2 usage error, 1 other failure.`;

/** `quotegraph index`: JSONL graphs into the SQLite quote index. */
export async function runIndex(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['db'], booleans: ['help'] });
  if (options.help === true) {
    process.stdout.write(`${INDEX_HELP}\n`);
    return 0;
  }
  if (typeof options.db !== 'string') throw new UsageError('index needs --db FILE (the index to build or update)');
  if (positionals.length === 0) throw new UsageError('index needs at least one JSONL file of graphs (or - for standard input)');
  if (/\.jsonl?$/i.test(options.db) && !isPostgresUrl(options.db)) {
    throw new UsageError(`--db names the index to build, a SQLite file such as quotes.db, not ${escapeInline(options.db)}: graphs to index are given before --db`);
  }
  const t0 = performance.now();
  const url = isPostgresUrl(options.db) ? options.db : undefined;
  const pg = url === undefined ? undefined : (await import('../../store/pg/connect.js')).connectPg(url, { max: 2 });
  let db: IndexDb | undefined;
  let indexer: Indexer | PgIndexer;
  try {
    if (pg !== undefined) await checkPgSchema(pg, redactUrl(url!));
    db = pg === undefined ? openIndexForCli(options.db) : undefined;
    indexer = pg === undefined ? new Indexer(db!) : new PgIndexer(pg);
  } catch (err) {
    await pg?.end();
    if (err instanceof QuotegraphIndexError) throw new UsageError(escapeInline(err.message));
    throw err;
  }
  const skipped: string[] = [];
  let replaced = 0;
  try {
    for (const file of positionals) {
      let input: NodeJS.ReadableStream;
      try {
        if (file !== '-' && statSync(file).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
        input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
      } catch (err) {
        skipped.push(`${file}: unreadable: ${describeFsError(err)}`);
        process.stderr.write(`quotegraph: skipped ${escapeInline(file)}: unreadable: ${describeFsError(err)}\n`);
        continue;
      }
      let lineNo = 0;
      try {
        for await (const line of createInterface({ input, crlfDelay: Infinity })) {
          lineNo++;
          if (line.trim().length === 0) continue;
          const source = `${file} line ${lineNo}`;
          const problem = addLine(indexer, line, source, (earlier, id) => {
            replaced++;
            process.stderr.write(`quotegraph: replaced ${escapeInline(earlier)} with ${escapeInline(source)}: both have the id ${escapeInline(JSON.stringify(id))}\n`);
          });
          if (problem !== undefined) {
            skipped.push(`${file}:${lineNo}: ${problem}`);
            process.stderr.write(`quotegraph: skipped ${escapeInline(file)} line ${lineNo}: ${escapeInline(problem)}\n`);
          }
          if (indexer instanceof PgIndexer) await indexer.ready();
        }
      } catch (err) {
        skipped.push(`${file}: unreadable: ${describeFsError(err)}`);
        process.stderr.write(`quotegraph: skipped ${escapeInline(file)}: unreadable: ${describeFsError(err)}\n`);
      }
    }
    await indexer.finish();
  } finally {
    db?.close();
    await pg?.end();
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stderr.write(`quotegraph: indexed ${indexer.indexed} documents (${indexer.quotes} quotes) into ${escapeInline(options.db)} in ${seconds.toFixed(1)} s, ${skipped.length} skipped, ${replaced} replaced by a later line with the same id\n`);
  return skipped.length > 0 || replaced > 0 ? 3 : 0;
}

/** Indexes one JSONL line; returns why it was skipped, if it was. */
function addLine(indexer: Pick<Indexer, 'add'>, line: string, source: string, onReplaced: (earlier: string, id: string) => void): string | undefined {
  let g: unknown;
  try {
    g = JSON.parse(line);
  } catch (err) {
    return `malformed JSON: ${(err as Error).message}`;
  }
  const problem = graphProblem(g);
  if (problem !== undefined) return problem;
  const graph = g as AnnotationGraph & { id: string };
  for (const dropped of droppedDates(graph)) process.stderr.write(`quotegraph: ${escapeInline(source)}: dropped a date: ${escapeInline(dropped)}; indexed without it\n`);
  const earlier = indexer.add(graph, source);
  if (earlier !== undefined) onReplaced(earlier, graph.id);
  return undefined;
}
