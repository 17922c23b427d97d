import { describe, expect, it } from 'vitest';
import { extract, type AnnotationGraph } from '../src/index.js';
import { compareLayout, layoutOf, type ExpectedLayout } from '../scripts/eval/layout.js';
import { loadManifest, readArticle, readExpected } from '../scripts/eval/corpus.js';
import { expectValidGraph } from './helpers/graph.js';

const graphOf = (text: string, options?: Parameters<typeof extract>[1]): AnnotationGraph => {
  const g = extract(text, options);
  expectValidGraph(g);
  return g;
};

/** Each article as [title, outlet, published] and the text of its sentences' first words. */
const articles = (g: AnnotationGraph): Array<[string | undefined, string | undefined, string | undefined]> =>
  layoutOf(g).map((a) => [a.title, a.outlet, a.published]);

const sentenceTexts = (g: AnnotationGraph): string[] => g.nodes.filter((n) => n.type === 'sentence').map((n) => g.text.slice(n.start, n.end));

const PAGE = [
  'Home | News | Sport | Weather',
  'Markets rally as inflation cools',
  'NEW YORK (AP) — Stocks rose on Tuesday after figures showed inflation cooling faster than expected, lifting hopes of a rate cut.',
  'Traders said the mood had turned. — AP',
  '',
  'Comments',
  'Be the first to comment',
  'Related Stories',
  '',
  'The Daily Courier',
  '3 hours ago',
  '- The Daily Courier',
  'Storm closes schools across the region',
  'LEEDS: Hundreds of schools were closed on Wednesday as a storm brought heavy snow and high winds across northern England.',
  'Forecasters expect the snow to ease by Friday. (Reporting by Jane Mills; Editing by Tom Hart)',
].join('\n');

// [what it exercises, input, expected articles as [title, outlet, published]]
const PAGES: Array<[string, string, Array<[string | undefined, string | undefined, string | undefined]>]> = [
  ['a plain article: headline and body', 'Markets rally as inflation cools\nStocks rose on Tuesday after figures showed inflation cooling faster than expected.', [['Markets rally as inflation cools', undefined, undefined]]],
  ['a single paragraph has no headline', 'Stocks rose on Tuesday after figures showed inflation cooling faster than expected.', [[undefined, undefined, undefined]]],
  ['a title printed with a full stop, then a blank line', 'Obama Power Plant Rules Face Key Test In U.S. Court.\n\nThe centerpiece of the strategy faces a key test on Tuesday in a federal appeals court in Washington.', [['Obama Power Plant Rules Face Key Test In U.S. Court.', undefined, undefined]]],
  ['a page of two stories with furniture between', PAGE, [['Markets rally as inflation cools', undefined, undefined], ['Storm closes schools across the region', 'The Daily Courier', '3 hours ago']]],
  ['a headline ending in a semicolon goes on in its deck', 'Jobs report gives Democrats a lift; \nSolid upturn, with a rise in hourly earnings, could blunt Republican claims.\n\nThe economy added 271,000 jobs in October, the Labor Department said on Friday, well above forecasts.', [['Jobs report gives Democrats a lift; Solid upturn, with a rise in hourly earnings, could blunt Republican claims.', undefined, undefined]]],
  ['a photo credit and caption inside an article open no new article', 'Senate returns to gun debate\nThe Senate returned on Thursday to a debate over gun sales after the attack, with both parties proposing measures.\nASSOCIATED PRESS.\nPresident Barack Obama Shakes Hands With Sen. Marco Rubio On The Tarmac In Orlando.\nThe massacre put pressure on Congress to act, and senators from both parties said they would meet again on Monday.', [['Senate returns to gun debate', undefined, undefined]]],
  ['outlet names inside a running article are its lines', 'Sanders told a reporter not to moan\nSanders spoke to the reporter on Tuesday and was criticised by several commentators across the country.\nThe Times.\nSeveral papers covered the exchange at length over the following days, with mixed reactions from readers.', [['Sanders told a reporter not to moan', undefined, undefined]]],
  ['an agency line over the headline closes nothing', 'REUTERS\nMarkets rally as inflation cools\nStocks rose on Tuesday after figures showed inflation cooling faster than expected.', [['Markets rally as inflation cools', undefined, undefined]]],
  ['an outlet from the lexicon with a dated header', 'The Guardian\nUpdated: 26 Nov 2025\nStorm closes schools\nLEEDS: Hundreds of schools were closed on Wednesday as a storm brought heavy snow and high winds.', [['Storm closes schools', 'The Guardian', 'Updated: 26 Nov 2025']]],
];

