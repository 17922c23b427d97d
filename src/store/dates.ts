import type { AnnotationGraph } from '../graph/types.js';
import { isoCalendarPrefix } from '../text/calendar.js';

/**
 * The dates the index sorts and filters on: the day (or month, or year) a graph gives, when
 * it is a real calendar date. `2016-13-45` or `2016-02-30` is no date: it is dropped (the
 * quote is indexed without one) and said, never stored as written.
 */

/** The ISO day, month or year prefix of a value, when it names a real calendar date. */
export function indexDate(v: unknown): string | undefined {
  return typeof v === 'string' ? isoCalendarPrefix(v) : undefined;
}

/** Looks like an ISO date (so it was meant as one), whether or not it is a real one. */
const ISO_SHAPE = /^\s*\d{4}(?:-\d{1,2}){0,2}(?=$|T| )/;

/**
 * The dates of a graph the index drops: values written as ISO dates that name no calendar
 * day or month. A value as written ("2 hours ago") is no ISO date and not listed.
 */
export function droppedDates(graph: AnnotationGraph): string[] {
  const out: string[] = [];
  const check = (where: string, field: string, v: unknown): void => {
    if (typeof v === 'string' && ISO_SHAPE.test(v) && indexDate(v) === undefined) out.push(`${where} ${field} ${JSON.stringify(v)} is not a calendar date`);
  };
  check('meta', 'published', graph.meta.published);
  for (const n of graph.nodes) {
    if (n.type !== 'article') continue;
    check(`article ${n.id}`, 'published', n.published);
    check(`article ${n.id}`, 'publishedValue', n.publishedValue);
  }
  return out;
}
