import { describe, expect, it } from 'vitest';
import { getDefaultPipeline } from '../src/index.js';
import { resolveOptions } from '../src/pipeline/options.js';
import { quoteLexicon } from '../src/stages/quotes/lexicon.js';
import { pairMarks, type Stretch } from '../src/stages/quotes/marks.js';
import { SHAPES } from '../src/stages/quotes/shapes/index.js';
import { compileTrigger, type TriggerScope } from '../src/stages/quotes/trigger.js';
import type { FindContext } from '../src/stages/quotes/types.js';

// Issue 12 step 2: a shape's trigger is a token pattern compiled once (src/stages/quotes/trigger.ts).

function contextOf(text: string): FindContext {
  const doc = getDefaultPipeline().edit({ drop: ['quotes', 'credits', 'assemble'] }).runDoc(text, resolveOptions(undefined));
  return { doc, marks: pairMarks(doc), lex: quoteLexicon(), taken: new Set<Stretch>() };
}

/** The tokens (by text) at which the pattern matches in the text's first sentence. */
function matches(pattern: string, text: string): string[] {
  const ctx = contextOf(text);
  const s = ctx.doc.sentences[0]!;
  const scope: TriggerScope = { ctx, cs: s.first, hi: s.last };
  const t = compileTrigger(pattern);
  const out: string[] = [];
  for (let i = s.first; i < s.last; i++) if (t.at(scope, i)) out.push(`${i}:${ctx.doc.tokens[i]!.text}`);
  return out;
}

describe('trigger patterns', () => {
  it('match words, alternatives, optional elements and quotation marks', () => {
    expect(matches('as (a|an|the)? @open', 'Reid has been pounding Trump as a "con artist" for weeks.')).toEqual(['5:as']);
    expect(matches('as (a|an|the)? @open', 'He is known as the fixer in Washington.')).toEqual([]);
    expect(matches('":" @open', 'Kasich resisted: "Ohio governors do not have the power."')).toEqual(['2::']);
    expect(matches('@close (","|".")? @dash', '"We will win the vote." \u2014 Anna Kowalska')).toEqual(['7:"']);
  });

  it('match cues by kind and flag, parts of speech, nouns of saying, and the clause start', () => {
    expect(matches('@cue:source-after', 'Prices will rise next year, according to the ministry.')).toEqual(['6:according']);
    expect(matches('@cue+question-unnamed', 'Asked about the merger, Smith said nothing.')).toEqual(['0:Asked']);
    expect(matches('@cue', 'Asked about the merger, Smith said nothing.')).toEqual(['0:Asked', '6:said']);
    expect(matches('^ @cue', 'Asked about the merger, Smith said nothing.')).toEqual(['0:Asked']);
    expect(matches('#PROPN @cue', 'Asked about the merger, Smith said nothing.')).toEqual(['5:Smith']);
    expect(matches('@noun-of-saying (that|to)', 'The mayor renewed her warning that prices would rise.')).toEqual(['4:warning']);
    expect(matches('. .', 'Yes.')).toEqual(['0:Yes']);
  });

  it('refuse what they cannot read', () => {
    expect(() => compileTrigger('@cue:shouting')).toThrow(/no cue kind "shouting"/);
    expect(() => compileTrigger('@cue+loud')).toThrow(/defines no flag "loud"/);
    expect(() => compileTrigger('@verbish')).toThrow(/no predicate @verbish/);
    expect(() => compileTrigger('#noun')).toThrow(/in capitals/);
    expect(() => compileTrigger('a|b')).toThrow(/cannot read/);
    expect(() => compileTrigger('^')).toThrow(/no elements/);
  });
});

describe('each shape’s trigger', () => {
  const EXAMPLES = SHAPES.flatMap((shape) => shape.examples.map((ex) => [shape.id, ex.text, shape] as const));
  // a shape is read only where its trigger matches, so the trigger must match every example
  it.each(EXAMPLES)('%s: matches %j', (_id, text, shape) => {
    const ctx = contextOf(text);
    const hit = ctx.doc.sentences.some((s) => shape.trigger.within({ ctx, cs: s.first, hi: s.last }, s.first, s.last));
    expect(hit).toBe(true);
  });
});
