import type { Sentence } from '../../pipeline/doc.js';
import type { Token } from '../../text/tokenize.js';
import { contentEnd, cutTail, dashSpeakerEnd, piece, stretchAt } from './content.js';
import { addresseeAt, cueAt } from './cues.js';
import {
  NOT_SPEAKERS, POLLED, POLLED_GROUPS, clauseStarts, isComplementizer, predicateStarts, skipAdverbsOnly, subjectOf, validSpeaker, BE,
} from './grammar.js';
import { headlineColon } from './headlines.js';
import type { Stretch } from './marks.js';
import { characterizations, nounCues } from './nouns.js';
import { unattributedQuestion } from './questions.js';
import {
  afterDateline, isCapitalized, isDash, isMark, isSubjectPronoun, lower, nounPhraseEndingAt, nounPhraseStartingAt,
  skipLeftAdverbials, skipRightAdverbials,
} from './phrases.js';
import type { Attribution, Cue, FindContext, Piece } from './types.js';

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'it', 'you']);
const CLAUSE_LINKS = new Set(['if', 'whether', 'how', 'why', 'what', 'when', 'where', 'who']);
/** Cues whose object is not what was said ("added five points", "continued to rise"). */
const NO_OBJECT = new Set(['add', 'agree', 'disagree', 'write', 'tweet', 'speak', 'read', 'continue', 'post', 'charge', 'object', 'question', 'answer', 'reason', 'point', 'brief', 'counter', 'maintain', 'signal', 'brand', 'remark', 'hint', 'muse', 'cry', 'order', 'instruct', 'echo', 'quote', 'welcome', 'head', 'go on', 'follow up', 'put', 'lay out', 'sum up', 'respond', 'reply']);
/** Object cues that report speech only when they quote ("cited sources" is not speech, "cited his 'foolish decision'" is). */
const QUOTE_ONLY = new Set(['cite', 'call', 'dub', 'label', 'brand', 'term', 'quote', 'echo', 'welcome', 'hail']);
const OBJECT_PREPOSITIONS = new Set(['on', 'about', 'of', 'for', 'against', 'to']);

const NAMING_CUES = new Set(['call', 'dub', 'label', 'brand', 'term']);

/** The attributions of one sentence, in the order of their cues. */
export function findAttributions(ctx: FindContext, si: number): Attribution[] {
  const { doc, lex } = ctx;
  const s = doc.sentences[si]!;
  const toks = doc.tokens;
  const cs = afterDateline(toks, s.first, s.last, lex);
  const out: Attribution[] = [];
  // (a headline such as "NY Post: …" reads like a dateline: try it from the sentence's start too)
  const headline = headlineColon(ctx, s, cs, si) ?? (cs !== s.first ? headlineColon(ctx, s, s.first, si) : undefined);
  if (headline) return [headline];
  let zoneEnd = cs;
  for (let i = cs; i < s.last; i++) {
    if (ctx.marks.stretchOf[i] !== -1) continue;
    const cue = cueAt(ctx, i, s.last);
    if (!cue) continue;
    const nested = out.some((a) => a.pieces.some((p) => cue.first >= p.first && cue.first < p.last));
    const prior = out.filter((a) => !a.nested).pop();
    let att = unattributedQuestion(ctx, s, si, cs, cue, nested) ?? analyse(ctx, s, si, cs, cue, nested ? cs : zoneEnd, nested, prior?.speaker);
    // "beamed", "boomed": a cue only where it introduces a quotation
    if (att && cue.kind === 'manner' && !att.pieces.every((p) => p.form === 'direct')) att = undefined;
    if (att) {
      out.push(att);
      if (!nested) zoneEnd = Math.max(zoneEnd, cue.last, att.speaker?.[1] ?? 0);
      i = cue.last - 1;
    }
  }
  for (const att of dashAttributions(ctx, s, si, cs)) out.push(att);
  for (const att of colonQuotations(ctx, s, si, cs, out)) out.push(att);
  for (const att of characterizations(ctx, s, si, cs, out)) out.push(att);
  for (const att of nounCues(ctx, s, si, cs, out)) out.push(att);
  return out;
}

/**
 * 'Kasich resisted: "Ohio governors do not have the power …"', 'Republican pollster Daron
 * Shaw: "Historically, …"': a quotation of three words or more opened right after a colon
 * that no cue took is the words of the name before the colon, else of the sentence's subject.
 */
function colonQuotations(ctx: FindContext, s: Sentence, si: number, cs: number, found: readonly Attribution[]): Attribution[] {
  const toks = ctx.doc.tokens;
  const out: Attribution[] = [];
  for (let k = cs + 1; k < s.last - 1; k++) {
    if (toks[k]!.text !== ':' || ctx.marks.stretchOf[k] !== -1) continue;
    const st = stretchAt(ctx, k + 1);
    if (!st || st.open !== k + 1 || st.used || st.last - st.first < 3) continue;
    if (found.some((a) => a.pieces.some((p) => p.last > st.first && p.first <= st.open) || (a.cue.first < k && a.cue.last >= k))) continue;
    const named = nounPhraseEndingAt(toks, k - 1, cs);
    let speaker: [number, number] | undefined;
    if (named && isCapitalized(toks[k - 1]) && validSpeaker(ctx, named)) speaker = named;
    else {
      const subj = subjectOf(ctx, cs, k);
      // the subject must be followed by its verb before the colon: "Kasich resisted:", "Romney, the 2012 nominee, tweeted:"
      let v = subj ? subj[1] : k;
      if (toks[v]?.text === ',') {
        let m = v + 1;
        while (m < k && m < v + 14 && toks[m]!.text !== ',' && ctx.marks.stretchOf[m] === -1) m++;
        if (toks[m]?.text === ',' && m < k) v = m + 1;
      }
      if (subj && v < k && (toks[v]!.pos === 'VERB' || toks[v]!.pos === 'AUX' || toks[v]!.pos === 'ADV')) speaker = subj;
    }
    if (!speaker) continue;
    const p = piece(ctx, st.open, st.close >= 0 ? st.close + 1 : st.last);
    if (p) out.push({ pieces: [p], cue: { first: k, last: k + 1, lemma: ':', kind: 'clause' }, speaker, nested: false, sentence: si });
    k = st.close >= 0 ? st.close : st.last;
  }
  return out;
}

