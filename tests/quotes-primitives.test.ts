import { describe, expect, it } from 'vitest';
import { getDefaultPipeline } from '../src/index.js';
import { resolveOptions } from '../src/pipeline/options.js';
import { contentEnd, cutTail, piece, stretchAt } from '../src/stages/quotes/content.js';
import { addresseeAt, cueAt } from '../src/stages/quotes/cues.js';
import { clauseStarts, isComplementizer, predicateStarts, subjectOf, validSpeaker } from '../src/stages/quotes/grammar.js';
import { quoteLexicon } from '../src/stages/quotes/lexicon.js';
import { pairMarks, type Stretch } from '../src/stages/quotes/marks.js';
import type { FindContext } from '../src/stages/quotes/types.js';

// The primitives the attribution shapes share (issue 12, step 1), each tested on its own:
// content extent (content.ts), grammar (grammar.ts) and cues (cues.ts).

/** The context the quotes stage reads, for one text run through the stages before it. */
function contextOf(text: string): FindContext {
  const doc = getDefaultPipeline().edit({ drop: ['quotes', 'credits', 'assemble'] }).runDoc(text, resolveOptions(undefined));
  return { doc, marks: pairMarks(doc), lex: quoteLexicon(), taken: new Set<Stretch>() };
}

/** The index of the `n`-th token written `word`. */
function at(ctx: FindContext, word: string, n = 0): number {
  const all = ctx.doc.tokens.flatMap((t, i) => (t.text === word ? [i] : []));
  if (all[n] === undefined) throw new Error(`no token ${word} #${n}`);
  return all[n]!;
}

/** The text of tokens [a, b). */
function words(ctx: FindContext, a: number, b: number): string {
  return ctx.doc.tokens.slice(a, b).map((t) => t.text).join(' ');
}

describe('cues.ts', () => {
  it('reads a reporting verb with its lemma and kind', () => {
    const ctx = contextOf('Smith said the plan failed.');
    const i = at(ctx, 'said');
    expect(cueAt(ctx, i, ctx.doc.tokens.length)).toEqual({ first: i, last: i + 1, lemma: 'say', kind: 'clause' });
  });

  it('reads a cue phrase as one cue, and not past the bound it is given', () => {
    const ctx = contextOf('The plan failed, according to Smith.');
    const i = at(ctx, 'according');
    expect(cueAt(ctx, i, ctx.doc.tokens.length)).toEqual({ first: i, last: i + 2, lemma: 'according to', kind: 'source-after' });
    expect(cueAt(ctx, i, i + 1)).toBeUndefined();
  });

  it('reads no cue in a noun use after a possessive, nor in a word that is no cue', () => {
    const ctx = contextOf('His claims were false.');
    expect(cueAt(ctx, at(ctx, 'claims'), ctx.doc.tokens.length)).toBeUndefined();
    expect(cueAt(ctx, at(ctx, 'false'), ctx.doc.tokens.length)).toBeUndefined();
  });

  it('finds a known hearer after a cue, or -1', () => {
    const ctx = contextOf('Smith told reporters the plan failed. Smith told Jones the plan failed.');
    const n = ctx.doc.tokens.length;
    expect(addresseeAt(ctx, at(ctx, 'told') + 1, n, false)).toBe(at(ctx, 'reporters') + 1);
    expect(addresseeAt(ctx, at(ctx, 'told', 1) + 1, n, false)).toBe(-1);
  });
});

