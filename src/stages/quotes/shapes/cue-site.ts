import type { Sentence } from '../../../pipeline/doc.js';
import type { Token } from '../../../text/tokenize.js';
import { contentAfter } from '../after.js';
import { piece, stretchAt } from '../content.js';
import { cueAt } from '../cues.js';
import { BE, POLLED, POLLED_GROUPS, skipAdverbsOnly, subjectOf, validSpeaker } from '../grammar.js';
import { isCapitalized, isDash, isSubjectPronoun, lower, nounPhraseEndingAt, nounPhraseStartingAt, skipLeftAdverbials, skipRightAdverbials } from '../phrases.js';
import { isRoleAside, withHeadBefore } from '../speakers/head.js';
import type { Attribution, Cue, FindContext, Piece } from '../types.js';

// What the shapes read around one reporting cue: the speaker written before it, the content
// before and after it. Read once per cue (the inverted-colon, leading-cue and trailing-cue
// shapes share it) and never changed.

/** One cue of a sentence, as the cue shapes are given it. */
export interface CueScope {
  readonly ctx: FindContext;
  readonly s: Sentence;
  readonly si: number;
  /** Where the sentence's clause starts (past a dateline). */
  readonly cs: number;
  readonly cue: Cue;
  /** Where content before the cue may start: past the earlier attributions of the sentence. */
  readonly zoneStart: number;
  /** Said inside another attribution's content. */
  readonly nested: boolean;
  /** The speaker of the sentence's last attribution that was not nested, for a participle ("…, saying"). */
  readonly prior: readonly [number, number] | undefined;
}

/** The cue's surroundings: the speaker before it and the content on either side. */
export interface CueSite extends CueScope {
  /** The token before the cue, past adverbials. */
  readonly j: number;
  /** The speaker phrase written before the cue. */
  readonly left: [number, number] | undefined;
  /** "Smith, who said …, left": the content ends with the relative clause. */
  readonly relative: boolean;
  /** The token that ends content before the speaker, or -1. */
  readonly boundary: number;
  readonly participle: boolean;
  readonly after: ReturnType<typeof contentAfter>;
  readonly closesQuote: boolean;
  /** Where content before the cue starts. */
  readonly from: number;
  readonly before: Piece | undefined;
  readonly beforeSays: boolean;
}

/** Prepositions whose object an aside may rename ("officer of the hedge fund, Bridgewater Associates,"). */
const PREPOSITION = /^(of|for|at|in|with|from)$/;

const sites = new WeakMap<CueScope, CueSite | null>();

/** The cue's surroundings, read once per cue; undefined for a passive ("were told to leave"), which names no speaker. */
export function siteOf(scope: CueScope): CueSite | undefined {
  let site = sites.get(scope);
  if (site === undefined) {
    site = readSite(scope) ?? null;
    sites.set(scope, site);
  }
  return site ?? undefined;
}

/** A cue shape's `find` that reads the cue's surroundings; a passive names no speaker, so none of these shapes takes it. */
export function onSite(find: (site: CueSite) => Attribution | null | undefined): (scope: CueScope) => Attribution | null | undefined {
  return (scope) => {
    const site = siteOf(scope);
    return site ? find(site) : null;
  };
}

/** A one-word cue in the passive: "were told", "will be announced", "was criticised" (past adverbs before it). */
export function isPassiveCue(toks: readonly Token[], cue: Cue): boolean {
  return cue.last - cue.first === 1 && BE.has(lower(toks[skipAdverbsOnly(toks, cue.first - 1)])) && /(ed|told|written|said)$/.test(lower(toks[cue.first]));
}

