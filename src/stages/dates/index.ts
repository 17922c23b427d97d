import type { Article, Doc } from '../../pipeline/doc.js';
import { addMention, mentionsOf } from '../../model/mentions.js';
import { defineStage } from '../../pipeline/stage.js';
import type { Token } from '../../text/tokenize.js';
import { writtenDatesFit } from '../../text/written-date.js';
import { hasTime, parseDates, periodValue, referenceOf, valueOf, weekdayValue } from './resolve.js';
import { findTriggers, futureBefore, loneWeekday, shiftedPeriod, yearAt } from './triggers.js';
import { trimEnd } from '../layout/trim.js';

/**
 * Date mentions with ISO 8601 values: "February 24, 2022" → 2022-02-24, "February
 * 2022" → 2022-02, "in 2023" → 2023, and relative ones ("Monday's", "on Wednesday",
 * "last month", "2 hours ago") resolved against the article's publication time (the
 * caller's `published`, or one the page states). chrono-node reads only short windows
 * around words that can start a date, so the stage stays linear and cheap.
 */
export const datesStage = defineStage({
  name: 'dates',
  requires: ['tokens', 'sentences'],
  reads: ['blocks', 'articles', 'mentions', 'options'],
  provides: ['mentions', 'dates'],
  run(doc) {
    const taken = new Uint8Array(doc.tokens.length);
    for (const m of mentionsOf(doc)) for (let t = m.first; t < m.last; t++) taken[t] = 1;
    const units: Array<{ first: number; last: number; article?: Article | undefined }> = doc.sentences.map((s) => ({ first: s.first, last: s.last, article: s.article }));
    // a story's timestamp is read against the page's time, not against itself
    for (const b of doc.blocks) if (b.kind === 'timestamp') units.push({ first: b.first, last: b.last });
    const references = new Map<Article | undefined, Reference>();
    for (const unit of units) {
      let reference = references.get(unit.article);
      if (!reference) {
        reference = referenceFor(doc, unit.article);
        references.set(unit.article, reference);
      }
      readDates(doc, unit.first, unit.last, reference, taken);
    }
  },
});

/** Tokens a window reaches on either side of a trigger: enough for "last Monday's", "Nov. 26, 2025". */
const BEFORE = 3;
const AFTER = 5;
const YEAR_TOKEN = /^\d{4}$/;
const MODIFIERS = new Set(['earlier', 'later', 'early', 'late', 'mid']);
const LEADING_PREPOSITION = /^(?:on|in|at|since|by|from|until|till|during|of|for|as of)\s+/i;

/** The time relative dates of an article are read against. */
interface Reference { readonly date: Date | undefined; readonly hasTime: boolean }

/** A story's own stated time first (pages hold stories of different days), then the document's. */
function referenceFor(doc: Doc, article: Article | undefined): Reference {
  const iso = article?.publishedValue !== undefined && /^\d{4}-\d{2}-\d{2}/.test(article.publishedValue)
    ? article.publishedValue
    : doc.options.published;
  return { date: referenceOf(iso), hasTime: hasTime(iso) };
}

function readDates(doc: Doc, first: number, last: number, ref: Reference, taken: Uint8Array): void {
  const triggers = findTriggers(doc.tokens, first, last);
  if (triggers.length === 0) return;
  const reference = ref.date;
  // a bare year, a lone weekday and "last week" need no parser; every other trigger
  // gets a window for chrono-node, windows merged where they overlap
  const anchors = triggers.filter((t) => !YEAR_TOKEN.test(doc.tokens[t]!.text) && doc.tokens[t]!.kind !== 'decade' && !readSimple(doc, t, first, last, taken, reference));
  const isTrigger = new Set(triggers);
  let w = 0;
  while (w < anchors.length) {
    const a = Math.max(first, anchors[w]! - BEFORE);
    let b = Math.min(last, anchors[w]! + AFTER + 1);
    while (w + 1 < anchors.length && anchors[w + 1]! - BEFORE <= b) {
      w++;
      b = Math.min(last, anchors[w]! + AFTER + 1);
    }
    w++;
    readWindow(doc, a, b, isTrigger, taken, reference, { refHasTime: ref.hasTime, future: futureBefore(doc.tokens, anchors[w - 1]!, first) });
  }
  // years on their own ("in 2023", "a 2023 event"), where chrono found no date around
  // them; decades ("the 1990s") as mentions without a value, which ISO 8601 dates lack
  for (const t of triggers) {
    if (taken[t]) continue;
    const tok = doc.tokens[t]!;
    if (tok.kind === 'decade') {
      const start = t > first && doc.tokens[t - 1]!.text.toLowerCase() === 'the' && !taken[t - 1] ? t - 1 : t;
      if (addMention(doc, 'date', 'name', start, t + 1)) for (let k = start; k <= t; k++) taken[k] = 1;
      continue;
    }
    if (!yearAt(doc.tokens, t, first)) continue;
    if (addMention(doc, 'date', 'name', t, t + 1, { value: tok.text })) taken[t] = 1;
  }
}

