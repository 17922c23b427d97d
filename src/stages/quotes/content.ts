import words from '../../lexicon/attribution-words.json';
import type { Sentence } from '../../pipeline/doc.js';
import { cueAt } from './cues.js';
import { isComplementizer } from './grammar.js';
import type { Stretch } from './marks.js';
import { isCapitalized, isDash, isPossessive, lower, nounPhraseStartingAt, skipRightAdverbials } from './phrases.js';
import type { FindContext, Piece } from './types.js';

// How far content runs: the quotation at a token, where a reported clause stops, the tail
// of a mixed quotation, and the trimmed piece a quote is made of.

/** Tokens a reported clause is read for at most, so that a sentence without end stays linear. */
export const MAX_CONTENT = 300;

const PARTICIPLE_TAIL: ReadonlySet<string> = new Set(words.participleTail);

export function stretchAt(ctx: FindContext, k: number): Stretch | undefined {
  const i = ctx.marks.stretchOf[k];
  return i === undefined || i === -1 ? undefined : ctx.marks.stretches[i];
}

/**
 * Where content that starts at `start` ends: the sentence's end, or before a trailing
 * attribution (", he said"), ", adding/saying …", ", according to", a semicolon or a
 * dash credit.
 */
export function contentEnd(ctx: FindContext, s: Sentence, start: number): number {
  // a reported clause is read for at most MAX_CONTENT tokens, so that a sentence without end stays linear
  const last = Math.min(s.last, start + MAX_CONTENT);
  if (start >= last) return last;
  // where content stops depends only on the token, not on where it started: each sentence's
  // stops are found once, so that many cues in one long sentence do not each read it again
  let next = ctx.stops;
  if (!next || next.length !== ctx.doc.tokens.length) {
    next = new Int32Array(ctx.doc.tokens.length).fill(-1);
    (ctx as { stops?: Int32Array }).stops = next;
  }
  if (next[start] === -1 && start >= s.first) {
    let after = s.last;
    for (let k = s.last - 1; k >= s.first; k--) {
      if (isStop(ctx, s, k)) after = k;
      next[k] = after;
    }
  }
  return Math.min(next[start]!, last);
}

/** Whether content running through token `k` of sentence `s` ends before it (see contentEnd). */
function isStop(ctx: FindContext, s: Sentence, k: number): boolean {
  const toks = ctx.doc.tokens;
  if (ctx.marks.stretchOf[k] !== -1) return false;
  const t = toks[k]!;
  if (t.text === ';') return true;
  // 'asked if he could ask me a question: "I heard …"': a colon that opens a quotation ends the clause before it
  if (t.text === ':' && k > s.first && stretchAt(ctx, k + 1)?.open === k + 1) return true;
  if (isDash(t) && t.spaceBefore && (k + 1 >= s.last || isCapitalized(toks[k + 1]) && dashSpeakerEnd(ctx, k + 1, s.last) === s.last)) return true;
  if (t.text !== ',') return false;
  const next = k + 1;
  // ", a day after …", ", as …", ", when …": the writer's context, not the reported clause
  if (/^(as|when|while|after|before|since|amid)$/.test(lower(toks[next])) || (/^(a|hours|days|weeks)$/.test(lower(toks[next])) && /^(day|week|after)$/.test(lower(toks[next + 1])))) return true;
  const cue = toks[next] ? cueAt(ctx, next, s.last) : undefined;
  if (cue && (/ing$/.test(lower(toks[next])) || cue.kind === 'source-after')) return true;
  const np = nounPhraseStartingAt(toks, next, s.last);
  if (np) {
    const m = skipRightAdverbials(toks, np[1], s.last, ctx.lex);
    const c2 = toks[m] ? cueAt(ctx, m, s.last) : undefined;
    if (c2 && c2.kind !== 'object') {
      const rest = skipRightAdverbials(toks, c2.last, s.last, ctx.lex);
      if (rest >= s.last || toks[rest]!.kind === 'punctuation') return true;
    }
  }
  // ", but he assured Canadians that …": a coordinated clause with an attribution of its own
  if (/^(but|and|yet)$/.test(lower(toks[next]))) {
    // (", but added that …": the same subject's next attribution)
    const c5 = cueAt(ctx, next + 1, s.last);
    if (c5 && c5.kind !== 'object' && c5.first === next + 1 && !/ing$/.test(lower(toks[next + 1])) && isComplementizer(toks, c5.last)) return true;
    const np3 = nounPhraseStartingAt(toks, next + 1, s.last);
    const m = np3 ? skipRightAdverbials(toks, np3[1], s.last, ctx.lex) : -1;
    const c4 = m >= 0 && toks[m] ? cueAt(ctx, m, s.last) : undefined;
    if (c4 && c4.kind !== 'object' && c4.first === m) return true;
  }
  // ", said X." inverted trailing attribution
  const c3 = toks[next] ? cueAt(ctx, next, s.last) : undefined;
  if (c3 && nounPhraseStartingAt(toks, c3.last, s.last)) {
    const np2 = nounPhraseStartingAt(toks, c3.last, s.last)!;
    if (np2[1] >= s.last || toks[np2[1]]!.kind === 'punctuation') return true;
  }
  return false;
}