function readSite(scope: CueScope): CueSite | undefined {
  const { ctx, s, cue, zoneStart, cs } = scope;
  const toks = ctx.doc.tokens;
  // a passive ("were told to leave", "will be announced") names no speaker
  if (isPassiveCue(toks, cue)) return undefined;
  // the speaker before the cue, past adverbs and a parenthetical ("Trump, following …, stated")
  const j = skipLeftAdverbials(toks, cue.first - 1, zoneStart);
  let left: [number, number] | undefined;
  let relative = false;
  // ("…in Tulsa, Oklahoma, arguing that …": a participle after a comma speaks for the clause's subject, not for an aside)
  const afterComma = /ing$/.test(lower(toks[cue.first])) && cue.last - cue.first === 1;
  if (afterComma && j >= zoneStart && toks[j]!.text === ',') {
    left = undefined;
  } else if (j >= zoneStart && toks[j]!.text === ',' && ctx.marks.stretchOf[j] === -1) {
    // '"…," Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said': the name after the quotation
    left = nameAfterQuotation(ctx, j, zoneStart);
    // up to three comma-enclosed asides: "Marley Anderson, 21, a junior from Las Vegas, said", read from before
    // a relative clause on the speaker ("Saffron Cordery, the deputy chief executive of NHS Providers, which
    // represents NHS hospitals, ambulance, community and mental health services, said")
    const rel = left ? -1 : relativeStart(ctx, j, zoneStart);
    let c = rel >= 0 ? rel : j;
    for (let n = 0; n < 3 && !left; n++) {
      const k = parentheticalStart(ctx, c, zoneStart);
      if (k <= zoneStart) break;
      // "a Russian-installed official in Kherson, Yevgeny Shchukarev-Lind, said": the name in the aside
      // ("Jim Eglinski, Yellowhead MP, said": an aside that is a role describes the name before it)
      const aside = n === 0 ? nounPhraseEndingAt(toks, c - 1, k + 1) : undefined;
      const np = nounPhraseEndingAt(toks, skipLeftAdverbials(toks, beforeParenthesis(toks, k - 1, zoneStart), zoneStart), zoneStart);
      // ("Raymond Dalio, co-chief investment officer of the world's largest hedge fund, Bridgewater Associates,
      // said": an aside after a preposition's object renames that object, and neither is the speaker)
      // (and only where that description is itself an aside on a name before it, not "a Russian-installed
      // official in Ukraine's Kherson region, Yevgeny Shchukarev-Lind, said")
      const renamesObject = np !== undefined && !isCapitalized(toks[np[1] - 1]) && (PREPOSITION.test(lower(toks[np[0] - 1])) || toks.slice(np[0] + 1, np[1]).some((t) => PREPOSITION.test(t.text))) && nameBeforeAside(ctx, k, zoneStart);
      if (aside && aside[0] === k + 1 && isCapitalized(toks[aside[0]]) && isCapitalized(toks[c - 1]) && validSpeaker(ctx, aside) && !renamesObject && !isRoleAside(ctx.lex, toks, aside[0], aside[1])) { left = aside; break; }
      if (renamesObject && n === 0) { c = k; continue; }
      // ("However, the NHS Confederation, which …, told": an opening adverb is no speaker)
      const opener = np !== undefined && np[1] - np[0] === 1 && toks[np[0]]!.pos === 'ADV';
      if (np && !opener && lower(toks[np[0]]) !== 'who' && validSpeaker(ctx, np) && (n === 0 || isCapitalized(toks[np[1] - 1]))) left = np;
      c = k;
    }
    // "However, the NHS Confederation, which represents …, told": the relative clause's antecedent
    if (!left && rel >= 0) {
      const np = nounPhraseEndingAt(toks, rel - 1, zoneStart);
      if (np && validSpeaker(ctx, np)) left = np;
    }
  } else if (j >= zoneStart && (isDash(toks[j]) || toks[j]!.text === ')') && ctx.marks.stretchOf[j] === -1) {
    // "Jason Sims — a teacher from Mount Pleasant — says", "Rep. Paul Ryan (R-WI) said"
    const open = toks[j]!.text === ')' ? '(' : toks[j]!.text;
    let k = j - 1;
    while (k > zoneStart && k > j - 30 && toks[k]!.text !== open) k--;
    if (k > zoneStart && toks[k]!.text === open) left = nounPhraseEndingAt(toks, k - 1, zoneStart);
  } else if (j > zoneStart && toks[j]!.pos === 'VERB' && lower(toks[j + 1]) === 'to' && j + 2 === cue.first) {
    // "Sanders continued to call for …", "Trump wants to describe …": the subject of the verb before "to"
    left = nounPhraseEndingAt(toks, skipLeftAdverbials(toks, j - 1, zoneStart), zoneStart);
  } else if (j >= zoneStart && (lower(toks[j]) === 'and' || lower(toks[j]) === 'but') && j > cs) {
    // "He's comparing … and says …": the subject of the first verb
    left = subjectOf(ctx, cs, j);
  } else if (j > zoneStart && toks[j]!.pos === 'VERB' && /ed$/.test(toks[j]!.text) && (POLLED.has(lower(toks[j])) || !ctx.lex.verbs.has(lower(toks[j])))) {
    // "A court document filed Thursday says", "A news report published Wednesday said", "those surveyed say"
    const np = POLLED.has(lower(toks[j])) && POLLED_GROUPS.has(lower(toks[j - 1])) ? [j - 1, j + 1] as [number, number] : nounPhraseEndingAt(toks, j - 1, zoneStart);
    if (np && validSpeaker(ctx, np)) left = np;
  } else if (j >= zoneStart) {
    left = nounPhraseEndingAt(toks, j, zoneStart);
    // "Two Palestinian sources close to the discussions told": the phrase's head comes before its modifier
    if (left && lower(toks[left[0]]) !== 'who' && !isSubjectPronoun(toks[left[0]])) left = withHeadBefore(toks, left, zoneStart, (np) => validSpeaker(ctx, np));
    // "the Security Council issued a statement calling …", "Trump never missed an opportunity to remind …":
    // a thing that is the object of a verb does not speak; the verb's subject does
    if (left) left = subjectOverObject(ctx, left, Math.min(cs, zoneStart)) ?? left;
    if (left && lower(toks[left[0]]) === 'who') {
      // "Smith, who said …, left": the antecedent before the comma, and the content ends with the relative clause;
      // "voters who said …": the antecedent just before
      const c = left[0] - 1;
      relative = toks[c]?.text === ',';
      left = relative ? nounPhraseEndingAt(toks, c - 1, zoneStart) : nounPhraseEndingAt(toks, c, zoneStart);
    }
  }
  // "…whether Scott had a gun, as police have said.": ", as" and an attribution that ends the sentence credit the clause before
  const asClause = left !== undefined && lower(toks[left[0] - 1]) === 'as' && toks[left[0] - 2]?.text === ',' && endsSentence(ctx, s, cue.last);
  const beforeSpeaker = left ? left[0] - (asClause ? 2 : 1) : j;
  let boundary = contentBoundary(ctx, beforeSpeaker, zoneStart);
  if (boundary < 0 && left) boundary = contentBoundary(ctx, modifiersBefore(ctx, left[0], zoneStart), zoneStart);
  const participle = /ing$/.test(lower(toks[cue.first]));
  const after = contentAfter(ctx, s, cue);
  const closesQuote = boundary >= 0 && (stretchAt(ctx, boundary)?.close === boundary || (toks[boundary]!.text === ',' && stretchAt(ctx, boundary - 1)?.close === boundary - 1));
  const opening = stretchAt(ctx, zoneStart);
  let from = opening && opening.open < zoneStart && !ctx.taken.has(opening) ? opening.open : zoneStart;
  // '… asked if he could ask me a question: "I heard …," he said': a quotation after a colon is the content, not its lead-in
  if (closesQuote) {
    const closed = stretchAt(ctx, boundary) ?? stretchAt(ctx, boundary - 1);
    if (closed && closed.open > from && toks[closed.open - 1]?.text === ':' && ctx.marks.stretchOf[closed.open - 1] === -1) from = closed.open;
  }
  const before = boundary >= 0 && !participle ? piece(ctx, from, boundary + 1) : undefined;
  const beforeSays = before !== undefined && saysSomething(ctx, before);
  return { ...scope, j, left, relative, boundary, participle, after, closesQuote, from, before, beforeSays };
}

