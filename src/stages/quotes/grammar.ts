import speakers from '../../lexicon/speakers.json';
import type { Token } from '../../text/tokenize.js';
import { cueAt } from './cues.js';
import {
  QUANTIFIERS, afterDateline, isCapitalized, isMark, isSubjectPronoun, lower, nounPhraseEndingAt, nounPhraseStartingAt, skipLeftAdverbials,
  skipRightAdverbials,
} from './phrases.js';
import type { FindContext } from './types.js';

// Grammar the attribution finders test: complementizers, clause and predicate starts, a
// sentence's subject, and which noun phrases can speak.

export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);

/** Nouns that do not speak: times, quantities and abstractions ("the idea is said to …", "the week said"). */
export const NOT_SPEAKERS: ReadonlySet<string> = new Set(speakers.notSpeakers);

/** Heads of counted groups that speak in polls and reports ("Sixty-six percent said", "most Democrats"). */
const GROUP_HEADS: ReadonlySet<string> = new Set(speakers.groupHeads);

/** People counted in a poll, named by how they were reached ("those surveyed say", "voters polled said"). */
export const POLLED: ReadonlySet<string> = new Set(speakers.polled);

export const POLLED_GROUPS: ReadonlySet<string> = new Set(speakers.polledGroups);

/** "that" opening a reported clause, not "that" as a pronoun ("that is", "that was wrong"). */
export function isComplementizer(toks: readonly Token[], k: number): boolean {
  const next = toks[k + 1];
  if (lower(toks[k]) !== 'that' || next === undefined) return false;
  // "said that, if elected, he would …": an aside between "that" and its clause
  if (next.text === ',' && /^(if|when|while|after|before|as|once|unless|despite|in|for|under|without|with|given|although|though|because|since|by)$/.test(lower(toks[k + 2]))) return true;
  // "joked that, among African Americans, Trump ranks fourth", "noted that, like him, Mrs. Clinton had …":
  // any short phrase without a verb between two commas, then the clause's subject
  if (next.text === ',') return asideThenSubject(toks, k + 2);
  return isMark(next) || (next.pos !== 'AUX' && (next.pos !== 'VERB' || /ing$/.test(next.text) || /^(given|if|once|unless)$/.test(lower(next))) && next.kind !== 'punctuation');
}

/** Tokens an aside between "that," and its clause holds at most. */
const MAX_ASIDE = 10;

/** Whether a short phrase without a verb or quotation starts at `k`, closes with a comma, and a subject follows it. */
function asideThenSubject(toks: readonly Token[], k: number): boolean {
  for (let m = k + 1; m < k + MAX_ASIDE && m < toks.length; m++) {
    const t = toks[m]!;
    if (t.text === ',') {
      const subj = toks[m + 1];
      return subj !== undefined && (isSubjectPronoun(subj) || ['DET', 'PROPN', 'NOUN'].includes(subj.pos)) && lower(subj) !== 'who';
    }
    if (t.pos === 'VERB' || t.pos === 'AUX' || isMark(t) || t.kind === 'punctuation') return false;
  }
  return false;
}

export function skipAdverbsOnly(toks: readonly Token[], k: number): number {
  let m = k;
  while (m > 0 && toks[m]!.pos === 'ADV') m--;
  return m;
}

/** Whether a reported clause without "that" starts at `k`: a subject, then a verb soon after. */
export function clauseStarts(ctx: FindContext, k: number, hi: number): boolean {
  const toks = ctx.doc.tokens;
  // past the sentence's end ("Why? asked Smith," with nothing after the comma) no clause starts
  const t = k < hi ? toks[k] : undefined;
  if (!t) return false;
  // "at least six planes", "more than half": a quantity opens the subject
  if (/^(at|more|less|fewer|about|nearly|almost|around|some|roughly)$/.test(lower(t)) && k + 2 < hi && (toks[k + 1]!.pos === 'NUM' || toks[k + 2]!.pos === 'NUM' || /^(than|least|half)$/.test(lower(toks[k + 1])))) {
    return clauseStarts(ctx, /^(than|least)$/.test(lower(toks[k + 1])) ? k + 2 : k + 1, hi);
  }
  const subj = (t.pos === 'VERB' && /ing$/.test(t.text)) || isSubjectPronoun(t) && lower(t) !== 'who' || /^(there|this|these|those|his|her|their|its|our|my|everyone|everybody|nobody|someone|somebody|anyone|nothing|something|everything|none)$/.test(lower(t)) || ['DET', 'PROPN', 'NOUN', 'NUM', 'ADJ'].includes(t.pos) || isMark(t);
  if (!subj) return false;
  for (let m = k + 1; m < hi && m < k + 25; m++) {
    const x = toks[m]!;
    // ("five points to his lead": a verb's form right after a possessive or article is a noun)
    if (x.pos === 'VERB' && /^(his|her|their|its|our|my|your|a|an|the)$/.test(lower(toks[m - 1]))) continue;
    if (x.pos === 'AUX' || (x.pos === 'VERB' && !/ing$/.test(x.text))) return true;
    if (x.pos === 'PUNCT' && ctx.marks.stretchOf[m] === -1 && !(x.text === "'" && !x.spaceBefore) && x.text !== '-') return false;
  }
  return false;
}