/**
 * A mixed quotation whose last quoted fragment is followed by the writer's own words
 * ("… 'clumsy attempts' to alter …", "… 'US president' regarding Monday's meeting")
 * ends with that fragment; not where the fragment is the predicate of an extraposed "it"
 * ("said it was "a mistake" to use private email": what was a mistake follows it).
 */
export function cutTail(ctx: FindContext, start: number, end: number): number {
  const toks = ctx.doc.tokens;
  let lastClose = -1;
  for (let k = start; k < end; k++) {
    const st = ctx.marks.stretchOf[k]!;
    if (st !== -1 && ctx.marks.stretches[st]!.close === k) lastClose = k;
  }
  if (lastClose < 0) return end;
  if (extraposed(ctx, start, lastClose)) return end;
  let m = lastClose + 1;
  while (m < end && toks[m]!.kind === 'punctuation' && toks[m]!.text !== ',') m++;
  if (m >= end) return end;
  const t = toks[m]!;
  const words = lastClose - (ctx.marks.stretches[ctx.marks.stretchOf[lastClose]!]!.first);
  if (words < 2) return end;
  if (!(PARTICIPLE_TAIL.has(lower(t)) || t.pos === 'ADP' || (t.pos === 'VERB' && /ing$/.test(t.text)))) return end;
  // a finite verb in the tail means the reported clause goes on ("the 'loose talk' about … skips over …")
  for (let k = m + 1; k < end; k++) {
    const x = toks[k]!;
    if (x.pos === 'AUX' || (x.pos === 'VERB' && !/ing$/.test(x.text) && lower(toks[k - 1]) !== 'to')) return end;
  }
  return lastClose + 1;
}