function analyse(ctx: FindContext, s: Sentence, si: number, cs: number, cue: Cue, zoneStart: number, nested: boolean, prior?: readonly [number, number]): Attribution | undefined {
  const toks = ctx.doc.tokens;
  if (cue.kind === 'source-after') return accordingTo(ctx, s, si, cs, cue, zoneStart, nested);
  // a passive ("were told to leave", "will be announced") names no speaker
  if (cue.last - cue.first === 1 && BE.has(lower(toks[skipAdverbsOnly(toks, cue.first - 1)])) && /(ed|told|written|said)$/.test(lower(toks[cue.first]))) return undefined;
  // the speaker before the cue, past adverbs and a parenthetical ("Trump, following …, stated")
  const j = skipLeftAdverbials(toks, cue.first - 1, zoneStart);
  let left: [number, number] | undefined;
  let relative = false;
  if (j >= zoneStart && toks[j]!.text === ',' && ctx.marks.stretchOf[j] === -1) {
    // '"…," Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said': the name after the quotation
    left = nameAfterQuotation(ctx, j, zoneStart);
    // up to three comma-enclosed asides: "Marley Anderson, 21, a junior from Las Vegas, said"
    let c = j;
    for (let n = 0; n < 3 && !left; n++) {
      const k = parentheticalStart(ctx, c, zoneStart);
      if (k <= zoneStart) break;
      // "a Russian-installed official in Kherson, Yevgeny Shchukarev-Lind, said": the name in the aside
      const aside = n === 0 ? nounPhraseEndingAt(toks, c - 1, k + 1) : undefined;
      if (aside && aside[0] === k + 1 && isCapitalized(toks[aside[0]]) && isCapitalized(toks[c - 1]) && validSpeaker(ctx, aside)) { left = aside; break; }
      const np = nounPhraseEndingAt(toks, skipLeftAdverbials(toks, k - 1, zoneStart), zoneStart);
      if (np && lower(toks[np[0]]) !== 'who' && validSpeaker(ctx, np) && (n === 0 || isCapitalized(toks[np[1] - 1]))) left = np;
      c = k;
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
    if (left && lower(toks[left[0]]) === 'who') {
      // "Smith, who said …, left": the antecedent before the comma, and the content ends with the relative clause;
      // "voters who said …": the antecedent just before
      const c = left[0] - 1;
      relative = toks[c]?.text === ',';
      left = relative ? nounPhraseEndingAt(toks, c - 1, zoneStart) : nounPhraseEndingAt(toks, c, zoneStart);
    }
  }
  if (!left && cue.first === cs) {
    // "Stated Stone:", "Said the minister: "…""
    const np = nounPhraseStartingAt(toks, cue.last, s.last);
    if (np && toks[np[1]]?.text === ':' && validSpeaker(ctx, np)) {
      const colon = { ...cue };
      const got = np[1] + 1 >= s.last ? nextParagraphQuote(ctx, s, colon) : undefined;
      const p = got?.piece ?? piece(ctx, np[1] + 1, contentEnd(ctx, s, np[1] + 1));
      return p ? { pieces: [p], cue, speaker: np, nested, sentence: si } : undefined;
    }
  }
  const beforeSpeaker = left ? left[0] - 1 : j;
  let boundary = contentBoundary(ctx, beforeSpeaker, zoneStart);
  if (boundary < 0 && left) boundary = contentBoundary(ctx, modifiersBefore(ctx, left[0], zoneStart), zoneStart);
  const participle = /ing$/.test(lower(toks[cue.first]));
  const after = contentAfter(ctx, s, cue);
  const closesQuote = boundary >= 0 && (stretchAt(ctx, boundary)?.close === boundary || (toks[boundary]!.text === ',' && stretchAt(ctx, boundary - 1)?.close === boundary - 1));
  const opening = stretchAt(ctx, zoneStart);
  const from = opening && opening.open < zoneStart && !opening.used ? opening.open : zoneStart;
  const before = boundary >= 0 && !participle ? piece(ctx, from, boundary + 1) : undefined;
  const beforeSays = before !== undefined && saysSomething(ctx, before);
  if (after && (nested || participle || !beforeSays || (after.explicit && !after.weak) || (!closesQuote && !after.weak))) {
    let speaker = left;
    if (!speaker && participle && prior) speaker = [prior[0], prior[1]];
    if (!speaker && (participle || (j >= zoneStart && toks[j]!.text === ','))) speaker = subjectOf(ctx, cs, cue.first);
    if (!speaker || !validSpeaker(ctx, speaker)) return undefined;
    let p: Piece | undefined = after.piece;
    if (relative) {
      let m = p.first;
      while (m < p.last && !(toks[m]!.text === ',' && ctx.marks.stretchOf[m] === -1)) m++;
      p = piece(ctx, p.first, m);
    }
    if (!p) return undefined;
    // "If British Columbia went alone, Mr. Finlayson argued, they would lose markets": the clause around the attribution
    const sandwiched = before !== undefined && before.form === 'indirect' && left !== undefined && toks[boundary]?.text === ',' && (toks[p.first - 1]?.text === ',' || (lower(toks[p.first - 1]) === 'that' && toks[p.first - 2]?.text === ',')) && !relative;
    // '"I have put forth a vision," Mr. Bush said, "because …"': both halves of a split quotation
    const split = before !== undefined && before.form === 'direct' && closesQuote && p.form === 'direct' && !nested && !participle;
    return { pieces: sandwiched ? [lastClauseOf(ctx, before), p] : split ? [before, p] : [p], cue: after.cue, speaker, nested, sentence: si };
  }
  if (boundary < 0 || participle) return undefined;
  // content before the attribution: "…," X said / "…," said X
  let speaker = left;
  let k = cue.last;
  if (!speaker) {
    const np = nounPhraseStartingAt(toks, skipRightAdverbials(toks, cue.last, s.last, ctx.lex), s.last);
    if (!np) return undefined;
    speaker = np;
    k = np[1];
  }
  if (cue.kind === 'object' || !validSpeaker(ctx, speaker)) return undefined;
  let cueUsed = cue;
  if (left && (cue.kind === 'addressee')) {
    const by = addresseeAt(ctx, cue.last, s.last, false);
    if (by > 0) { cueUsed = { ...cue, last: by }; k = by; }
  }
  // "Trump, Sexton said, has created …": a one-word subject before the attribution, its predicate after it
  if (!before && boundary === from + 1 && nounish1(toks[from]) && left && toks[k]?.text === ',' && predicateStarts(ctx, k + 1, s.last)) {
    const rest = piece(ctx, k + 1, contentEnd(ctx, s, k + 1));
    return rest ? { pieces: [{ first: from, last: from + 1, form: 'indirect' }, rest], cue, speaker, nested, sentence: si } : undefined;
  }
  // (a quotation of several sentences whose last one carries the attribution starts where it opens)
  if (!before) return undefined;
  if (!beforeSays) {
    // "In the three years since …, Barden says, far too many lives have been lost": the clause goes on after the attribution
    const m = skipRightAdverbials(toks, k, s.last, ctx.lex);
    // "Many of the closures, he said, have involved …": the subject before, its predicate after
    // ("In the early 1990s, Ms. Ripert said, when she was earning $24,000, a boss invited her …")
    if (toks[m]?.text !== ',' || !(clauseStarts(ctx, m + 1, s.last) || predicateStarts(ctx, m + 1, s.last) || (OPENING_LINKS.has(lower(toks[m + 1])) && clauseAfterOpening(ctx, m + 1, s.last)))) return undefined;
    const rest = piece(ctx, m + 1, contentEnd(ctx, s, m + 1));
    return rest ? { pieces: [before, rest], cue, speaker, nested, sentence: si } : undefined;
  }
  const pieces = [before];
  // a split quotation: "…," he said, "…" / "…," he wrote, but "…"
  k = skipRightAdverbials(toks, k, s.last, ctx.lex);
  if (!left && toks[k]?.text === ',' && (['DET', 'NOUN', 'ADJ', 'PROPN'].includes(toks[k + 1]?.pos ?? '') || lower(toks[k + 1]) === 'who') && !isMark(toks[k + 1])) {
    // an appositive after an inverted speaker: "said John Smith, a spokesman for …,"
    let m = k + 1;
    while (m < s.last && toks[m]!.text !== ',' && ctx.marks.stretchOf[m] === -1) m++;
    k = m;
  }
  if (toks[k]?.text === ',' || toks[k]?.text === ':') {
    let m = k + 1;
    if (toks[m]?.pos === 'CCONJ' || lower(toks[m]) === 'but') m++;
    const st = stretchAt(ctx, m);
    if (st && st.open === m) {
      const p = piece(ctx, m, st.close >= 0 ? st.close + 1 : st.last);
      if (p) pieces.push(p);
    } else if ((m > k + 1 || (before.form === 'indirect' && (clauseStarts(ctx, m, s.last) || (toks[m]?.pos === 'ADP' && !/^(as|after|before|since|while|because)$/.test(lower(toks[m]))) || /^(especially|particularly|mostly|largely|mainly|partly)$/.test(lower(toks[m]))))) && m < s.last && !cueAt(ctx, m, s.last)) {
      // ("The argument would be aided, Devine said, by the upcoming primary calendar": the clause's own phrase goes on)
      // "…," he wrote, but "…" / "If the demands are not met, Mr. Taylor warned, supporters plan to leave"
      const p = piece(ctx, m, contentEnd(ctx, s, m));
      if (p) pieces.push(p);
    } else if (before.form === 'direct') {
      // '"…," Tester said, referring to the excuse, "…"', '"…," Trump said during a rally in Kenansville, N.C., "but …"'
      const resumed = resumedQuotation(ctx, m, s.last);
      if (resumed) pieces.push(resumed);
    }
  }
  return { pieces, cue: cueUsed, speaker, nested, sentence: si };
}

/**
 * The last clause of content written before an attribution: "China had resisted such
 * agreements, but [the air pollution had become so bad], Mr. Obama noted, that …".
 */
function lastClauseOf(ctx: FindContext, p: Piece): Piece {
  const toks = ctx.doc.tokens;
  for (let m = p.last - 2; m > p.first; m--) {
    if (ctx.marks.stretchOf[m] !== -1) break;
    if (toks[m]!.text === ',' && /^(but|and|yet|so)$/.test(lower(toks[m + 1])) && clauseStarts(ctx, m + 2, p.last)) return { ...p, first: m + 2 };
  }
  return p;
}

/**
 * A quotation that resumes after an aside following the attribution: the first stretch
 * opened right after a comma within a few words, with no cue or other quotation between.
 */
function resumedQuotation(ctx: FindContext, k: number, hi: number): Piece | undefined {
  const toks = ctx.doc.tokens;
  for (let m = k; m < hi && m < k + 25; m++) {
    const st = stretchAt(ctx, m);
    if (st) {
      if (st.open !== m || toks[m - 1]?.text !== ',' || st.used) return undefined;
      return piece(ctx, m, st.close >= 0 ? st.close + 1 : st.last);
    }
    const t = toks[m]!;
    if (t.text === ';' || t.text === ':' || (t.text === '.' && t.kind === 'punctuation') || (m > k && cueAt(ctx, m, hi) && !/ing$/.test(lower(t)))) return undefined;
  }
  return undefined;
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

/** A one-word subject: a name, a noun or a pronoun. */
function nounish1(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'PROPN' || t.pos === 'NOUN' || (t.pos === 'PRON' && isSubjectPronoun(t)));
}

/** Whether a word opens an apposition of a person or body ("president of …", "a spokesman …"). */
function lex(ctx: FindContext, t: Token): boolean {
  const w = lower(t);
  return ctx.lex.personRoles.has(w) || ctx.lex.groupNouns.has(w) || /^(a|an|the|its|his|her|their)$/.test(w) || t.pos === 'ADJ';
}

/** "according to X, …" and "…, according to X". */
function accordingTo(ctx: FindContext, s: Sentence, si: number, cs: number, cue: Cue, zoneStart: number, nested: boolean): Attribution | undefined {
  const toks = ctx.doc.tokens;
  let np = nounPhraseStartingAt(toks, cue.last, s.last);
  // "according to exit polls": a first word tagged as a verb in a compound noun
  if (!np && toks[cue.last]?.pos === 'VERB' && !/(ing|ed)$/.test(lower(toks[cue.last]))) {
    const rest = nounPhraseStartingAt(toks, cue.last + 1, s.last);
    if (rest && toks[rest[0]]!.pos === 'NOUN') np = [cue.last, rest[1]];
  }
  // "according to sources", "according to state corporate records", "according to him": after "to" the tagger
  // reads verbs; the source is the words up to the clause's punctuation
  if (!np || !validSpeaker(ctx, np)) np = sourceWords(ctx, cue.last, s.last);
  if (!np) return undefined;
  const prev = toks[cue.first - 1];
  if (cue.first === zoneStart || cue.first === cs) {
    let k = pastApposition(ctx, s, np[1]);
    while (k < s.last && toks[k]!.text !== ',' && k - np[1] < 12) k++;
    if (toks[k]?.text !== ',') return undefined;
    const p = piece(ctx, k + 1, contentEnd(ctx, s, k + 1));
    return p ? { pieces: [p], cue, speaker: np, nested, sentence: si } : undefined;
  }
  if (prev?.text === ',' || isDash(prev)) {
    // "…, according to X" stands for the whole clause before it, other cues in it included
    const p = piece(ctx, nested ? zoneStart : cs, cue.first - 1);
    if (!p) return undefined;
    // "G4S receives, according to one report, $234 million …": the clause goes on after it
    const k = pastApposition(ctx, s, np[1]);
    const next = toks[k + 1];
    if (prev?.text === ',' && p.form !== 'direct' && toks[k]?.text === ',' && next && !/^(who|which|where|when|whose|as|and|but)$/.test(lower(next)) && !isMark(next) && !cueAt(ctx, k + 1, s.last)) {
      const rest = piece(ctx, k + 1, contentEnd(ctx, s, k + 1));
      if (rest) return { pieces: [p, rest], cue, speaker: np, nested, sentence: si };
    }
    return { pieces: [p], cue, speaker: np, nested, sentence: si };
  }
  return undefined;
}

/** The words of a source after "according to", up to punctuation: at most twelve, ending in a noun-like word. */
function sourceWords(ctx: FindContext, k: number, hi: number): [number, number] | undefined {
  const toks = ctx.doc.tokens;
  let m = k;
  while (m < hi && m - k < 12) {
    const t = toks[m]!;
    if (isMark(t)) {
      // a title in quotation marks: the "Medicare for all" document
      const st = stretchAt(ctx, m);
      if (!st || st.open !== m || st.close < 0) break;
      m = st.close + 1;
      continue;
    }
    if (t.kind === 'punctuation' && t.text !== '-' && t.text !== '&') break;
    if (t.pos === 'CCONJ' || t.pos === 'SCONJ' || (m > k && isSubjectPronoun(t)) || /^(who|which|that|than)$/.test(lower(t))) break;
    m++;
  }
  if (m === k) return undefined;
  const last = toks[m - 1]!;
  if (last.pos === 'ADP' || last.pos === 'DET' || last.kind === 'punctuation') return undefined;
  const w = lower(last).replace(/s$/, '');
  if (NOT_SPEAKERS.has(w) || NOT_SPEAKERS.has(lower(last))) return undefined;
  return [k, m];
}

/** After a source's name: past ", president of the Rice Exporters Association," to the comma that ends it, else `k`. */
function pastApposition(ctx: FindContext, s: Sentence, k: number): number {
  const toks = ctx.doc.tokens;
  if (toks[k]?.text !== ',') return k;
  let m = k + 1;
  while (m < s.last && m < k + 14 && toks[m]!.text !== ',' && toks[m]!.pos !== 'VERB' && toks[m]!.pos !== 'AUX') m++;
  return toks[m]?.text === ',' && m > k + 1 && lex(ctx, toks[k + 1]!) ? m : k;
}

/**
 * The content after a cue: "said (that) …", "said: "…"", "told reporters …", "said,
 * "…"". `explicit` when a mark, colon or "that" opens it.
 */
function contentAfter(ctx: FindContext, s: Sentence, cue: Cue): { piece: Piece; cue: Cue; explicit: boolean; weak?: boolean } | undefined {
  const toks = ctx.doc.tokens;
  const lex = ctx.lex;
  let c = cue;
  let k = cue.last;
  if (cue.kind === 'addressee' || cue.lemma === 'say' || cue.lemma === 'write') {
    const by = addresseeAt(ctx, cue.lemma === 'say' || cue.lemma === 'write' ? k + 1 : k, s.last, cue.lemma === 'say' || cue.lemma === 'write');
    if (by > 0) {
      c = { ...cue, last: by };
      k = by;
    } else if (cue.kind === 'addressee') {
      const t = toks[k];
      if (t && OBJECT_PRONOUNS.has(lower(t))) k++;
      else if (!isComplementizer(toks, k)) {
        const np = nounPhraseStartingAt(toks, k, s.last);
        if (np && !isSubjectPronoun(toks[k])) k = np[1];
        // "urged residents near the rivers to move": the hearer's phrase runs on to "to" + verb
        for (let m = k; m < s.last && m < k + 10; m++) {
          const x = toks[m]!;
          if (lower(x) === 'to' && toks[m + 1]?.pos === 'VERB') { k = m; break; }
          if (x.kind === 'punctuation' || x.pos === 'VERB' || x.pos === 'AUX' || ctx.marks.stretchOf[m] !== -1) break;
        }
      }
    }
  }
  k = skipRightAdverbials(toks, k, s.last, lex);
  k = thatAhead(ctx, k, s.last);
  const t = toks[k];
  if (!t || k >= s.last) return undefined;
  let start = -1;
  let explicit = true;
  let that = false;
  let weak = false;
  if (t.text === ':' && k + 1 >= s.last) return nextParagraphQuote(ctx, s, c);
  if (t.text === ':') start = k + 1;
  else if (isComplementizer(toks, k)) { start = k + 1; that = true; }
  // "… had become so bad, Mr. Obama noted, that the most-visited page …"
  else if (t.text === ',' && isComplementizer(toks, k + 1) && cue.kind === 'clause') { start = k + 2; that = true; }
  // "said that was a mistake": "that" is the reported clause's own subject
  else if (lower(t) === 'that' && cue.kind === 'clause' && (toks[k + 1]?.pos === 'AUX' || toks[k + 1]?.pos === 'VERB') && ctx.marks.stretchOf[k] === -1) { start = k; explicit = false; }
  else if (t.text === ',' && stretchAt(ctx, k + 1)?.open === k + 1) start = k + 1;
  else if (stretchAt(ctx, k)?.open === k) start = k;
  else if (cue.kind === 'object') {
    // "called for talks", "called on Congress to act": the preposition is the cue's
    if (k === c.last && /^(for|on|upon)$/.test(lower(t)) && k + 1 < s.last) { c = { ...c, last: k + 1 }; start = k + 1; }
    else start = k;
    explicit = false;
  }
  else if (cue.kind === 'addressee' && lower(t) === 'to' && toks[k + 1]?.pos === 'VERB') { start = k > c.last ? c.last : k; explicit = false; }
  else if (COMMISSIVES.has(cue.lemma) && lower(t) === 'to' && (toks[k + 1]?.pos === 'VERB' || (toks[k + 1]?.pos === 'ADV' && toks[k + 2]?.pos === 'VERB'))) { start = k; explicit = false; }
  else if (CLAUSE_LINKS.has(lower(t)) && (cue.lemma === 'ask' || cue.lemma === 'wonder' || cue.lemma === 'question' || ((cue.lemma === 'tell' || cue.lemma === 'explain') && lower(t) !== 'who' && lower(t) !== 'when' && lower(t) !== 'where'))) start = k;
  else if (lower(t) === 'if' && cue.kind === 'clause' && clauseStarts(ctx, k + 1, s.last)) { start = k; explicit = false; }
  // "said if elected president he could …", "says if elected "I will …"": a condition without a subject, then the clause
  else if (lower(t) === 'if' && cue.kind === 'clause' && toks[k + 1]?.pos === 'VERB' && /ed$/.test(lower(toks[k + 1])) && conditionThenClause(ctx, k + 2, s.last)) { start = k; explicit = false; }
  else if (OPENING_LINKS.has(lower(t)) && cue.kind === 'clause' && clauseAfterOpening(ctx, k, s.last)) { start = k; explicit = false; }
  else if ((cue.lemma === 'warn' || cue.lemma === 'caution') && /^(of|about|against)$/.test(lower(t)) && nounPhraseStartingAt(toks, k + 1, s.last)) { start = k + 1; explicit = false; }
  else if (/^(yes|no|so)\.?$/.test(lower(t)) && (k + 1 >= s.last || toks[k + 1]!.kind === 'punctuation') && cue.lemma === 'say') {
    // "75 percent of Democrats said yes"
    return { piece: { first: k, last: k + 1, form: 'indirect' }, cue: c, explicit: true };
  }
  // ", said an American official who was briefed …": after a comma the phrase after the cue is its speaker
  else if (k === cue.last && toks[cue.first - 1]?.text === ',' && !/ing$/.test(lower(toks[cue.first])) && invertedSpeakerAt(ctx, k, s.last)) return undefined;
  else if (cue.lemma !== 'write' && clauseStarts(ctx, k, s.last)) { start = k; explicit = false; }
  // "reported raising $9 million", "denied having met him": a gerund as what was said
  else if (cue.kind === 'clause' && t.pos === 'VERB' && /ing$/.test(lower(t)) && !NO_OBJECT.has(cue.lemma) && k === cue.last && toks[cue.first - 1]?.text !== ',') { start = k; explicit = false; weak = true; }
  // "sanctions on networks it said were exploited by Russia": a relative clause without "that", its predicate after the cue
  else if (cue.kind === 'clause' && k === cue.last && predicateStarts(ctx, k, s.last) && omittedRelative(ctx, cue.first, s.first)) { start = k; explicit = false; }
  else if (t.text === ',' && (cue.kind === 'clause' || (cue.kind === 'addressee' && k > cue.last)) && k + 1 < s.last && !cueAt(ctx, k + 1, s.last) && !isMark(toks[k + 1]) && clauseStarts(ctx, k + 1, s.last) && toks[k + 1]!.pos !== 'ADV' && lower(toks[k + 1]) !== 'who') { start = k + 1; explicit = false; }
  else {
    // an object: "announced his resignation", "commented on the reason", "called for talks"
    const k0 = k;
    const w0 = lower(toks[k0]);
    // after ", said" or '," said' the words that follow are the speaker, not an object
    // (", recalling an anecdote": a participle's object is what it says, not its speaker)
    const inverted = (toks[cue.first - 1]?.text === ',' && !/ing$/.test(lower(toks[cue.first]))) || stretchAt(ctx, cue.first - 1)?.close === cue.first - 1;
    if (!inverted && !NO_OBJECT.has(cue.lemma) && cue.kind !== 'addressee' && toks[k0] && ctx.marks.stretchOf[k0] === -1) {
      const from = OBJECT_PREPOSITIONS.has(w0) ? k0 + 1 : k0;
      if (from < s.last && nounPhraseStartingAt(toks, from, s.last)) { start = from; explicit = false; weak = true; }
    }
  }
  if (start < 0 || start >= s.last) return undefined;
  const st = stretchAt(ctx, start);
  let end: number;
  if (st && st.open === start && (st.close < 0 || st.close + 1 >= contentEnd(ctx, s, start)) ) end = st.close >= 0 ? st.close + 1 : st.last;
  else end = contentEnd(ctx, s, start);
  if (cue.kind === 'object') {
    // an object holds speech only where it quotes: "called it "a disaster"", "cited Putin's "foolish decision""
    let m = start;
    // ("attacked her opponent as a fraud", "cited his remarks as examples of …": the "as" phrase is part of what was
    // said, unless a quoted fragment came before it: "cited Putin's "foolish decision" … as an example of …")
    let quotedBefore = false;
    while (m < end && !(ctx.marks.stretchOf[m] === -1 && ((toks[m]!.text === ',' && !listGoesOn(ctx, m, end) && appositiveEnd(ctx, m, end) < 0) || toks[m]!.text === ';' || (quotedBefore && lower(toks[m]) === 'as' && stretchAt(ctx, m + 1)?.open !== m + 1)))) {
      if (stretchAt(ctx, m)?.close === m) quotedBefore = true;
      // "called Clinton, his Democratic challenger, an ISIS "co-founder"": past the aside on the object
      const aside = toks[m]!.text === ',' ? appositiveEnd(ctx, m, end) : -1;
      m = aside > 0 ? aside : m + 1;
    }
    end = m;
    let quoted: Stretch | undefined;
    for (let q = start; q < end; q++) if (ctx.marks.stretchOf[q] !== -1) { quoted = ctx.marks.stretches[ctx.marks.stretchOf[q]!]; break; }
    if (quoted && (quoted.close < 0 || quoted.close >= end)) quoted = undefined;
    if (!quoted && NAMING_CUES.has(cue.lemma)) {
      // "called her son her hero", "called Trump a liar": naming someone something is speech
      let named = doubleObject(ctx, start, end);
      // "called climate change a hoax perpetrated by China to hurt …": what it was called runs on in a participle or relative clause
      const after = toks[named];
      if (named > 0 && named < end && after && ((after.pos === 'VERB' && /(ed|ing|en)$/.test(lower(after))) || /^(who|that|which)$/.test(lower(after)))) named = end;
      if (named > 0) {
        const p = piece(ctx, start, named);
        return p ? { piece: p, cue: c, explicit: true } : undefined;
      }
    }
    // "cited his Iowa results", "citing low growth and unemployment"; but "citing ministry sources" names a source, not what was said
    const citedObject = cue.lemma === 'cite' && (!/ing$/.test(lower(toks[cue.first])) || !namesSource(ctx, start, end));
    if (!quoted && QUOTE_ONLY.has(cue.lemma) && !citedObject && !(cue.lemma === 'call' && /^(for|on|upon)$/.test(lower(toks[cue.last])))) return undefined;
    // "a book called "…"" names a thing; "called the firings "…"" reports speech
    if (quoted && NAMING_CUES.has(cue.lemma) && quoted.open === start) return undefined;
    if (quoted && NAMING_CUES.has(cue.lemma)) {
      // what was named and what it was called: "the firings "a war on expertise""
      const p = piece(ctx, start, quoted.close + 1);
      return p ? { piece: p, cue: c, explicit: true } : undefined;
    }
    explicit = true;
  }
  // a quotation opened inside the clause runs on to its closing mark, past sentence ends
  const open = stretchAt(ctx, end - 1);
  if (open && open.open >= start && open.close >= end) end = open.close + 1;
  end = cutTail(ctx, start, end);
  const p = piece(ctx, start, end, that);
  return p ? { piece: p, cue: c, explicit, weak } : undefined;
}

/**
 * An aside on an object between two commas, followed by what the object was called (a
 * determiner or a quotation): returns the index after the aside's closing comma, else -1.
 */
function appositiveEnd(ctx: FindContext, k: number, hi: number): number {
  const toks = ctx.doc.tokens;
  let m = k + 1;
  while (m < hi && m < k + 25 && toks[m]!.text !== ',' && ctx.marks.stretchOf[m] === -1 && toks[m]!.text !== ';') m++;
  if (toks[m]?.text !== ',' || m === k + 1 || m + 1 >= hi) return -1;
  const next = toks[m + 1]!;
  if (!/^(a|an|the)$/.test(lower(next)) && stretchAt(ctx, m + 1)?.open !== m + 1) return -1;
  if (!/^(a|an|the|his|her|their|its)$/.test(lower(toks[k + 1])) && !isCapitalized(toks[k + 1])) return -1;
  return m + 1;
}

/** Whether the comma at `k` goes on with a list of noun phrases ending in "and"/"or": "growth, unemployment and inequality". */
function listGoesOn(ctx: FindContext, k: number, hi: number): boolean {
  const toks = ctx.doc.tokens;
  let m = k;
  for (let n = 0; n < 6 && m < hi && toks[m]!.text === ','; n++) {
    let a = m + 1;
    if (/^(and|or)$/.test(lower(toks[a]))) a++;
    const np = nounPhraseStartingAt(toks, a, hi) ?? (toks[a]?.pos === 'ADJ' ? nounPhraseStartingAt(toks, a + 1, hi) : undefined);
    if (!np) return false;
    if (a > m + 1) return true;
    m = np[1];
    if (/^(and|or)$/.test(lower(toks[m]))) return nounPhraseStartingAt(toks, m + 1, hi) !== undefined || toks[m + 1]?.pos === 'ADJ' || toks[m + 1]?.pos === 'VERB';
  }
  return false;
}

/** Whether the noun phrase at `k` names a source (people, officials, documents): "ministry sources", "a spokesman", "court records". */
function namesSource(ctx: FindContext, k: number, hi: number): boolean {
  const np = nounPhraseStartingAt(ctx.doc.tokens, k, hi);
  if (!np) return true;
  const head = lower(ctx.doc.tokens[np[1] - 1]);
  const sing = head.replace(/s$/, '');
  const { personRoles, groupNouns, documentNouns } = ctx.lex;
  return /^(sources?|officials?|records?|data|documents?|reports?|figures|statistics|people|person|reporting|accounts?)$/.test(head) || personRoles.has(head) || personRoles.has(sing) || groupNouns.has(head) || documentNouns.has(head) || documentNouns.has(sing) || isCapitalized(ctx.doc.tokens[np[1] - 1]);
}

/** Where "X a Y" ends when an object and a second noun phrase opened by an article or possessive follow `k` ("her son her hero"), else -1. */
function doubleObject(ctx: FindContext, k: number, hi: number): number {
  const toks = ctx.doc.tokens;
  // "her" is an object ("called her a hero") or a possessive ("called her vote a mistake")
  const first: readonly [number, number] | undefined = nounPhraseStartingAt(toks, k, hi) ?? (OBJECT_PRONOUNS.has(lower(toks[k])) ? [k, k + 1] : undefined);
  if (!first || first[1] >= hi) return -1;
  // "her vote in favor of the Iraq War a mistake": prepositional phrases on the first object
  let m = first[1];
  for (let n = 0; n < 3 && /^(in|of|on|for|to|with|about)$/.test(lower(toks[m])); n++) {
    const pp = nounPhraseStartingAt(toks, m + 1, hi);
    if (!pp) break;
    m = pp[1];
  }
  if (m >= hi) return -1;
  // "called Mr. Yanukovych, a former coal trucking director, an outstanding leader"
  if (toks[m]!.text === ',') {
    const aside = appositiveEnd(ctx, m, hi);
    if (aside < 0) return -1;
    m = aside;
  }
  if (/^(a|an|his|her|their|its|the|my|our)$/.test(lower(toks[m]))) {
    const second = nounPhraseStartingAt(toks, m, hi);
    // ("a quack", tagged an interjection)
    return second ? second[1] : toks[m + 1]?.kind === 'word' && m + 1 < hi ? m + 2 : -1;
  }
  // "called the charges unsubstantiated and fabricated": an adjective as what it was called
  if (toks[m]!.pos === 'ADJ' && first[0] < first[1] && toks[first[0]]!.pos !== 'ADJ') {
    let e = m + 1;
    while (e + 1 < hi && (lower(toks[e]) === 'and' || toks[e]!.text === ',') && (toks[e + 1]!.pos === 'ADJ' || (toks[e + 1]!.pos === 'VERB' && /ed$/.test(lower(toks[e + 1]))))) e += 2;
    return e;
  }
  return -1;
}

/**
 * A "that" a little further on, past place names and prepositional phrases ("told a town
 * hall in Salem, New Hampshire on Monday that …"): its index, else `k`.
 */
function thatAhead(ctx: FindContext, k: number, hi: number): number {
  const toks = ctx.doc.tokens;
  for (let m = k; m < hi && m < k + 15; m++) {
    const t = toks[m]!;
    if (isComplementizer(toks, m)) return m;
    // "said — on Twitter, as it happens — that …"
    if (isDash(t)) {
      let d = m + 1;
      while (d < hi && d < m + 14 && !isDash(toks[d])) d++;
      if (isDash(toks[d]) && isComplementizer(toks, d + 1)) return d + 1;
      return k;
    }
    // "told MSNBC's "Morning Joe" that …": a short title in quotation marks
    const title = ctx.marks.stretchOf[m] !== -1 ? stretchAt(ctx, m) : undefined;
    if (title && title.open === m && title.close > m && title.close - m <= 6) { m = title.close; continue; }
    // ("told the audience at his fundraiser for veterans that …": a possessive is no clause)
    if (t.pos === 'VERB' || t.pos === 'AUX' || (t.pos === 'PRON' && !/^(his|her|their|its|our|my|your)$/.test(lower(t))) || t.pos === 'SCONJ' || ctx.marks.stretchOf[m] !== -1) return k;
    if (t.kind === 'punctuation' && (t.text !== ',' || !isCapitalized(toks[m + 1]))) return k;
    if (lower(t) === 'as' || lower(t) === 'because' || lower(t) === 'while') return k;
    if (t.pos === 'CCONJ' && !(isCapitalized(toks[m - 1]) && isCapitalized(toks[m + 1]))) return k;
  }
  return k;
}

/**
 * "He declared:" ending its paragraph: the quotation that opens the next paragraph is
 * what was said.
 */
function nextParagraphQuote(ctx: FindContext, s: Sentence, cue: Cue): { piece: Piece; cue: Cue; explicit: boolean } | undefined {
  const toks = ctx.doc.tokens;
  const next = toks[s.last];
  const st = stretchAt(ctx, s.last);
  if (!next || next.breaks === 0) return undefined;
  if (!st) {
    // a quotation set as a paragraph of its own, without marks ("In a speech, he said:" then the speech)
    const block = ctx.doc.blocks.find((b) => b.first === s.last);
    if (!block || block.last - block.first < 4 || ctx.marks.stretchOf[block.last - 1] !== -1) return undefined;
    const p = piece(ctx, block.first, block.last);
    return p ? { piece: p, cue, explicit: true } : undefined;
  }
  if (st.open !== s.last) return undefined;
  const p = piece(ctx, st.open, st.close >= 0 ? st.close + 1 : st.last);
  return p ? { piece: p, cue, explicit: true } : undefined;
}

/** Cues whose content may be an infinitive: "pledged to work together", "claim to object". */
const COMMISSIVES = new Set(['pledge', 'vow', 'promise', 'claim', 'threaten', 'swear', 'refuse', 'agree', 'propose', 'demand', 'offer']);

/** Words that open a phrase before a reported clause: "says despite all that, Obama …". */
const OPENING_LINKS = new Set(['despite', 'after', 'because', 'when', 'although', 'though', 'while', 'since', 'before', 'unless', 'once', 'in', 'for', 'with', 'without', 'given']);

/** Whether the cue at `cue` follows "noun + speaker" with no "that" between: "networks [it] said", "a probe [the agency] said". */
function omittedRelative(ctx: FindContext, cue: number, lo: number): boolean {
  const toks = ctx.doc.tokens;
  const np = nounPhraseEndingAt(toks, cue - 1, lo);
  if (!np || np[0] <= lo) return false;
  const before = toks[np[0] - 1]!;
  return (before.pos === 'NOUN' || before.pos === 'PROPN') && ctx.marks.stretchOf[np[0] - 1] === -1;
}

/** Whether a speaker phrase starts at `k` and runs to a relative clause or the sentence's end: "an American official who …". */
function invertedSpeakerAt(ctx: FindContext, k: number, hi: number): boolean {
  const toks = ctx.doc.tokens;
  const np = nounPhraseStartingAt(toks, k, hi);
  if (!np || !validSpeaker(ctx, np) || isSubjectPronoun(toks[k])) return false;
  const next = toks[np[1]];
  // ("the report issued on Monday": a participle phrase on the speaker)
  const participle = next !== undefined && next.pos === 'VERB' && /(ed|en)$/.test(lower(next)) && toks[np[1] + 1]?.pos === 'ADP';
  return np[1] >= hi || next === undefined || participle || /^(who|whose)$/.test(lower(next)) || next.text === '.' || (next.text === ',' && !clauseStarts(ctx, np[1] + 1, hi));
}

/** After "if elected": a few words of the condition, then a clause or a quotation. */
function conditionThenClause(ctx: FindContext, k: number, hi: number): boolean {
  const toks = ctx.doc.tokens;
  for (let m = k; m < hi && m < k + 5; m++) {
    if (stretchAt(ctx, m)?.open === m) return true;
    if (toks[m]!.text === ',') return clauseStarts(ctx, m + 1, hi);
    if (isSubjectPronoun(toks[m])) return clauseStarts(ctx, m, hi);
  }
  return false;
}

/** An opening phrase, a comma, then a clause. */
function clauseAfterOpening(ctx: FindContext, k: number, hi: number): boolean {
  const toks = ctx.doc.tokens;
  for (let m = k + 1; m < hi && m < k + 14; m++) {
    if (toks[m]!.text === ',' && ctx.marks.stretchOf[m] === -1) return clauseStarts(ctx, m + 1, hi);
    if (toks[m]!.kind === 'punctuation' && toks[m]!.text !== '-') return false;
  }
  return false;
}

/** Content before an attribution must be a clause or a quotation, not an opening phrase ("In 2012, he said …"). */
function saysSomething(ctx: FindContext, p: Piece): boolean {
  if (p.form === 'direct') return true;
  const toks = ctx.doc.tokens;
  for (let k = p.first; k < p.last; k++) {
    const t = toks[k]!;
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.text) && lower(toks[k - 1]) !== 'to')) return true;
    // "the campaign plans to make …": a verb the tagger read as a plural noun, before "to" and a verb
    if (t.pos === 'NOUN' && /s$/.test(t.text) && k > p.first && lower(toks[k + 1]) === 'to' && toks[k + 2]?.pos === 'VERB') return true;
  }
  return false;
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