/** Whether a predicate starts at `k` (a finite verb, perhaps after an adverb): "…, he said, have involved …". */
export function predicateStarts(ctx: FindContext, k: number, hi: number): boolean {
  const toks = ctx.doc.tokens;
  const m = toks[k]?.pos === 'ADV' ? k + 1 : k;
  const t = toks[m];
  if (!t || m >= hi || ctx.marks.stretchOf[m] !== -1 || cueAt(ctx, m, hi)) return false;
  return t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.text));
}

/** The sentence's subject, for a participial cue without one of its own (", saying …"). */
export function subjectOf(ctx: FindContext, cs0: number, before: number): [number, number] | undefined {
  const toks = ctx.doc.tokens;
  const cs = pastOpeningPhrase(ctx, cs0, before);
  for (let k = cs; k < before && k < cs + 8; k++) {
    if (ctx.marks.stretchOf[k] !== -1) return undefined;
    const np = nounPhraseStartingAt(toks, k, before);
    // ("However, …", "Meanwhile, …": an opening adverb is no subject)
    const opener = np !== undefined && np[1] - np[0] === 1 && toks[np[0]]!.pos === 'ADV' && toks[np[1]]?.text === ',';
    if (np && !opener && validSpeaker(ctx, np)) return np;
    // "A few minutes later they …": a time phrase before the subject
    if (np && NOT_SPEAKERS.has(lower(toks[np[1] - 1]).replace(/s$/, ''))) { k = np[1] - 1; continue; }
    if (toks[k]!.pos !== 'ADV' && toks[k]!.pos !== 'CCONJ' && toks[k]!.kind !== 'punctuation') return undefined;
  }
  return undefined;
}

/**
 * Past an opening phrase and its comma ("In an interview with the Journal, Trump …",
 * "Asked whether …, Mrs. Clinton …"): where the clause's subject may start, else `cs`.
 */
/** Tokens a quoted title inside an opening phrase holds at most ("On "Face the Nation," …"). */
const MAX_TITLE = 6;

function pastOpeningPhrase(ctx: FindContext, cs: number, before: number): number {
  const toks = ctx.doc.tokens;
  const t = toks[cs];
  if (!t) return cs;
  const opens = t.pos === 'ADP' || t.pos === 'SCONJ' || (t.pos === 'VERB' && /(ed|ing)$/.test(lower(t))) || lower(t) === 'asked';
  if (!opens) return cs;
  for (let k = cs + 1; k < before && k < cs + 30; k++) {
    if (ctx.marks.stretchOf[k] !== -1) {
      // ('On "Face the Nation," Sen. Bernie Sanders …': a title in the phrase, its comma inside the marks)
      const st = ctx.marks.stretches[ctx.marks.stretchOf[k]!]!;
      if (st.open !== k || st.close < 0 || st.last - st.first > MAX_TITLE) return cs;
      if (toks[st.close - 1]!.text === ',') return st.close + 1;
      k = st.close;
      continue;
    }
    if (toks[k]!.text === ',') return k + 1;
    if (toks[k]!.text === ';' || toks[k]!.text === ':') return cs;
  }
  return cs;
}

/** A speaker phrase is a name, a pronoun of persons or groups, or a noun phrase that can speak. */
export function validSpeaker(ctx: FindContext, np: readonly [number, number]): boolean {
  const toks = ctx.doc.tokens;
  const [f, l] = np;
  if (l - f === 1 && isSubjectPronoun(toks[f])) return lower(toks[f]) !== 'you';
  if (l - f === 2 && toks[f]!.pos === 'NUM' && toks[f + 1]!.text === '%') return true;
  if (l - f === 4 && toks[f]!.pos === 'NUM' && lower(toks[f + 1]) === 'out' && toks[f + 3]!.pos === 'NUM') return true;
  if (l - f === 3 && lower(toks[f + 1]) === 'of' && QUANTIFIERS.has(lower(toks[f])) && /^(them|us|those)$/.test(lower(toks[f + 2]))) return true;
  const head = toks[l - 1]!;
  if (toks.slice(f, l).some((t) => t.kind === 'number' || t.pos === 'NUM') && GROUP_HEADS.has(lower(head))) return true;
  if (/^(old|year-old)$/.test(lower(head)) && l - f >= 2) return true;
  if (GROUP_HEADS.has(lower(head)) && l - f > 1) return true;
  if (l - f === 2 && POLLED_GROUPS.has(lower(toks[f])) && POLLED.has(lower(head))) return true;
  // "one in three", "two of five": a share of those asked
  if (l - f === 3 && toks[f]!.pos === 'NUM' && toks[l - 1]!.pos === 'NUM' && /^(in|of|out)$/.test(lower(toks[f + 1]))) return true;
  if (isCapitalized(head)) return !/^(It|This|That|There|These|Those)$/.test(head.text);
  const w = lower(head);
  const sing = w.replace(/(ies)$/, 'y').replace(/(s)$/, '');
  const { personRoles, groupNouns, documentNouns } = ctx.lex;
  for (let k = f; k < l; k++) {
    const x = lower(toks[k]);
    if (x === 'of' || x === 'for' || x === 'in') return headOk(lower(toks[k - 1])) || !NOT_SPEAKERS.has(lower(toks[k - 1]));
  }
  return headOk(w) || headOk(sing) || ((head.pos === 'NOUN' || head.pos === 'PROPN') && !NOT_SPEAKERS.has(sing) && !NOT_SPEAKERS.has(w));
  function headOk(x: string): boolean {
    return personRoles.has(x) || groupNouns.has(x) || documentNouns.has(x) || personRoles.has(x.replace(/s$/, ''));
  }
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
