import words from '../../lexicon/attribution-words.json';
import type { Sentence } from '../../pipeline/doc.js';
import { contentEnd, cutTail, piece, stretchAt } from './content.js';
import { addresseeAt, cueAt } from './cues.js';
import { clauseStarts, isComplementizer, predicateStarts, validSpeaker } from './grammar.js';
import { cueHas } from './lexicon.js';
import type { Stretch } from './marks.js';
import { isCapitalized, isDash, isMark, isSubjectPronoun, lower, nounPhraseEndingAt, nounPhraseStartingAt, skipRightAdverbials } from './phrases.js';
import type { Cue, FindContext, Piece } from './types.js';

// What a cue says: the content after it ("said (that) …", "said: "…"", "told reporters …",
// "called it "a disaster""), up to where the reported clause ends.

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'it', 'you']);

const CLAUSE_LINKS: ReadonlySet<string> = new Set(words.clauseLinks);

const OBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(words.objectPrepositions);

/** Words that open a phrase before a reported clause: "says despite all that, Obama …". */
export const OPENING_LINKS: ReadonlySet<string> = new Set(words.openingLinks);

/**
 * The content after a cue: "said (that) …", "said: "…"", "told reporters …", "said,
 * "…"". `explicit` when a mark, colon or "that" opens it.
 */