describe('grammar.ts', () => {
  it('tells a complementizer "that" from a pronoun "that"', () => {
    const ctx = contextOf('He said that the plan failed. He said that is wrong.');
    expect(isComplementizer(ctx.doc.tokens, at(ctx, 'that'))).toBe(true);
    expect(isComplementizer(ctx.doc.tokens, at(ctx, 'that', 1))).toBe(false);
  });

  it('finds a clause start (a subject, then its verb) and none past the bound', () => {
    const ctx = contextOf('Smith said the plan failed badly.');
    const s = ctx.doc.sentences[0]!;
    expect(clauseStarts(ctx, at(ctx, 'the'), s.last)).toBe(true);
    expect(clauseStarts(ctx, at(ctx, 'badly'), s.last)).toBe(false);
    expect(clauseStarts(ctx, s.last, s.last)).toBe(false);
    expect(clauseStarts(ctx, ctx.doc.tokens.length + 3, ctx.doc.tokens.length + 3)).toBe(false);
  });

  it('finds a predicate start: a finite verb, not a participle', () => {
    const ctx = contextOf('The closures have involved schools. The closures involving schools.');
    expect(predicateStarts(ctx, at(ctx, 'have'), ctx.doc.tokens.length)).toBe(true);
    expect(predicateStarts(ctx, at(ctx, 'involving'), ctx.doc.tokens.length)).toBe(false);
  });

  it('finds the subject past an opening phrase', () => {
    const ctx = contextOf('In an interview, the minister warned of delays.');
    const np = subjectOf(ctx, 0, at(ctx, 'warned'));
    expect(np && words(ctx, np[0], np[1])).toBe('the minister');
  });

  it('says which noun phrases can speak', () => {
    const ctx = contextOf('The minister and the week and Smith and it and you.');
    const one = (w: string): [number, number] => [at(ctx, w), at(ctx, w) + 1];
    expect(validSpeaker(ctx, [at(ctx, 'The'), at(ctx, 'minister') + 1])).toBe(true);
    expect(validSpeaker(ctx, [at(ctx, 'the'), at(ctx, 'week') + 1])).toBe(false);
    expect(validSpeaker(ctx, one('Smith'))).toBe(true);
    expect(validSpeaker(ctx, one('you'))).toBe(false);
  });
});

describe('content.ts', () => {
  it('ends a reported clause before a trailing attribution and a semicolon', () => {
    const ctx = contextOf('The plan failed, he said. The plan failed; prices rose.');
    const [s0, s1] = ctx.doc.sentences;
    expect(words(ctx, s0!.first, contentEnd(ctx, s0!, s0!.first))).toBe('The plan failed');
    expect(words(ctx, s1!.first, contentEnd(ctx, s1!, s1!.first))).toBe('The plan failed');
    expect(contentEnd(ctx, s1!, s1!.last)).toBe(s1!.last);
  });

  it('gives the quotation a token is in, else none', () => {
    const ctx = contextOf('\u201cWe will win,\u201d Smith said.');
    const st = stretchAt(ctx, at(ctx, 'win'));
    expect(st && { open: st.open, close: st.close, text: words(ctx, st.first, st.last) }).toEqual({ open: 0, close: at(ctx, '"', 1), text: 'We will win ,' });
    expect(stretchAt(ctx, at(ctx, 'Smith'))).toBeUndefined();
  });

  it('trims a piece of punctuation and "that", and reads its form from the marks', () => {
    const ctx = contextOf('\u201cWe will win,\u201d Smith said that the \u201cplan\u201d failed.');
    const n = ctx.doc.tokens.length;
    expect(piece(ctx, 0, at(ctx, '"', 1) + 1)).toEqual({ first: 1, last: at(ctx, 'win') + 1, form: 'direct' });
    expect(piece(ctx, at(ctx, 'that'), n)).toEqual({ first: at(ctx, 'the'), last: n - 1, form: 'mixed' });
    expect(piece(ctx, at(ctx, 'Smith'), at(ctx, 'said') + 1)).toEqual({ first: at(ctx, 'Smith'), last: at(ctx, 'said') + 1, form: 'indirect' });
    expect(piece(ctx, at(ctx, 'Smith'), at(ctx, 'Smith') + 1)).toBeUndefined();
  });

  it('cuts the writer\'s own words after the last quoted fragment of a mixed quotation', () => {
    const ctx = contextOf('He condemned the \u201cclumsy attempts\u201d to alter the vote.');
    const s = ctx.doc.sentences[0]!;
    expect(cutTail(ctx, at(ctx, 'the'), s.last)).toBe(at(ctx, '"', 1) + 1);
    const ctx2 = contextOf('He said the \u201cloose talk\u201d about taxes will hurt the economy.');
    expect(cutTail(ctx2, at(ctx2, 'the'), ctx2.doc.sentences[0]!.last)).toBe(ctx2.doc.sentences[0]!.last);
  });
});