/**
 * The subject of the verb whose object is `np`, where `np` is a thing (a lower-case noun that
 * names no person or group: "a statement", "a series of tweets", "particularly blunt
 * language") and a verb (past adverbs and a preposition: "said at a news conference") stands
 * right before it; undefined otherwise.
 */
function subjectOverObject(ctx: FindContext, np: readonly [number, number], lo: number): [number, number] | undefined {
  const toks = ctx.doc.tokens;
  const head = toks[np[1] - 1]!;
  const w = lower(head);
  const sing = w.replace(/s$/, '');
  const { personRoles, groupNouns } = ctx.lex;
  if (isCapitalized(head) || head.pos !== 'NOUN' || personRoles.has(w) || personRoles.has(sing) || groupNouns.has(w) || groupNouns.has(sing)) return undefined;
  let v = np[0] - 1;
  if (v > lo && /^(at|in|during|on)$/.test(lower(toks[v]))) v--;
  while (v > lo && toks[v]!.pos === 'ADV') v--;
  if (v <= lo || toks[v]!.pos !== 'VERB' || ctx.marks.stretchOf[v] !== -1) return undefined;
  const subject = nounPhraseEndingAt(toks, skipLeftAdverbials(toks, v - 1, lo), lo);
  return subject && lower(toks[subject[0]]) !== 'who' && validSpeaker(ctx, subject) ? subject : undefined;
}

