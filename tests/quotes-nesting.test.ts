import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { MAX_QUOTE_DEPTH } from '../src/stages/quotes/nesting.js';

// Issue 17.17: "Smith said that " × N nested each attribution's words in the one before, and
// each quote node repeats its words: the graph was 65 times its input at N = 1,000.

const quotes = (text: string): Array<[number, number, string, string]> =>
  extract(text).nodes.flatMap((n) => (n.type === 'quote' ? [[n.start, n.end, n.text, n.form] as [number, number, string, string]] : []));

describe('quote nesting is bounded (17.17)', () => {
  it('four levels of nested attributions are all kept', () => {
    const text = 'Smith said that Jones said that Brown said that Green said that taxes will fall.';
    expect(quotes(text)).toEqual([
      [16, 79, 'Jones said that Brown said that Green said that taxes will fall', 'indirect'],
      [32, 79, 'Brown said that Green said that taxes will fall', 'indirect'],
      [48, 79, 'Green said that taxes will fall', 'indirect'],
      [64, 79, 'taxes will fall', 'indirect'],
    ]);
    expect(extract(text).diagnostics).toEqual([]);
  });

  it('quotes nested deeper than MAX_QUOTE_DEPTH are left out, with a diagnostic over their words', () => {
    expect(MAX_QUOTE_DEPTH).toBe(3);
    const text = 'Smith said that Jones said that Brown said that Green said that White said that Black said that taxes will fall.';
    expect(quotes(text)).toEqual([
      [16, 111, 'Jones said that Brown said that Green said that White said that Black said that taxes will fall', 'indirect'],
      [32, 111, 'Brown said that Green said that White said that Black said that taxes will fall', 'indirect'],
      [48, 111, 'Green said that White said that Black said that taxes will fall', 'indirect'],
      [64, 111, 'White said that Black said that taxes will fall', 'indirect'],
    ]);
    expect(extract(text).diagnostics).toEqual([{
      code: 'quote-nesting-cut',
      severity: 'warning',
      stage: 'quotes',
      message: '2 quotes nested more than 3 deep inside other quotes of the sentence were left out (each quote repeats the words of those inside it)',
      start: 80,
      end: 111,
    }]);
  });

  // The bound: a graph at most 16 times its input for this shape (PolNeAR train + dev graphs:
  // at most 10.7 times, median 5.7). What is left is a person mention and its mentionOf edge for
  // every "Smith" (about 8 times the input) and at most four quotes' words for each sentence.
  it.each([1_000, 20_000])('"Smith said that " × %i gives a graph at most 16 times its input, a diagnostic a sentence', (n) => {
    const text = 'Smith said that '.repeat(n);
    const g = extract(text);
    const ratio = JSON.stringify(g).length / text.length;
    expect(ratio).toBeLessThan(16);
    expect(ratio).toBeGreaterThan(12);
    const sentences = g.nodes.filter((x) => x.type === 'sentence').length;
    expect(g.nodes.filter((x) => x.type === 'quote')).toHaveLength(4 * sentences);
    expect(g.diagnostics.filter((d) => d.code === 'quote-nesting-cut')).toHaveLength(sentences);
    expect(g.diagnostics.map((d) => d.code).filter((c) => c !== 'quote-nesting-cut')).toEqual(['sentence-too-long']);
  });
});
