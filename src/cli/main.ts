import { DB_HELP, runDb } from './commands/db.js';
import { ENQUEUE_HELP, runEnqueue } from './commands/enqueue.js';
import { EXPORT_HELP, runExport } from './commands/export.js';
import { EXTRACT_HELP, runExtract } from './commands/extract.js';
import { INDEX_HELP, runIndex } from './commands/index.js';
import { MERGE_SPEAKERS_HELP, runMergeSpeakers } from './commands/merge-speakers.js';
import { REPORT_HELP, runReport } from './commands/report.js';
import { SEARCH_HELP, runSearch } from './commands/search.js';
import { SERVE_HELP, runServe } from './commands/serve.js';
import { STATUS_HELP, runStatus } from './commands/status.js';
import { WORKER_HELP, runWorker } from './commands/worker.js';
import { UsageError } from './usage.js';
import { tuneV8 } from './v8-flags.js';

const HELP = `quotegraph: attributed quotes, speakers and entities from news articles

Usage:
  quotegraph extract <input…> [--out FILE] [--jobs N] …   one annotation graph per document, as JSONL
  quotegraph index <graphs.jsonl…> --db FILE              build or update a quote index (SQLite)
  quotegraph search <query> --db FILE [--speaker NAME] …  ranked full-text search over the quotes
  quotegraph report --db FILE --out FILE.html             one self-contained page of speakers and quotes
  quotegraph serve --db FILE [--host H] [--port N]        the index as a read-only JSON API over HTTP
  quotegraph export --db FILE --format csv|jsonl …        every quote a search takes, as CSV or JSONL
  quotegraph enqueue <input…> --queue redis://…            jobs for many machines, on a BullMQ queue (Redis)
  quotegraph worker --queue redis://… --db postgres://…   take jobs, write a shared PostgreSQL index
  quotegraph status --queue redis://…                      the queue's waiting, running, done and failed jobs
  quotegraph db migrate --db postgres://…                  create or update the shared index's schema
  quotegraph merge-speakers --db postgres://…              merge the shared index's speakers across documents
  quotegraph <command> --help | quotegraph --version

Exit status: 0 success, 3 some inputs skipped (the rest done), 2 usage error, 1 other failure.`;

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  extract: { run: runExtract, help: EXTRACT_HELP },
  index: { run: runIndex, help: INDEX_HELP },
  search: { run: runSearch, help: SEARCH_HELP },
  report: { run: runReport, help: REPORT_HELP },
  serve: { run: runServe, help: SERVE_HELP },
  export: { run: runExport, help: EXPORT_HELP },
  enqueue: { run: runEnqueue, help: ENQUEUE_HELP },
  worker: { run: runWorker, help: WORKER_HELP },
  status: { run: runStatus, help: STATUS_HELP },
  db: { run: runDb, help: DB_HELP },
  'merge-speakers': { run: runMergeSpeakers, help: MERGE_SPEAKERS_HELP },
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(`${HELP}\n`);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    process.stdout.write(`${topic?.help ?? HELP}\n`);
    return 0;
  }
  if (command === '--version') {
    process.stdout.write('quotegraph 0.1.0\n');
    return 0;
  }
  const cmd = COMMANDS[command];
  if (!cmd) throw new UsageError(`unknown command "${command}"; run quotegraph --help`);
  if (command === 'extract' || command === 'worker') tuneV8();
  return cmd.run(rest);
}

// A closed pipe (quotegraph … | head) ends the run quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`quotegraph: ${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`quotegraph: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
