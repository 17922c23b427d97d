import { MAX_LIMIT, searchQuotes, type SearchHit } from '../../store/search.js';
import { whyNoMatch } from '../../store/no-match.js';
import { QUERY_BOUNDS } from '../../store/search-query.js';
import { openIndexForCli } from '../open-index.js';
import { isPostgresUrl } from '../../store/pg/url.js';
import { searchSharedIndex } from './search-pg.js';
import { sharedSpeakerNote } from '../speaker-note.js';
import { FILTER_FLAGS, FILTER_HELP, filterFromOptions } from '../quote-filter-options.js';
import { escapeInline, jsonForTerminal } from '../terminal.js';
import { UsageError, parseArgs, parsePositiveInt } from '../usage.js';

export const SEARCH_HELP = `quotegraph search <query> --db FILE|postgres://… [--speaker NAME] [--from DATE] [--to DATE] [--outlet NAME] [--form FORM] [--limit N] [--json]

Ranked full-text search over the quotes of an index (best match first). Words are all
required; "a phrase" in double quotes; word* matches a prefix (at most ${QUERY_BOUNDS.terms} words or
phrases, ${QUERY_BOUNDS.words} words, ${QUERY_BOUNDS.prefixes} prefixes, ${QUERY_BOUNDS.chars} characters). An empty query ("")
lists quotes newest first (with --speaker: everything a speaker said).
${FILTER_HELP}
  --limit N        at most N results (default 20, at most 10,000)
  --json           a JSON array instead of text`;

/** `quotegraph search`: quotes matching words, ranked by bm25. */
export async function runSearch(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { values: ['db', 'limit', ...FILTER_FLAGS], booleans: ['json', 'help'] });
  if (options.help === true) {
    process.stdout.write(`${SEARCH_HELP}\n`);
    return 0;
  }
  if (typeof options.db !== 'string') throw new UsageError('search needs --db FILE (an index built by quotegraph index)');
  if (positionals.length !== 1) throw new UsageError('search takes one query (quote it: quotegraph search "security guarantees" --db …)');
  const filter = filterFromOptions(positionals[0]!, options);
  const limit = options.limit === undefined ? 20 : parsePositiveInt(options.limit, '--limit');
  if (limit > MAX_LIMIT) throw new UsageError(`--limit is at most ${MAX_LIMIT.toLocaleString('en-US')} hits, not ${limit}; narrow the search (words, --speaker, --from/--to)`);
  let hits: SearchHit[];
  let reasons: string[] = [];
  if (isPostgresUrl(options.db)) {
    hits = await searchSharedIndex(options.db, { ...filter, limit });
    if (hits.length === 0 && options.json !== true) reasons = ['no quote of the shared index matches'];
  } else {
    const db = openIndexForCli(options.db, { readonly: true });
    try {
      const note = sharedSpeakerNote(db, filter);
      if (note !== undefined) process.stderr.write(note);
      hits = searchQuotes(db, { ...filter, limit });
      if (hits.length === 0 && options.json !== true) reasons = whyNoMatch(db, filter);
    } finally {
      db.close();
    }
  }
  if (options.json === true) {
    process.stdout.write(`${jsonForTerminal(hits)}\n`);
  } else if (hits.length === 0) {
    process.stdout.write(`no quotes found:\n${reasons.map((r) => `  ${escapeInline(r)}\n`).join('')}`);
  } else {
    process.stdout.write(`${hits.map(formatHit).join('\n\n')}\n`);
  }
  return 0;
}

/** A hit as plain text: the quote, then who said it, where and when, each escaped for the terminal. */
export function formatHit(hit: SearchHit, i: number): string {
  const name = hit.speaker === null ? 'unknown speaker' : hit.roles.length > 0 ? `${hit.speaker} (${hit.roles[0]})` : hit.speaker;
  // Direct quotes are the speaker's words, in quotation marks; reported speech is shown without them, with its form.
  const who = hit.form === 'direct' ? name : `${name} · ${hit.form}`;
  const text = hit.form === 'direct' ? `"${escapeInline(hit.quote)}"` : escapeInline(hit.quote);
  const where = [hit.title, hit.outlet, hit.date, hit.document].filter((x) => x !== null).join(' · ');
  // Quote, names, title and file name come from the articles: escaped for the terminal, one line each.
  return `${i + 1}. ${text}\n   — ${escapeInline(who)}\n   ${escapeInline(where)}${hit.url === null ? '' : `\n   ${escapeInline(hit.url)}`}`;
}
