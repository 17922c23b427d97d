import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportData, type ReportData } from '../../store/report.js';
import { pgReportData } from '../../store/pg/report.js';
import { isPostgresUrl } from '../../store/pg/url.js';
import { withSharedIndex } from './search-pg.js';
import { omittedLine, renderReport } from '../report/page.js';
import { escapeInline } from '../terminal.js';
import { openIndexForCli } from '../open-index.js';
import { UsageError, parseArgs, parsePositiveInt } from '../usage.js';

export const REPORT_HELP = `quotegraph report --db FILE|postgres://… --out FILE.html [--speakers N] [--title TEXT]

Writes one self-contained HTML page (no network needed to open it): speakers ranked by
number of quotes, each with roles, a timeline where dates are known and quotes linked to
their documents, and a search box that filters the page.
  --speakers N   the N speakers with most quotes (default 500; all for every one); the page
                 and the command say what is left out
  --title TEXT   the page's title`;

/** `quotegraph report`: the quote index as one HTML page. */
export async function runReport(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['db', 'out', 'speakers', 'title'], booleans: ['help'] });
  if (options.help === true) {
    process.stdout.write(`${REPORT_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`report takes no positional arguments (got "${escapeInline(positionals[0]!)}")`);
  if (typeof options.db !== 'string') throw new UsageError('report needs --db FILE (an index built by quotegraph index)');
  if (typeof options.out !== 'string') throw new UsageError('report needs --out FILE.html');
  const maxSpeakers = options.speakers === undefined ? 500 : options.speakers === 'all' ? Number.MAX_SAFE_INTEGER : parsePositiveInt(options.speakers, '--speakers');
  let data: ReportData;
  if (isPostgresUrl(options.db)) {
    data = await withSharedIndex(options.db, (pg) => pgReportData(pg, maxSpeakers));
  } else {
    const db = openIndexForCli(options.db, { readonly: true });
    try {
      data = reportData(db, maxSpeakers);
    } finally {
      db.close();
    }
  }
  const html = typeof options.title === 'string' ? renderReport(data, options.title) : renderReport(data);
  const omitted = omittedLine(data);
  writeFileSync(options.out, html);
  process.stderr.write(`quotegraph: report written to ${escapeInline(resolve(options.out))}\nquotegraph: ${omitted}\n`);
  return 0;
}