/** Start of a parenthetical that ends with the comma at `j` (", following Monday's conversation with Putin,"), or -1. */
function parentheticalStart(ctx: FindContext, j: number, lo: number): number {
  const toks = ctx.doc.tokens;
  for (let k = j - 1; k >= lo && k > j - 16; k--) {
    if (ctx.marks.stretchOf[k] !== -1) return -1;
    const t = toks[k]!;
    if (t.text === ',') return k;
    if (t.text === '.' || t.text === ';' || t.text === ':' || cueAt(ctx, k, j)) return -1;
  }
  return -1;
}

/**
 * Who speaks in sentence `si` where a quotation in it took no attribution: the subject of
 * the first reporting cue outside quotation marks ("Trump tells supporters to "go …"")
 * or the noun phrase right after it ("… , said Rep. Jim Jordan, …"). Undefined when the
 * sentence has no cue or no such speaker.
 */
export function sentenceSpeaker(ctx: FindContext, si: number): [number, number] | undefined {
  const s = ctx.doc.sentences[si]!;
  const toks = ctx.doc.tokens;
  const cs = afterDateline(toks, s.first, s.last, ctx.lex);
  for (let i = cs; i < s.last; i++) {
    if (ctx.marks.stretchOf[i] !== -1) continue;
    const cue = cueAt(ctx, i, s.last);
    if (!cue || cue.kind === 'source-after') continue;
    // a participle ("…, saying") speaks for the sentence's subject; a finite cue for the phrase before it
    const participle = /ing$/.test(lower(toks[cue.first]));
    const before = participle ? undefined : nounPhraseEndingAt(toks, skipLeftAdverbials(toks, cue.first - 1, cs), cs);
    if (before && validSpeaker(ctx, before)) return before;
    const subject = subjectOf(ctx, cs, cue.first);
    if (subject) return subject;
    if (participle) return undefined;
    const after = nounPhraseStartingAt(toks, skipRightAdverbials(toks, cue.last, s.last, ctx.lex), s.last);
    if (after && validSpeaker(ctx, after)) return after;
    return undefined;
  }
  return undefined;
}

