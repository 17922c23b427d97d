import type { IndexDb } from './db.js';
import { filterSql, speakerIds, type QuoteFilter } from './quote-filter.js';
import { parseTerms } from './search-query.js';
import { prepared } from './statements.js';

/** How many quotes a filter takes (copies each counted). */
function countOf(db: IndexDb, filter: QuoteFilter): number {
  const f = filterSql(db, filter);
  if (f.empty) return 0;
  return (prepared(db, `SELECT COUNT(*) AS n FROM ${f.from} ${f.where}`).get(...f.params) as { n: number }).n;
}

const quoted = (s: string): string => JSON.stringify(s);

/**
 * Why a search found nothing, for a person to act on: each part of the filter that matches no
 * quote by itself (a word no quote holds, a speaker the index does not know, dates on an index
 * with no dated quotes or outside the dates it has, an outlet or form it does not hold), or,
 * when each part matches some quotes, that no quote matches them all together.
 */
export function whyNoMatch(db: IndexDb, filter: QuoteFilter): string[] {
  const reasons: string[] = [];
  const terms = parseTerms(filter.query);
  if (filter.query.trim().length > 0 && terms.length === 0) reasons.push(`the query ${quoted(filter.query)} has no word to search for (letters or digits)`);
  const missing = terms.filter((t) => countOf(db, { query: t.prefix ? `${t.words[0]}*` : `"${t.words.join(' ')}"` }) === 0);
  for (const t of missing) reasons.push(t.prefix ? `no word of any quote starts with ${quoted(t.words[0]!)}` : t.words.length > 1 ? `no quote holds the phrase ${quoted(t.words.join(' '))}` : `no quote holds the word ${quoted(t.words[0]!)}`);
  if (filter.speaker !== undefined && countOf(db, { query: '', speaker: filter.speaker }) === 0) {
    reasons.push(speakerIds(db, filter.speaker).length === 0 ? `no speaker of the index is named ${quoted(filter.speaker)}` : `the speaker ${quoted(filter.speaker)} has no quotes`);
  }
  if (filter.speakerId !== undefined && countOf(db, { query: '', speakerId: filter.speakerId }) === 0) reasons.push(`no speaker of the index has the id ${filter.speakerId}`);
  if (filter.from !== undefined || filter.to !== undefined) {
    const span = prepared(db, 'SELECT MIN(date) AS first, MAX(date) AS last, COUNT(date) AS n FROM quotes').get() as { first: string | null; last: string | null; n: number };
    const dates = { query: '', ...(filter.from !== undefined ? { from: filter.from } : {}), ...(filter.to !== undefined ? { to: filter.to } : {}) };
    if (span.n === 0) reasons.push('no quote of the index has a date (its documents had no publication date: give extract --published, a published field or a manifest), so --from/--to take none');
    else if (countOf(db, dates) === 0) reasons.push(`no quote is dated ${filter.from !== undefined && filter.to !== undefined ? `from ${filter.from} to ${filter.to}` : filter.from !== undefined ? `from ${filter.from} on` : `up to ${filter.to}`} (the dated quotes run from ${span.first} to ${span.last})`);
  }
  if (filter.outlet !== undefined && countOf(db, { query: '', outlet: filter.outlet }) === 0) {
    const outlets = (prepared(db, 'SELECT outlet, COUNT(*) AS n FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet LIMIT 5').all() as Array<{ outlet: string }>).map((o) => quoted(o.outlet));
    reasons.push(`no document of the index is from the outlet ${quoted(filter.outlet)} (${outlets.length === 0 ? 'its documents name no outlet' : `outlets it holds include ${outlets.join(', ')}`})`);
  }
  if (filter.form !== undefined && countOf(db, { query: '', form: filter.form }) === 0) reasons.push(`the index holds no ${filter.form} quotes`);
  if (reasons.length === 0) {
    const parts = (terms.length > 1 ? 1 : 0) + [terms.length > 0, filter.speaker, filter.speakerId, filter.from ?? filter.to, filter.outlet, filter.form].filter((x) => x !== undefined && x !== false).length;
    reasons.push(parts > 1 ? `each ${terms.length > 1 ? 'word and filter' : 'filter'} matches some quotes, but no quote matches them all together` : 'the index holds no quotes');
  }
  return reasons;
}