/** A date chrono-node is not needed for, read directly; false where the trigger needs it. */
function readSimple(doc: Doc, t: number, first: number, last: number, taken: Uint8Array, reference: Date | undefined): boolean {
  if (taken[t]) return true;
  let value: string | undefined;
  let end = t + 1;
  const day = loneWeekday(doc.tokens, t, first, last);
  if (day >= 0) {
    if (reference) value = weekdayValue(day, reference, '', futureBefore(doc.tokens, t, first));
  } else {
    const shifted = shiftedPeriod(doc.tokens, t, last);
    if (!shifted) return false;
    if (reference) {
      value = periodValue(shifted[0], shifted[1], reference);
      if (value === undefined) return false;
    } else if (periodValue(shifted[0], shifted[1], new Date(0)) === undefined) {
      return false;
    }
    end = t + 2;
    if (taken[t + 1]) return true;
  }
  let start = t;
  const before = doc.tokens[t - 1];
  if (t > first && before && MODIFIERS.has(before.text.toLowerCase()) && !taken[t - 1]) start--;
  const m = addMention(doc, 'date', 'name', start, end, value !== undefined ? { value } : {});
  if (m) for (let k = start; k < end; k++) taken[k] = 1;
  return true;
}

function readWindow(
  doc: Doc, a: number, b: number, isTrigger: ReadonlySet<number>, taken: Uint8Array,
  reference: Date | undefined, options: { refHasTime: boolean; future: boolean },
): void {
  const base = doc.tokens[a]!.vstart;
  const text = doc.view.text.slice(base, doc.tokens[b - 1]!.vend);
  for (const result of parseDates(text, reference)) {
    // chrono's repairs ("2016-13-01" read day-first, "November 45" as 2045) are no dates
    if (!writtenDatesFit(result.text)) continue;
    let s = result.index;
    let raw = result.text;
    const lead = LEADING_PREPOSITION.exec(raw);
    if (lead) {
      s += lead[0].length;
      raw = raw.slice(lead[0].length);
    }
    raw = trimEnd(raw, ',');
    const range = tokenSpan(doc.tokens, a, b, base + s, base + s + raw.length);
    if (!range) continue;
    let [f, l] = range;
    // "earlier this month", "late Friday": the modifier belongs to the date
    const before = doc.tokens[f - 1];
    if (f > a && before && MODIFIERS.has(before.text.toLowerCase())) f--;
    let covers = false;
    let free = true;
    for (let t = f; t < l; t++) {
      if (isTrigger.has(t)) covers = true;
      if (taken[t]) free = false;
    }
    if (!covers || !free) continue;
    const value = valueOf(result, reference, options);
    const m = addMention(doc, 'date', 'name', f, l, value !== undefined ? { value } : {});
    if (m) for (let t = f; t < l; t++) taken[t] = 1;
  }
}

/** Tokens lying inside view offsets `[vs, ve)`, if the offsets fall on token edges. */
function tokenSpan(tokens: readonly Token[], a: number, b: number, vs: number, ve: number): [number, number] | undefined {
  let f = -1;
  let l = -1;
  for (let t = a; t < b; t++) {
    const tok = tokens[t]!;
    if (tok.vstart === vs) f = t;
    if (f >= 0 && tok.vend <= ve) l = t + 1;
  }
  return f >= 0 && l > f ? [f, l] : undefined;
}