/** Forms of "be" after an extraposed "it" ("it was "a mistake" to …", "it is not "fair" that …"). */
const BE = /^(is|was|were|are|be|been|'s|’s)$/;

/**
 * Whether the clause at `start` is "it" + "be" (adverbs, "not" and modals among them) + one
 * quotation ending at `close` that is no verb phrase, followed by "to" + verb or "that": the
 * quotation says what the infinitive or clause after it is.
 */
function extraposed(ctx: FindContext, start: number, close: number): boolean {
  const toks = ctx.doc.tokens;
  let k = isComplementizer(toks, start) ? start + 1 : start;
  if (lower(toks[k]) !== 'it') return false;
  k++;
  let be = false;
  while (k < close && ctx.marks.stretchOf[k] === -1 && (toks[k]!.pos === 'AUX' || toks[k]!.pos === 'ADV' || toks[k]!.pos === 'PART')) {
    if (BE.test(lower(toks[k]))) be = true;
    k++;
  }
  const st = stretchAt(ctx, k);
  // ("it was "barring entry" to promote …": a verb phrase, not what the infinitive was)
  if (!be || !st || st.open !== k || st.close !== close || toks[st.first]?.pos === 'VERB' || toks[st.first]?.pos === 'AUX') return false;
  const after = toks[close + 1];
  return (lower(after) === 'to' && toks[close + 2]?.pos === 'VERB') || lower(after) === 'that';
}

/**
 * A reported clause owned by its sentence's subject ("His claim that the vote was rigged was
 * false", "The mayor's warning that prices would rise was ignored") is the subject of the
 * sentence, not all of what follows: it ends before the main predicate. `speaker` is the owner
 * and `cue` the noun of saying; the piece is cut only where the owner opens the clause (at `cs`)
 * and the noun follows it ("his warning", "Trump's false claim"). Else the piece as it is.
 */
export function ownedClause(ctx: FindContext, cs: number, speaker: readonly [number, number] | undefined, cue: number, p: Piece): Piece | undefined {
  const toks = ctx.doc.tokens;
  if (!speaker || speaker[0] !== cs || p.form !== 'indirect') return p;
  // the owner, then "'s", then adjectives ("Trump's false claim"), or a possessive pronoun ("his repeated warning")
  let m = cue;
  while (m > speaker[1] && (toks[m - 1]!.pos === 'ADJ' || toks[m - 1]!.pos === 'ADV')) m--;
  const possessive = speaker[1] === m - 1 && /^['\u2019]s$/.test(toks[m - 1]!.text);
  if (!possessive && !(speaker[1] === m && speaker[1] - speaker[0] === 1 && isPossessive(toks[speaker[0]]))) return p;
  const end = subjectClauseEnd(ctx, p.first, p.last);
  return end === p.last ? p : piece(ctx, p.first, end, true);
}

/**
 * Where a clause that is a sentence's subject ends: at the first finite verb after the
 * clause's own verb group that follows a verb, adverb or adjective of it ("the vote was rigged
 * | was false", "millions voted illegally | is false"); where a comma, a conjunction, a
 * subordinator or a relative comes first, a pronoun inside the clause's subject ("states he
 * won should …"), or a noun (a new subject may start there), at `end`.
 */
function subjectClauseEnd(ctx: FindContext, start: number, end: number): number {
  const toks = ctx.doc.tokens;
  let k = start;
  while (k < end && toks[k]!.pos !== 'VERB' && toks[k]!.pos !== 'AUX') {
    if (ctx.marks.stretchOf[k] !== -1 || toks[k]!.pos === 'CCONJ' || toks[k]!.pos === 'SCONJ' || toks[k]!.text === ',' || /^(who|which|that|whom|whose)$/.test(lower(toks[k])) || (k > start && toks[k]!.pos === 'PRON')) return end;
    k++;
  }
  // the clause's verb group: auxiliaries (with adverbs and "not" among them), then one main verb (or a copula before what it says)
  while (k < end && (toks[k]!.pos === 'AUX' || toks[k]!.pos === 'PART' || toks[k]!.pos === 'ADV')) k++;
  if (k < end && toks[k]!.pos === 'VERB') k++;
  for (let m = k; m < end; m++) {
    const t = toks[m]!;
    if (ctx.marks.stretchOf[m] !== -1 || t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.kind === 'punctuation' || t.pos === 'PRON' || t.pos === 'DET') return end;
    const prev = toks[m - 1]!.pos;
    const finite = t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(lower(t)) && lower(toks[m - 1]) !== 'to');
    if (finite) return prev === 'VERB' || prev === 'ADV' || prev === 'ADJ' ? m : end;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') return end;
  }
  return end;
}

/** Content pieces are trimmed of punctuation outside quotation marks and of "that"; the form follows from the marks. */
export function piece(ctx: FindContext, a0: number, b0: number, afterThat = false): Piece | undefined {
  const toks = ctx.doc.tokens;
  let a = a0;
  let b = b0;
  while (a < b && (toks[a]!.text === ',' || toks[a]!.text === ':' || (a === a0 && isComplementizer(toks, a)))) a++;
  while (b > a && /^[.,;:]$/.test(toks[b - 1]!.text) && ctx.marks.stretchOf[b - 1] === -1) b--;
  if (b <= a) return undefined;
  const sa = ctx.marks.stretchOf[a]!;
  const st = sa === -1 ? undefined : ctx.marks.stretches[sa];
  if (st && st.open === a && !afterThat && (st.close === b - 1 || (st.close < 0 && b >= st.last))) {
    let f = st.first;
    let l = st.last;
    while (l > f && /^[,;:]$/.test(toks[l - 1]!.text)) l--;
    while (f < l && /^[,;:]$/.test(toks[f]!.text)) f++;
    return l > f ? { first: f, last: l, form: 'direct' } : undefined;
  }
  let quoted = false;
  for (let k = a; k < b && !quoted; k++) if (ctx.marks.stretchOf[k] !== -1) quoted = true;
  if (b - a < 2 && !quoted) return undefined;
  return { first: a, last: b, form: quoted ? 'mixed' : 'indirect' };
}

/** After a dash: a short name phrase, perhaps with ", role", up to the end of the sentence; returns where it ends. */
export function dashSpeakerEnd(ctx: FindContext, k: number, hi: number): number {
  const toks = ctx.doc.tokens;
  const np = nounPhraseStartingAt(toks, k, hi);
  if (!np || np[1] - np[0] > 6) return -1;
  let m = np[1];
  if (toks[m]?.text === ',') {
    const role = nounPhraseStartingAt(toks, m + 1, hi);
    if (role) m = role[1];
    // "tea grower in Kiambu", "spokesman for the ministry"
    if (role && /^(in|at|of|from|for)$/.test(lower(toks[m])) && isCapitalized(toks[m + 1])) {
      const place = nounPhraseStartingAt(toks, m + 1, hi);
      if (place) m = place[1];
    }
  }
  while (m < hi && toks[m]!.kind === 'punctuation' && !isDash(toks[m])) m++;
  return m;
}
