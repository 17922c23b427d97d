import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { writtenDatesFit } from '../src/text/written-date.js';
import { expectValidGraph } from './helpers/graph.js';

/** The articles and date mentions of a graph, and its meta: what a date that is no date could leak into. */
function datesOf(text: string): { meta: object; nodes: object[] } {
  const g = extract(text);
  expectValidGraph(g);
  return { meta: g.meta, nodes: g.nodes.filter((n) => n.type === 'article' || n.type === 'date') };
}

const page = (line: string): string => `Talks ended.\n${line}\n\nThe minister said it was over.`;

describe('dates are calendar dates everywhere in the pipeline', () => {
  it.each([
    ['2016-13-45'],
    ['2016-02-30'],
    ['Published: 2016-13-01'],
    ['2016-11-08T25:10Z'],
  ])('a timestamp line %s is not a date: no published time, no date mention', (line) => {
    expect(datesOf(page(line))).toEqual({ meta: {}, nodes: [{ id: 'a0', type: 'article', start: 0, end: page(line).length }] });
  });

  it('a timestamp line "November 45, 2016" does not become 2045-11; its year is still a year', () => {
    expect(datesOf(page('November 45, 2016'))).toEqual({
      meta: {},
      nodes: [
        { id: 'a0', type: 'article', start: 0, end: 62 },
        { id: 'm0', type: 'date', start: 26, end: 30, text: '2016', form: 'name', value: '2016' },
      ],
    });
  });

  // the timestamp under the headline stays in the headline's article (issue 14: a timestamp line does not split a page's story)
  it('a real timestamp line still dates the article', () => {
    expect(datesOf(page('Published: 2016-11-30'))).toEqual({
      meta: { published: '2016-11-30', publishedSource: 'document' },
      nodes: [
        { id: 'a0', type: 'article', start: 0, end: 66, title: 'Talks ended.', published: 'Published: 2016-11-30', publishedValue: '2016-11-30' },
        { id: 'm0', type: 'date', start: 24, end: 34, text: '2016-11-30', form: 'name', value: '2016-11-30' },
      ],
    });
  });

  it.each([
    ['The talks ended on 2016-13-01, he said.', []],
    ['The talks ended on November 45, 2016, he said.', [{ id: 'm0', type: 'date', start: 32, end: 36, text: '2016', form: 'name', value: '2016' }]],
    ['The talks ended on November 4, 2016, he said.', [{ id: 'm0', type: 'date', start: 19, end: 35, text: 'November 4, 2016', form: 'name', value: '2016-11-04' }]],
  ])('in a sentence, %s', (text, dates) => {
    expect(datesOf(text).nodes.slice(1)).toEqual(dates);
  });

  it('writtenDatesFit refuses what chrono and Date.parse would repair', () => {
    const fits = ['2016-02-29', 'November 4, 2016', 'Nov. 30', 'Feb 29', '3 March 2016', 'March 2016', 'Tue, 08 Nov 2016 10:00:00 GMT'];
    const not = ['2016-13-45', '2016-02-30', '2015-02-29', 'Published: 2016-13-01', 'November 45, 2016', 'Feb 30, 2016', '30 February 2016', 'May 123', 'Nov 8, 3016'];
    expect(fits.filter((s) => !writtenDatesFit(s))).toEqual([]);
    expect(not.filter((s) => writtenDatesFit(s))).toEqual([]);
  });
});
