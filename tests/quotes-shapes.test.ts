import { describe, expect, it } from 'vitest';
import { extract, getDefaultPipeline } from '../src/index.js';
import { resolveOptions } from '../src/pipeline/options.js';
import { findAttributions } from '../src/stages/quotes/attribution.js';
import { quoteLexicon } from '../src/stages/quotes/lexicon.js';
import { pairMarks, type Stretch } from '../src/stages/quotes/marks.js';
import type { Shape } from '../src/stages/quotes/shape.js';
import { SHAPES } from '../src/stages/quotes/shapes/index.js';
import { quoteRows, type QuoteRow } from './helpers/quotes.js';

// Issue 12, steps 2 and 8: the shape registry, and each shape's own examples and counter-examples
// read through the shape alone and through extract.

/** What one shape alone finds in a text: [quote content, speaker as written or null, cue as written], in order. */
function alone(shape: Shape, text: string): Array<[string, string | null, string]> {
  const doc = getDefaultPipeline().edit({ drop: ['quotes', 'credits', 'assemble'] }).runDoc(text, resolveOptions(undefined));
  const ctx = { doc, marks: pairMarks(doc), lex: quoteLexicon(), taken: new Set<Stretch>() };
  const span = (a: number, b: number): string => doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end);
  return doc.sentences.flatMap((_, si) =>
    findAttributions(ctx, si, [shape]).flatMap((att) => att.pieces.map((p): [string, string | null, string] => [span(p.first, p.last), att.speaker ? span(att.speaker[0], att.speaker[1]) : null, span(att.cue.first, att.cue.last)])),
  );
}

/** What extract gives: [quote content, speaker mention as written or null, cue as written]. */
const extracted = (text: string): QuoteRow[] => quoteRows(extract(text));

describe('the shape registry', () => {
  it('lists at least ten shapes, each id once, each with examples and counter-examples', () => {
    const ids = SHAPES.map((s) => s.id);
    expect(ids).toEqual(['headline', 'question', 'according-to', 'passive-agent', 'inverted-colon', 'leading-cue', 'trailing-cue', 'dash', 'colon', 'characterization', 'noun-of-saying']);
    for (const s of SHAPES) {
      expect(s.examples.length, s.id).toBeGreaterThan(0);
      expect(s.counterExamples.length, s.id).toBeGreaterThan(0);
      expect(s.trigger.source.length, s.id).toBeGreaterThan(0);
      expect(s.reads.length, s.id).toBeGreaterThan(0);
    }
  });
});

const EXAMPLES = SHAPES.flatMap((shape) => shape.examples.map((ex) => [shape.id, ex.text, shape, ex] as const));
const COUNTER = SHAPES.flatMap((shape) => shape.counterExamples.map((text) => [shape.id, text, shape] as const));

describe('each shape reads its own examples', () => {
  // every quote the example gives, and no other
  it.each(EXAMPLES)('%s: %j alone', (_id, text, shape, ex) => {
    expect(alone(shape, text)).toEqual(ex.quotes);
  });

  it.each(EXAMPLES)('%s: %j through extract', (_id, text, _shape, ex) => {
    expect(extracted(text)).toEqual(ex.quotes);
  });

  // issue 12 step 4: each quote node names the shape that made it
  it.each(EXAMPLES)('%s: %j carries its rule', (id, text, _shape, ex) => {
    const rules = extract(text).nodes.flatMap((n) => (n.type === 'quote' ? [n.rule] : []));
    expect(rules).toEqual(ex.quotes.map(() => ex.rule ?? id));
  });
});

describe('no shape reads its counter-examples', () => {
  it.each(COUNTER)('%s: %j', (_id, text, shape) => {
    expect(alone(shape, text)).toEqual([]);
  });
});
