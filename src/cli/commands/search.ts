import { QuotegraphOptionsError } from '../../errors.js';
import { MAX_LIMIT, searchQuotes, type SearchHit } from '../../store/search.js';
import { QUERY_BOUNDS, searchTerms } from '../../store/search-query.js';
import { isoCalendarPrefix } from '../../text/calendar.js';
import { openIndexForCli } from '../open-index.js';
import { escapeInline, jsonForTerminal } from '../terminal.js';
import { UsageError, parseArgs, parsePositiveInt } from '../usage.js';

export const SEARCH_HELP = `quotegraph search <query> --db FILE [--speaker NAME] [--from DATE] [--to DATE] [--limit N] [--json]

Ranked full-text search over the quotes of an index (best match first). Words are all
required; "a phrase" in double quotes; word* matches a prefix (at most ${QUERY_BOUNDS.terms} words or
phrases, ${QUERY_BOUNDS.words} words, ${QUERY_BOUNDS.prefixes} prefixes, ${QUERY_BOUNDS.chars} characters). An empty query ("")
lists quotes newest first (with --speaker: everything a speaker said).
  --speaker NAME   only this speaker ("Lavrov" finds Sergei Lavrov; % and _ match themselves)
  --from / --to    dates, inclusive: 2016-09-01, 2016-09 or 2016
  --limit N        at most N results (default 20, at most 10,000)
  --json           a JSON array instead of text`;

/** `quotegraph search`: quotes matching words, ranked by bm25. */
export async function runSearch(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['db', 'speaker', 'from', 'to', 'limit'], booleans: ['json', 'help'] });
  if (options.help === true) {
    process.stdout.write(`${SEARCH_HELP}\n`);
    return 0;
  }
  if (typeof options.db !== 'string') throw new UsageError('search needs --db FILE (an index built by quotegraph index)');
  if (positionals.length !== 1) throw new UsageError('search takes one query (quote it: quotegraph search "security guarantees" --db …)');
  for (const k of ['from', 'to'] as const) {
    const v = options[k];
    if (v !== undefined && (typeof v !== 'string' || isoCalendarPrefix(v) !== v)) throw new UsageError(`--${k} takes a date such as 2016-09-30, 2016-09 or 2016 (a real day, month or year), not ${escapeInline(JSON.stringify(v))}`);
  }
  if (options.speaker !== undefined && (typeof options.speaker !== 'string' || options.speaker.trim().length === 0)) {
    throw new UsageError('--speaker takes a name such as Lavrov or "Sergei Lavrov", not an empty one; leave it out to search every speaker');
  }
  try {
    searchTerms(positionals[0]);
  } catch (err) {
    // The query's bounds are the library's (QUERY_BOUNDS): its coded message, as a usage error.
    if (err instanceof QuotegraphOptionsError) throw new UsageError(escapeInline(err.message));
    throw err;
  }
  const limit = options.limit === undefined ? 20 : parsePositiveInt(options.limit, '--limit');
  if (limit > MAX_LIMIT) throw new UsageError(`--limit is at most ${MAX_LIMIT.toLocaleString('en-US')} hits, not ${limit}; narrow the search (words, --speaker, --from/--to)`);
  const db = openIndexForCli(options.db, { readonly: true });
  let hits: SearchHit[];
  try {
    hits = searchQuotes(db, {
      query: positionals[0]!,
      limit,
      ...(typeof options.speaker === 'string' ? { speaker: options.speaker } : {}),
      ...(typeof options.from === 'string' ? { from: options.from } : {}),
      ...(typeof options.to === 'string' ? { to: options.to } : {}),
    });
  } finally {
    db.close();
  }
  if (options.json === true) {
    process.stdout.write(`${jsonForTerminal(hits)}\n`);
  } else if (hits.length === 0) {
    process.stdout.write('no quotes found\n');
  } else {
    process.stdout.write(`${hits.map(formatHit).join('\n\n')}\n`);
  }
  return 0;
}

/** A hit as plain text: the quote, then who said it, where and when, each escaped for the terminal. */
export function formatHit(hit: SearchHit, i: number): string {
  const who = hit.speaker === null ? 'unknown speaker' : hit.roles.length > 0 ? `${hit.speaker} (${hit.roles[0]})` : hit.speaker;
  const where = [hit.title, hit.date, hit.document].filter((x) => x !== null).join(' · ');
  // Quote, names, title and file name come from the articles: escaped for the terminal, one line each.
  return `${i + 1}. "${escapeInline(hit.quote)}"\n   — ${escapeInline(who)}\n   ${escapeInline(where)}`;
}
