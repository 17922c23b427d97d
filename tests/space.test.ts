import { describe, expect, it } from 'vitest';
import { checkGraph, extract } from '../src/index.js';
import { trimSpan } from '../src/graph/builder.js';
import { isSpace } from '../src/text/space.js';

// One definition of white space (issue 12, step 7): the tokenizer, the graph builder and
// checkGraph used to read it three ways (`\s` twice, and `\s` plus U+0085 and U+200B).
describe('white space', () => {
  it('is what \\s matches, plus U+0085 and U+200B, over every UTF-16 unit', () => {
    const differs: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const expected = /\s/u.test(String.fromCharCode(c)) || c === 0x85 || c === 0x200b;
      if (isSpace(c) !== expected) differs.push(c.toString(16));
    }
    expect(differs).toEqual([]);
  });

  it('is trimmed from spans by the builder and reported by checkGraph alike', () => {
    expect(trimSpan('\u200b Peskov\u0085', 0, 9)).toEqual([2, 8]);
    const g = extract('Talks ended.');
    const sentence = g.nodes.find((n) => n.type === 'sentence')!;
    const text = `${g.text.slice(0, -1)}\u200b`;
    expect(checkGraph({ ...g, text, nodes: [{ ...sentence, end: text.length }], edges: [] } as typeof g)).toEqual(['s0: span starts or ends with white space']);
  });
});