export function contentAfter(ctx: FindContext, s: Sentence, cue: Cue): { piece: Piece; cue: Cue; explicit: boolean; weak?: boolean } | undefined {
  const toks = ctx.doc.tokens;
  const lex = ctx.lex;
  let c = cue;
  let k = cue.last;
  const toHearer = cueHas(lex, cue.lemma, 'hearer-after-to');
  if (cue.kind === 'addressee' || toHearer) {
    const by = addresseeAt(ctx, toHearer ? k + 1 : k, s.last, toHearer);
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
  // "ensured Canadians that …": speech only with a hearer and "that" ("ensured that the vote was fair" is none)
  if (cueHas(lex, cue.lemma, 'hearer-required') && (k === cue.last || !isComplementizer(toks, k))) return undefined;
  // "Robby Mook said as much in an interview": what was said is what came before (not "as much as $5 million")
  if (lower(toks[k]) === 'as' && lower(toks[k + 1]) === 'much' && k + 1 < s.last && !/^(as|to)$/.test(lower(toks[k + 2])) && cueHas(lex, cue.lemma, 'yes-no')) {
    return { piece: { first: k, last: k + 2, form: 'indirect' }, cue: c, explicit: true };
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
  else if (cueHas(lex, cue.lemma, 'infinitive') && lower(t) === 'to' && (toks[k + 1]?.pos === 'VERB' || (toks[k + 1]?.pos === 'ADV' && toks[k + 2]?.pos === 'VERB'))) { start = k; explicit = false; }
  else if (CLAUSE_LINKS.has(lower(t)) && (cueHas(lex, cue.lemma, 'embedded-question') || (cueHas(lex, cue.lemma, 'embedded-how') && lower(t) !== 'who' && lower(t) !== 'when' && lower(t) !== 'where'))) start = k;
  else if (lower(t) === 'if' && cue.kind === 'clause' && clauseStarts(ctx, k + 1, s.last)) { start = k; explicit = false; }
  // "said if elected president he could …", "says if elected "I will …"": a condition without a subject, then the clause
  else if (lower(t) === 'if' && cue.kind === 'clause' && toks[k + 1]?.pos === 'VERB' && /ed$/.test(lower(toks[k + 1])) && conditionThenClause(ctx, k + 2, s.last)) { start = k; explicit = false; }
  else if (OPENING_LINKS.has(lower(t)) && cue.kind === 'clause' && clauseAfterOpening(ctx, k, s.last)) { start = k; explicit = false; }
  else if (cueHas(lex, cue.lemma, 'warns-of') && /^(of|about|against)$/.test(lower(t)) && nounPhraseStartingAt(toks, k + 1, s.last)) { start = k + 1; explicit = false; }
  else if (/^(yes|no|so)\.?$/.test(lower(t)) && (k + 1 >= s.last || toks[k + 1]!.kind === 'punctuation') && cueHas(lex, cue.lemma, 'yes-no')) {
    // "75 percent of Democrats said yes"
    return { piece: { first: k, last: k + 1, form: 'indirect' }, cue: c, explicit: true };
  }

  // ", said an American official who was briefed …": after a comma the phrase after the cue is its speaker
  else if (k === cue.last && toks[cue.first - 1]?.text === ',' && !/ing$/.test(lower(toks[cue.first])) && invertedSpeakerAt(ctx, k, s.last)) return undefined;
  else if (!cueHas(lex, cue.lemma, 'no-bare-clause') && clauseStarts(ctx, k, s.last)) { start = k; explicit = false; }
  // "said being involved in violence is never easy": a gerund phrase as the reported clause's subject
  else if (cue.kind === 'clause' && (t.pos === 'VERB' || t.pos === 'AUX') && /ing$/.test(lower(t)) && k === cue.last && toks[cue.first - 1]?.text !== ',' && gerundSubjectClause(ctx, k + 1, s.last)) { start = k; explicit = false; }
  // "reported raising $9 million", "denied having met him": a gerund as what was said
  else if (cue.kind === 'clause' && t.pos === 'VERB' && /ing$/.test(lower(t)) && !cueHas(lex, cue.lemma, 'no-object') && k === cue.last && toks[cue.first - 1]?.text !== ',') { start = k; explicit = false; weak = true; }
  // "sanctions on networks it said were exploited by Russia": a relative clause without "that", its predicate after the cue
  else if (cue.kind === 'clause' && k === cue.last && predicateStarts(ctx, k, s.last) && omittedRelative(ctx, cue.first, s.first)) { start = k; explicit = false; }
  // "the stadium, which, Tompkins said, is usually full …": an attribution inside a relative clause, its predicate after it
  else if (t.text === ',' && cue.kind === 'clause' && k === cue.last && relativeBeforeSpeaker(ctx, cue.first, s.first) >= 0 && predicateStarts(ctx, k + 1, s.last)) start = k + 1;
  // "his donations, which he said were accompanied by leverage": the same without commas
  else if (cue.kind === 'clause' && k === cue.last && relativeBeforeSpeaker(ctx, cue.first, s.first, false) >= 0 && predicateStarts(ctx, k, s.last)) { start = k; explicit = false; }
  else if (t.text === ',' && (cue.kind === 'clause' || (cue.kind === 'addressee' && k > cue.last)) && k + 1 < s.last && !cueAt(ctx, k + 1, s.last) && !isMark(toks[k + 1]) && clauseStarts(ctx, k + 1, s.last) && toks[k + 1]!.pos !== 'ADV' && lower(toks[k + 1]) !== 'who') { start = k + 1; explicit = false; }
  else {
    // an object: "announced his resignation", "commented on the reason", "called for talks"
    const k0 = k;
    const w0 = lower(toks[k0]);
    // after ", said" or '," said' the words that follow are the speaker, not an object
    // (", recalling an anecdote": a participle's object is what it says, not its speaker)
    const inverted = (toks[cue.first - 1]?.text === ',' && !/ing$/.test(lower(toks[cue.first]))) || stretchAt(ctx, cue.first - 1)?.close === cue.first - 1;
    // ("claimed victory", "has been reporting on Russia": a plain noun phrase is not what these say)
    if (!inverted && !cueHas(lex, cue.lemma, 'no-object') && !cueHas(lex, cue.lemma, 'plain-object') && cue.kind !== 'addressee' && toks[k0] && ctx.marks.stretchOf[k0] === -1) {
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
    const calledFor = cueHas(lex, cue.lemma, 'calls-for') && /^(for|on|upon)$/.test(lower(toks[c.last - 1]));
    // an object holds speech only where it quotes: "called it "a disaster"", "cited Putin's "foolish decision""
    let m = start;
    // ("attacked her opponent as a fraud", "cited his remarks as examples of …": the "as" phrase is part of what was
    // said, unless a quoted fragment came before it: "cited Putin's "foolish decision" … as an example of …")
    let quotedBefore = false;
    // ("called for eliminating the tax treatment of carried interest, which benefits …": a relative clause on what was called for is part of it)
    const relativeGoesOn = (k: number): boolean => calledFor && /^(which|who)$/.test(lower(toks[k + 1]));
    while (m < end && !(ctx.marks.stretchOf[m] === -1 && ((toks[m]!.text === ',' && !listGoesOn(ctx, m, end) && appositiveEnd(ctx, m, end) < 0 && !relativeGoesOn(m)) || toks[m]!.text === ';' || (quotedBefore && lower(toks[m]) === 'as' && stretchAt(ctx, m + 1)?.open !== m + 1)))) {
      if (stretchAt(ctx, m)?.close === m) quotedBefore = true;
      // "called Clinton, his Democratic challenger, an ISIS "co-founder"": past the aside on the object
      const aside = toks[m]!.text === ',' ? appositiveEnd(ctx, m, end) : -1;
      m = aside > 0 ? aside : m + 1;
    }
    end = m;
    let quoted: Stretch | undefined;
    for (let q = start; q < end; q++) if (ctx.marks.stretchOf[q] !== -1) { quoted = ctx.marks.stretches[ctx.marks.stretchOf[q]!]; break; }
    if (quoted && (quoted.close < 0 || quoted.close >= end)) quoted = undefined;
    // "dismissed allegations of fraud", "attacked protesters": an object without a quotation that is no speech
    if (!quoted && (cueHas(lex, cue.lemma, 'plain-object') || (cueHas(lex, cue.lemma, 'act-object') && actObject(ctx, start, end)))) return undefined;
    // "They call him the crowbar robber": a nickname
    if (!quoted && cueHas(lex, cue.lemma, 'habitual-naming') && habitual(ctx, cue)) return undefined;
    if (!quoted && cueHas(lex, cue.lemma, 'naming')) {
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
    const citedObject = cueHas(lex, cue.lemma, 'cites') && (!/ing$/.test(lower(toks[cue.first])) || !namesSource(ctx, start, end));
    if (!quoted && cueHas(lex, cue.lemma, 'quote-only') && !citedObject && !(cueHas(lex, cue.lemma, 'calls-for') && /^(for|on|upon)$/.test(lower(toks[cue.last])))) return undefined;
    // "a book called "…"" names a thing; "called the firings "…"" reports speech
    if (quoted && cueHas(lex, cue.lemma, 'naming') && quoted.open === start) return undefined;
    if (quoted && cueHas(lex, cue.lemma, 'naming')) {
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
 * "…, which, Tompkins said, is …", "a policy that, he said, was flawed": the relative pronoun
 * before a comma-enclosed speaker whose cue starts at `cue` (its index), else -1; with `commas`
 * false, before a pronoun speaker right after it ("which he said were …").
 */
export function relativeBeforeSpeaker(ctx: FindContext, cue: number, lo: number, commas = true): number {
  const toks = ctx.doc.tokens;
  const np = nounPhraseEndingAt(toks, cue - 1, lo);
  const at = np ? np[0] - (commas ? 2 : 1) : -1;
  if (!np || at < lo || (commas && toks[np[0] - 1]!.text !== ',') || ctx.marks.stretchOf[at] !== -1 || toks[cue - 1]?.text === ',') return -1;
  // (without commas only a pronoun speaker: "which he said were …"; "which officials said" is read as an omitted relative)
  if (!commas && !isSubjectPronoun(toks[np[0]])) return -1;
  return /^(which|who|that)$/.test(lower(toks[at])) ? at : -1;
}

/** A plain common-noun object with no reason or description after it ("attacked protesters in the square"), not a name, a pronoun or "X for …". */
function actObject(ctx: FindContext, k: number, hi: number): boolean {
  const toks = ctx.doc.tokens;
  if (OBJECT_PRONOUNS.has(lower(toks[k]))) return false;
  const np = nounPhraseStartingAt(toks, k, hi);
  if (!np) return false;
  for (let m = k; m < hi; m++) if (/^(for|as|over)$/.test(lower(toks[m]))) return false;
  for (let m = np[0]; m < np[1]; m++) if (isCapitalized(toks[m])) return false;
  return true;
}

/** The plain present after a generic subject: "They call him …", "what locals call …". */
function habitual(ctx: FindContext, cue: Cue): boolean {
  const toks = ctx.doc.tokens;
  const t = toks[cue.first]!;
  if (lower(t) !== cue.lemma) return false;
  const before = toks[cue.first - 1];
  if (!before) return false;
  const w = lower(before);
  return /^(they|we|you|i|people|many|some|locals|residents|fans|critics|friends|what)$/.test(w) || (before.pos === 'NOUN' && /s$/.test(w));
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
    // ("said the claim that … was false": the "that" after a noun of saying is the noun's)
    if (ctx.lex.nouns.has(lower(t)) && t.pos !== 'VERB') return k;
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
    // ("says at a campaign stop in Toledo, Ohio, that …": the comma closing a place before "that")
    if (t.kind === 'punctuation' && (t.text !== ',' || !(isCapitalized(toks[m + 1]) || (m > k && isCapitalized(toks[m - 1]) && isComplementizer(toks, m + 1))))) return k;
    if (lower(t) === 'as' || lower(t) === 'because' || lower(t) === 'while') return k;
    if (t.pos === 'CCONJ' && !(isCapitalized(toks[m - 1]) && isCapitalized(toks[m + 1]))) return k;
  }
  return k;
}

/**
 * "He declared:" ending its paragraph: the quotation that opens the next paragraph is
 * what was said.
 */
export function nextParagraphQuote(ctx: FindContext, s: Sentence, cue: Cue): { piece: Piece; cue: Cue; explicit: boolean } | undefined {
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
  // ("the report issued on Monday": a participle phrase on the speaker; but after a name the verb is its own, "said Clinton reached out to …")
  const participle = next !== undefined && next.pos === 'VERB' && /(ed|en)$/.test(lower(next)) && toks[np[1] + 1]?.pos === 'ADP' && !isCapitalized(toks[np[1] - 1]);
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
export function clauseAfterOpening(ctx: FindContext, k: number, hi: number): boolean {
  const toks = ctx.doc.tokens;
  for (let m = k + 1; m < hi && m < k + 14; m++) {
    if (toks[m]!.text === ',' && ctx.marks.stretchOf[m] === -1) return clauseStarts(ctx, m + 1, hi);
    if (toks[m]!.kind === 'punctuation' && toks[m]!.text !== '-') return false;
  }
  return false;
}

/**
 * Whether the gerund phrase that goes on at `k` is the subject of a clause: a finite
 * auxiliary ("is", "was", "will") follows within a few words, before any punctuation
 * ("being involved in violence [is] never easy"), not "having met him".
 */
function gerundSubjectClause(ctx: FindContext, k: number, hi: number): boolean {
  const toks = ctx.doc.tokens;
  for (let m = k; m < hi && m < k + 10; m++) {
    const t = toks[m]!;
    if (t.kind === 'punctuation' || ctx.marks.stretchOf[m] !== -1) return false;
    if (t.pos === 'AUX' && !/^(being|been|be|having)$/.test(lower(t))) return true;
  }
  return false;
}
