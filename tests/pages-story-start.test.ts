import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract } from '../src/index.js';
import { layoutOf } from '../scripts/eval/layout.js';
import { expectValidGraph } from './helpers/graph.js';

const codes = (text: string): string[] => {
  const g = extract(text);
  expectValidGraph(g);
  return g.diagnostics.map((d) => d.code);
};

const BODY = 'Officials said the talks would resume after a pause of several weeks, and that both sides had agreed.';

describe('layout: a page with no recognisable story start', () => {
  // [what, input, whether the layout-no-story diagnostic is given]
  const CASES: Array<[string, string, boolean]> = [
    ['furniture and short lines only', 'Save Story\nLeer en español\nShare this article\nMarkets rally\nStocks up', true],
    ['a navigation bar over a headline', 'Home | World | Business\nMarkets rally as inflation cools', true],
    ['furniture above a dateline', `Save Story\nLeer en español\nSAN DIEGO (AP) — Fires spread.`, false],
    ['furniture above a paragraph of running text', `Share this article\n${BODY}`, false],
    ['a short text with no furniture', 'Markets rally', false],
    ['the seed page', readFileSync(new URL('../test-corpus/articles/daily8-russia-ukraine-page.txt', import.meta.url), 'utf8'), false],
  ];
  it.each(CASES)('%s', (_what, input, diagnosed) => {
    expect(codes(input).filter((c) => c === 'layout-no-story')).toEqual(diagnosed ? ['layout-no-story'] : []);
  });
});

describe('layout: a credit glued to the page text after it', () => {
  it('cuts the glued word, so the credit names the whole person and the rest is furniture', () => {
    const text = `${BODY}\nReporting by David Milliken; Editing by Andrew HeavensOur Standards: The Thomson Reuters Trust Principles.`;
    const g = extract(text);
    expectValidGraph(g);
    const [article] = layoutOf(g);
    expect(article?.credits.map((c) => `${c.role}:${c.name}`)).toEqual(['reporting:David Milliken', 'editing:Andrew Heavens']);
    expect(g.text.slice(article!.start, article!.end).endsWith('Andrew Heavens')).toBe(true);
    const sentences = g.nodes.filter((n) => n.type === 'sentence').map((n) => g.text.slice(n.start, n.end));
    expect(sentences).toEqual([BODY, 'Reporting by David Milliken; Editing by Andrew Heavens']);
  });

  it('leaves names with capitals inside them whole', () => {
    const g = extract(`${BODY}\nReporting by Ian McDonald; Editing by Kathy DeSantis`);
    expect(layoutOf(g)[0]?.credits.map((c) => `${c.role}:${c.name}`)).toEqual(['reporting:Ian McDonald', 'editing:Kathy DeSantis']);
  });
});