/** Past a parenthesis that ends at `k` ("Rep. Jim Jordan (R-Ohio), an oversight panel member, said"): the token before its opening; `k` where there is none. */
function beforeParenthesis(toks: readonly Token[], k: number, lo: number): number {
  if (toks[k]?.text !== ')') return k;
  for (let m = k - 1; m > lo && m > k - 12; m--) {
    if (toks[m]!.text === '(') return m - 1;
    if (toks[m]!.text === ')') break;
  }
  return k;
}

/** Whether the aside that ends with the comma at `k` follows a name and its comma: "Raymond Dalio, [co-chief …]". */
function nameBeforeAside(ctx: FindContext, k: number, lo: number): boolean {
  const toks = ctx.doc.tokens;
  const start = parentheticalStart(ctx, k, lo);
  if (start <= lo) return false;
  const np = nounPhraseEndingAt(toks, start - 1, lo);
  return np !== undefined && isCapitalized(toks[np[1] - 1]) && toks[np[1] - 1]!.pos !== 'ADV' && validSpeaker(ctx, np);
}

/**
 * A capitalised name right after a closing quotation mark (and its comma) and followed by
 * a comma, where only asides stand between it and the cue's comma at `j`.
 */
function nameAfterQuotation(ctx: FindContext, j: number, lo: number): [number, number] | undefined {
  const toks = ctx.doc.tokens;
  let k = j - 1;
  while (k >= lo && j - k < 40 && ctx.marks.stretchOf[k] === -1 && toks[k]!.text !== '.' && toks[k]!.text !== ';' && !cueAt(ctx, k, j)) k--;
  const st = stretchAt(ctx, k);
  if (!st || st.close !== k) return undefined;
  const first = toks[k + 1]?.text === ',' ? k + 2 : k + 1;
  const np = nounPhraseStartingAt(toks, first, j);
  if (!np || np[1] >= j || toks[np[1]]!.text !== ',' || !isCapitalized(toks[np[1] - 1]) || !validSpeaker(ctx, np)) return undefined;
  return np;
}

/**
 * The token before a few words that stand in front of a speaker's name and were not read
 * into it ("Texas-based Matt Mackowiak", "columnist Ai Jun" with "Ai" tagged a verb):
 * words, numbers and tight hyphens only, at most four tokens.
 */
function modifiersBefore(ctx: FindContext, first: number, lo: number): number {
  const toks = ctx.doc.tokens;
  let k = first - 1;
  while (k > lo && first - k <= 4) {
    const t = toks[k]!;
    const tight = t.text === '-' && !t.spaceBefore && !toks[k + 1]!.spaceBefore;
    if (!tight && (t.kind !== 'word' || ctx.marks.stretchOf[k] !== -1 || cueAt(ctx, k, first) || (t.pos === 'VERB' && toks[k - 1]?.text !== '-') || t.pos === 'ADP' || t.pos === 'SCONJ' || t.pos === 'CCONJ' || t.pos === 'PRON')) break;
    k--;
  }
  return k;
}