describe('layout: articles on a page', () => {
  it.each(PAGES)('%s', (_what, input, expected) => {
    expect(articles(graphOf(input))).toEqual(expected);
  });

  it('gives furniture, outlet and timestamp lines no sentences', () => {
    const found = sentenceTexts(graphOf(PAGE));
    for (const line of ['Home | News | Sport | Weather', 'Comments', 'Be the first to comment', 'Related Stories', 'The Daily Courier', '3 hours ago', '- The Daily Courier']) {
      expect(found).not.toContain(line);
    }
    expect(found).toContain('Storm closes schools across the region');
  });

  it('ties every sentence to its article', () => {
    const g = graphOf(PAGE);
    const partOf = new Map(g.edges.filter((e) => e.type === 'partOf').map((e) => [e.from, e.to]));
    const ids = g.nodes.filter((n) => n.type === 'article').map((n) => n.id);
    const bySentence = g.nodes.filter((n) => n.type === 'sentence').map((n) => [g.text.slice(n.start, n.end).slice(0, 20), partOf.get(n.id)]);
    expect(bySentence).toContainEqual(['Markets rally as inf', ids[0]]);
    expect(bySentence).toContainEqual(['LEEDS: Hundreds of s', ids[1]]);
  });

  it('resolves a relative timestamp against the page time and uses a stated date as reference', () => {
    const g = graphOf('The Daily Courier\n3 hours ago\nStorm closes schools\nLEEDS: Hundreds of schools were closed on Wednesday as a storm brought heavy snow and high winds.', { published: '2025-11-26T12:00:00Z' });
    expect(g.nodes.find((n) => n.type === 'article')).toMatchObject({ published: '3 hours ago', publishedValue: '2025-11-26T09:00Z' });
    const stated = graphOf('Updated: 26 Nov 2025\nStorm closes schools\nLEEDS: Hundreds of schools were closed on Wednesday as a storm brought heavy snow and high winds.');
    expect(stated.meta).toMatchObject({ published: '2025-11-26', publishedSource: 'document' });
  });

  it('reflows hard-wrapped paragraphs', () => {
    const text = [
      'Kenyan tea growers threaten to withhold leaf',
      '',
      'NAIROBI, Nov 24 (Reuters) - Thousands of small-scale tea farmers in',
      "Kenya's central highlands said on Tuesday they would stop delivering",
      'leaf to state-linked factories from next month unless the government',
      'opened an inquiry into prices at the Mombasa auction.',
    ].join('\n');
    expect(sentenceTexts(graphOf(text))).toHaveLength(2);
  });

  it('takes bad input without crashing', () => {
    for (const input of ['', '\n\n\n', '- \n|\n— ', '(Reporting by', 'By', '2 hours ago', 'Comments\nRelated Articles', '\u2028\u2029', 'A'.repeat(5000)]) {
      expect(() => graphOf(input)).not.toThrow();
    }
  });
});

describe('layout: the test corpus', () => {
  const entries = loadManifest().filter((e) => readExpected<ExpectedLayout>(e.id, 'layout') !== undefined);
  it.each(entries.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const expected = readExpected<ExpectedLayout>(entry.id, 'layout')!;
    const graph = graphOf(readArticle(entry), entry.published ? { published: entry.published } : undefined);
    const { problems } = compareLayout(expected, layoutOf(graph), graph);
    expect(problems).toEqual([]);
  });

  it('has the seed page as four articles', () => {
    const entry = loadManifest().find((e) => e.id === 'daily8-russia-ukraine-page')!;
    const g = graphOf(readArticle(entry));
    expect(layoutOf(g).map((a) => [a.title?.slice(0, 30), a.outlet, a.dateline?.text])).toEqual([
      ['Russia warns Ukraine security ', undefined, undefined],
      ['Former CIA director Burns call', 'New Straits Times', 'WASHINGTON'],
      ['Russia bars entry to 21 people', 'The Star', 'MOSCOW'],
      ['Military drone suspected in ov', 'The Sun', 'WARSAW'],
    ]);
  });
});
