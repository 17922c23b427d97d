import { stretchAt } from './content.js';
import { cueAt } from './cues.js';
import cues from '../../lexicon/cues.json';
import { cueHas, type CueFlag, type CueKind } from './lexicon.js';
import type { Token } from '../../text/tokenize.js';
import { isDash } from './phrases.js';
import type { Cue, FindContext } from './types.js';

// A shape's trigger: a token pattern, in the spirit of compromise's match syntax and spaCy's
// Matcher, compiled once when the shape is declared. The registry reads a shape only where its
// trigger matches, so a trigger says, as data, the least a sentence must hold for the shape.
//
//   word  ":"  ","        a token written so (lower case; quoted for punctuation)
//   (as|if|"—")           one of these
//   .                     any token
//   #NOUN  #VERB          a token of this part of speech
//   @cue                  where a reporting cue starts (the cue being read, for a cue shape)
//   @cue:KIND             …of this kind (clause, addressee, object, source-after, manner)
//   @cue+FLAG             …with this flag of cues.json (question-unnamed, …)
//   @open  @close         an opening / closing quotation mark
//   @dash                 a dash
//   @noun-of-saying       a noun of saying (cues.json nouns: "claim", "warning")
//   X?                    X or nothing
//   ^                     (first) the match starts where the sentence's clause starts

/** Where a trigger is matched: the context, the clause start, the sentence end, and the cue a cue shape is given. */
export interface TriggerScope {
  readonly ctx: FindContext;
  /** Where the sentence's clause starts (past a dateline), for `^`. */
  readonly cs: number;
  /** The end of the sentence: cues are read up to it. */
  readonly hi: number;
  readonly cue?: Cue;
}

export interface Trigger {
  /** The pattern as written. */
  readonly source: string;
  /** Whether the pattern matches from token `i`. */
  at(scope: TriggerScope, i: number): boolean;
  /** Whether it matches from some token in [from, to). */
  within(scope: TriggerScope, from: number, to: number): boolean;
}

/** A test of one token: given the scope, the token's index, and the document's tokens in lower case. */
type Test = (scope: TriggerScope, i: number, low: readonly string[]) => boolean;

/** Each document's tokens in lower case, made once: a trigger scans every sentence. */
const lowered = new WeakMap<readonly Token[], readonly string[]>();

function lowerCase(sc: TriggerScope): readonly string[] {
  const toks = sc.ctx.doc.tokens;
  let low = lowered.get(toks);
  if (!low) {
    low = toks.map((t) => t.text.toLowerCase());
    lowered.set(toks, low);
  }
  return low;
}

interface Element {
  readonly test: Test;
  readonly optional: boolean;
}

const KINDS: readonly CueKind[] = ['clause', 'addressee', 'object', 'source-after', 'manner'];

/** The cue that starts at `i`: the one being read where the scope holds it, else the lexicon's. */
function cueFrom(scope: TriggerScope, i: number): Cue | undefined {
  if (scope.cue) return scope.cue.first === i ? scope.cue : undefined;
  return cueAt(scope.ctx, i, scope.hi);
}

function predicate(name: string, source: string): Test {
  const [head, rest] = name.split(/[:+]/, 2) as [string, string | undefined];
  if (head === 'cue') {
    if (rest === undefined) return (sc, i) => cueFrom(sc, i) !== undefined;
    if (name.includes(':')) {
      if (!KINDS.includes(rest as CueKind)) throw new Error(`trigger ${JSON.stringify(source)}: no cue kind "${rest}"`);
      return (sc, i) => cueFrom(sc, i)?.kind === rest;
    }
    if (!Object.hasOwn(cues.flags, rest)) throw new Error(`trigger ${JSON.stringify(source)}: cues.json defines no flag "${rest}"`);
    return (sc, i) => {
      const c = cueFrom(sc, i);
      return c !== undefined && cueHas(sc.ctx.lex, c.lemma, rest as CueFlag);
    };
  }
  if (rest !== undefined) throw new Error(`trigger ${JSON.stringify(source)}: @${head} takes no argument`);
  switch (head) {
    case 'open': return (sc, i) => stretchAt(sc.ctx, i)?.open === i;
    case 'close': return (sc, i) => stretchAt(sc.ctx, i)?.close === i;
    case 'dash': return (sc, i) => isDash(sc.ctx.doc.tokens[i]);
    case 'noun-of-saying': return (sc, i, low) => sc.ctx.lex.nouns.has(low[i] ?? '');
    default: throw new Error(`trigger ${JSON.stringify(source)}: no predicate @${head}`);
  }
}

/** A literal as written in a pattern: a bare word or a quoted one. */
function literal(word: string): string {
  return /^".+"$/.test(word) ? word.slice(1, -1) : word.toLowerCase();
}

function element(word: string, source: string): Test {
  if (word === '.') return (sc, i) => i < sc.ctx.doc.tokens.length;
  if (word.startsWith('@')) return predicate(word.slice(1), source);
  if (word.startsWith('#')) {
    const pos = word.slice(1);
    if (!/^[A-Z]+$/.test(pos)) throw new Error(`trigger ${JSON.stringify(source)}: a part of speech is written in capitals (#NOUN), not ${word}`);
    return (sc, i) => sc.ctx.doc.tokens[i]?.pos === pos;
  }
  if (word.startsWith('(') && word.endsWith(')')) {
    const options = new Set(word.slice(1, -1).split('|').map(literal));
    return (_sc, i, low) => {
      const w = low[i];
      return w !== undefined && options.has(w);
    };
  }
  if (/[()|@#]/.test(word)) throw new Error(`trigger ${JSON.stringify(source)}: cannot read ${JSON.stringify(word)}`);
  const w = literal(word);
  return (_sc, i, low) => low[i] === w;
}

/** Compiles a pattern; a pattern it cannot read is a mistake in a shape's declaration, and throws. */
export function compileTrigger(source: string): Trigger {
  const words = source.trim().split(/\s+/).filter(Boolean);
  const anchored = words[0] === '^';
  if (anchored) words.shift();
  if (words.length === 0) throw new Error(`trigger ${JSON.stringify(source)}: no elements`);
  const elements: Element[] = words.map((w) => {
    const optional = w.length > 1 && w.endsWith('?');
    return { test: element(optional ? w.slice(0, -1) : w, source), optional };
  });
  const from = (sc: TriggerScope, low: readonly string[], e: number, i: number): boolean => {
    if (e === elements.length) return true;
    const el = elements[e]!;
    if (el.test(sc, i, low) && from(sc, low, e + 1, i + 1)) return true;
    return el.optional && from(sc, low, e + 1, i);
  };
  const first = elements[0]!;
  return {
    source,
    at: (sc, i) => (!anchored || i === sc.cs) && from(sc, lowerCase(sc), 0, i),
    within(sc, lo, hi) {
      const low = lowerCase(sc);
      if (anchored) return sc.cs >= lo && sc.cs < hi && from(sc, low, 0, sc.cs);
      // (the first element alone rules most tokens out)
      for (let i = lo; i < hi; i++) if ((first.optional || first.test(sc, i, low)) && from(sc, low, 0, i)) return true;
      return false;
    },
  };
}