/**
 * The token that ends content before a speaker (a comma, a closing mark, a dash), or -1
 * when nothing of the sentence stands before the attribution.
 */
function contentBoundary(ctx: FindContext, k: number, zoneStart: number): number {
  const toks = ctx.doc.tokens;
  if (k <= zoneStart) return -1;
  const t = toks[k]!;
  const st = stretchAt(ctx, k);
  if (st && st.close === k) return k;
  if (t.text === ',' || isDash(t) || t.text === '?' || t.text === '!') return ctx.marks.stretchOf[k] === -1 || st?.close === k ? k : -1;
  return -1;
}

/**
 * The comma that opens a relative clause (", which …", ", who …") ending with the comma at
 * `j`, within one clause of at most 40 tokens and outside quotation marks; else -1.
 */
function relativeStart(ctx: FindContext, j: number, lo: number): number {
  const toks = ctx.doc.tokens;
  for (let k = j - 2; k > lo && k > j - 40; k--) {
    const t = toks[k]!;
    if (ctx.marks.stretchOf[k] !== -1 || t.text === '.' || t.text === ';' || t.text === ':' || isDash(t)) return -1;
    if (t.text === ',' && /^(which|who|whose)$/.test(lower(toks[k + 1]))) return k;
  }
  return -1;
}

/** Start of a parenthetical that ends with the comma at `j` (", following Monday's conversation with Putin,"), or -1. */
function parentheticalStart(ctx: FindContext, j: number, lo: number): number {
  const toks = ctx.doc.tokens;
  for (let k = j - 1; k >= lo && k > j - 16; k--) {
    if (ctx.marks.stretchOf[k] !== -1) return -1;
    const t = toks[k]!;
    if (t.text === ',') return k;
    if ((t.text === '.' && !abbreviationPeriod(toks, k)) || t.text === ';' || t.text === ':' || cueAt(ctx, k, j)) return -1;
  }
  return -1;
}

/** A period that ends an abbreviation inside a phrase: "Mitch McConnell, R-Ky., said" (a comma follows it, so no sentence ends there). */
function abbreviationPeriod(toks: readonly Token[], k: number): boolean {
  return toks[k]?.text === '.' && !toks[k]!.spaceBefore && toks[k - 1]?.kind === 'word' && toks[k + 1]?.text === ',';
}

/** Whether only adverbials ("on Monday") and punctuation follow the cue's last token `k` in its sentence. */
function endsSentence(ctx: FindContext, s: Sentence, k: number): boolean {
  const toks = ctx.doc.tokens;
  for (let m = skipRightAdverbials(toks, k, s.last, ctx.lex); m < s.last; m++) if (toks[m]!.kind !== 'punctuation' || ctx.marks.stretchOf[m] !== -1) return false;
  return true;
}

/** Content before an attribution must be a clause or a quotation, not an opening phrase ("In 2012, he said …"). */
function saysSomething(ctx: FindContext, p: Piece): boolean {
  if (p.form === 'direct') return true;
  const toks = ctx.doc.tokens;
  for (let k = p.first; k < p.last; k++) {
    const t = toks[k]!;
    // ("Acts of protest, Mr. Obama said, are …": an opening plural before "of" the tagger read as a verb is a noun)
    if (k === p.first && t.pos === 'VERB' && /s$/.test(t.text) && lower(toks[k + 1]) === 'of') continue;
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.text) && lower(toks[k - 1]) !== 'to')) return true;
    // "the campaign plans to make …": a verb the tagger read as a plural noun, before "to" and a verb
    if (t.pos === 'NOUN' && /s$/.test(t.text) && k > p.first && lower(toks[k + 1]) === 'to' && toks[k + 2]?.pos === 'VERB') return true;
  }
  return false;
}