/** `"…" – X` and `"…" — X said`: a quotation then a dash and a name that ends the sentence. */
function dashAttributions(ctx: FindContext, s: Sentence, si: number, cs: number): Attribution[] {
  const toks = ctx.doc.tokens;
  const out: Attribution[] = [];
  for (let k = cs; k < s.last; k++) {
    const st = stretchAt(ctx, k);
    if (!st || st.close !== k || st.used) continue;
    let d = k + 1;
    if (toks[d]?.text === ',' || toks[d]?.text === '.') d++;
    // the dash line may have been cut off as a sentence of its own, as credit lines are
    const next = d >= s.last ? ctx.doc.sentences[si + 1] : undefined;
    const hi = next && next.first === d && toks[d]!.breaks === 0 ? next.last : s.last;
    if (!isDash(toks[d]) || d + 1 >= hi) continue;
    const end = dashSpeakerEnd(ctx, d + 1, hi);
    if (end !== hi) continue;
    const np = nounPhraseStartingAt(toks, d + 1, hi);
    if (!np || !isCapitalized(toks[d + 1]) || ctx.lex.agencies.has(lower(toks[d + 1]))) continue;
    const p = piece(ctx, st.open, st.close + 1);
    if (p) out.push({ pieces: [p], cue: { first: d, last: d + 1, lemma: '—', kind: 'clause' }, speaker: np, nested: false, sentence: si });
  }
  return out;
}

