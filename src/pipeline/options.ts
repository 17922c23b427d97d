import { QuotegraphOptionsError, describeValue } from '../errors.js';
import { isCalendarDate, isoCalendarPrefix } from '../text/calendar.js';
import type { Pipeline, PipelineEdits } from './pipeline.js';
import type { ResolvedOptions } from './resolved.js';

export type { ResolvedOptions } from './resolved.js';

/** What a caller can tell `extract()` about a document and how to process it. */
export interface ExtractOptions {
  /** Publication date/time (ISO 8601 string or Date): relative dates ("on Wednesday") resolve against it. */
  readonly published?: string | Date;
  /** The outlet that published the text, when the caller knows it. */
  readonly outlet?: string;
  /** The article's title, when it is known apart from the text. */
  readonly title?: string;
  /** Edits to the default pipeline, or a whole pipeline of your own. */
  readonly pipeline?: PipelineEdits | Pipeline;
  /** Record per-stage time in `graph.meta.timings` (milliseconds). */
  readonly timings?: boolean;
}

const KNOWN = new Set(['published', 'outlet', 'title', 'pipeline', 'timings']);

/**
 * `stages` (settings by stage name) was documented but no stage ever read it, so settings
 * passed there were lost without a word; it is refused with a message that says what to do.
 */
const STAGES_GONE = 'Option "stages" is no longer taken: no stage read the settings given there. Give a stage of your own its settings when you build it (a function that returns defineStage({ name, requires, provides, run })) and put it in the pipeline with { pipeline: { add: [{ stage, after }] } } or { pipeline: { replace: { name: stage } } }.';

/** Checks a caller's options and turns them into what stages read. */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (options === undefined || options === null) return { timings: false };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new QuotegraphOptionsError('E_OPTIONS_TYPE', `options must be a plain object such as { published: '2025-11-26' }, not ${describeValue(options)}.`);
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key === 'stages') throw new QuotegraphOptionsError('E_UNKNOWN_OPTION', STAGES_GONE);
    if (!KNOWN.has(key)) {
      throw new QuotegraphOptionsError('E_UNKNOWN_OPTION', `Unknown option "${key}"; the options are: ${[...KNOWN].join(', ')}.`);
    }
  }
  const resolved: ResolvedOptions = { timings: false };
  if (o.published !== undefined) {
    resolved.published = resolvePublished(o.published);
    resolved.publishedSource = 'options';
  }
  for (const key of ['outlet', 'title'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') {
      throw new QuotegraphOptionsError('E_OPTION_VALUE', `Option "${key}" must be a string, not ${describeValue(v)}.`);
    }
    resolved[key] = v;
  }
  if (o.timings !== undefined) {
    if (typeof o.timings !== 'boolean') {
      throw new QuotegraphOptionsError('E_OPTION_VALUE', `Option "timings" must be true or false, not ${describeValue(o.timings)}.`);
    }
    resolved.timings = o.timings;
  }
  return resolved;
}

/**
 * A publication date as ISO 8601: a date alone stays a date, a time keeps its time.
 * Throws E_OPTION_VALUE for anything that is not a calendar date.
 */
export function resolvePublished(v: unknown): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) {
      throw new QuotegraphOptionsError('E_OPTION_VALUE', 'Option "published" is an invalid Date; pass a valid Date or an ISO 8601 string such as "2025-11-26".');
    }
    const iso = v.toISOString();
    if (isoCalendarPrefix(iso) === undefined) throw notCalendar(iso);
    return iso;
  }
  if (typeof v === 'string') {
    const s = v.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T ])/.exec(s);
    if (m && !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw notCalendar(s);
    if (m && s.length === 10) return s;
    if (m && !Number.isNaN(Date.parse(s))) return s.replace(' ', 'T');
  }
  throw new QuotegraphOptionsError('E_OPTION_VALUE', `Option "published" must be an ISO 8601 date ("2025-11-26" or "2025-11-26T08:30:00Z") or a Date, not ${describeValue(v)}.`);
}

const notCalendar = (value: string): QuotegraphOptionsError =>
  new QuotegraphOptionsError('E_OPTION_VALUE', `Option "published" is ${JSON.stringify(value)}, which is not a calendar date (month 01–12, a day the month has, a year 1000–2999); pass a real date such as "2025-11-26".`);
