import { QuotegraphOptionsError } from '../errors.js';
import { QUOTE_FORMS, type QuoteFilter } from '../store/quote-filter.js';
import { searchTerms } from '../store/search-query.js';
import { isoCalendarPrefix } from '../text/calendar.js';
import { escapeInline } from './terminal.js';
import { UsageError } from './usage.js';

/** The options that narrow a quote search on the command line (`search` and `export` take the same). */
export const FILTER_FLAGS = ['speaker', 'speaker-id', 'from', 'to', 'outlet', 'form'] as const;

/** How the filter options read, for a command's help. */
export const FILTER_HELP = `  --speaker NAME   only this speaker ("Lavrov" finds Sergei Lavrov; % and _ match themselves);
                   a name several speakers share is said, with their ids
  --speaker-id N   only the speaker with this id (as a shared name lists them, and /api/speakers)
  --from / --to    dates, inclusive: 2016-09-01, 2016-09 or 2016
  --outlet NAME    only quotes of documents from this outlet, as the index holds it ("Reuters")
  --form FORM      only ${QUOTE_FORMS.join(', ')} quotes`;

/**
 * The words and filter options of a command line as a quote filter, each checked with a
 * usage error that says how to write it (the library's coded message where it has one).
 */
export function filterFromOptions(query: string, options: Readonly<Record<string, string | boolean>>): QuoteFilter {
  // parseArgs gives each of FILTER_FLAGS as a string
  const o = options as Readonly<Record<string, string | undefined>>;
  for (const k of ['from', 'to'] as const) {
    const v = o[k];
    if (v !== undefined && isoCalendarPrefix(v) !== v) throw new UsageError(`--${k} takes a date such as 2016-09-30, 2016-09 or 2016 (a real day, month or year), not ${escapeInline(JSON.stringify(v))}`);
  }
  if (o.speaker !== undefined && o.speaker.trim().length === 0) {
    throw new UsageError('--speaker takes a name such as Lavrov or "Sergei Lavrov", not an empty one; leave it out to search every speaker');
  }
  const speakerId = o['speaker-id'];
  if (speakerId !== undefined && !/^\d{1,15}$/.test(speakerId)) throw new UsageError(`--speaker-id takes a speaker's id (a whole number), not ${escapeInline(JSON.stringify(speakerId))}`);
  if (o.outlet !== undefined && o.outlet.length === 0) throw new UsageError('--outlet takes an outlet\'s name such as Reuters, not an empty one; leave it out for every outlet');
  if (o.form !== undefined && !(QUOTE_FORMS as readonly string[]).includes(o.form)) {
    throw new UsageError(`--form takes one of ${QUOTE_FORMS.join(', ')}, not ${escapeInline(JSON.stringify(o.form))}`);
  }
  try {
    searchTerms(query);
  } catch (err) {
    // The query's bounds are the library's (QUERY_BOUNDS): its coded message, as a usage error.
    if (err instanceof QuotegraphOptionsError) throw new UsageError(escapeInline(err.message));
    throw err;
  }
  return {
    query,
    ...(o.speaker !== undefined ? { speaker: o.speaker } : {}),
    ...(speakerId !== undefined ? { speakerId: Number(speakerId) } : {}),
    ...(o.from !== undefined ? { from: o.from } : {}),
    ...(o.to !== undefined ? { to: o.to } : {}),
    ...(o.outlet !== undefined ? { outlet: o.outlet } : {}),
    ...(o.form !== undefined ? { form: o.form } : {}),
  };
}
