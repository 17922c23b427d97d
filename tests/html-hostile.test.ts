import { describe, expect, it } from 'vitest';
import { extractHtml } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';

const withDate = (date: string): string =>
  `<html><head><meta property="article:published_time" content="${date}"></head><body><p>Talks ended, the minister said.</p></body></html>`;

describe("a page's own invalid publication date", () => {
  it.each(['2016-13-45', '2016-02-30T10:00:00Z', 'Feb 30, 2016', '+050000-01-01T00:00:00Z'])('%s is a W_HTML_DATE diagnostic, not a thrown E_OPTION_VALUE', (date) => {
    const g = extractHtml(withDate(date));
    expectValidGraph(g);
    expect(g.meta).toEqual({ html: { readable: true, title: '', published: date, publishedFrom: 'article:published_time' } });
    expect(g.diagnostics).toEqual([
      { code: 'W_HTML_DATE', message: `The page's publication time ${JSON.stringify(date)} is not a date; relative dates were not resolved against it.` },
    ]);
  });

  it('a valid one still dates the graph', () => {
    expect(extractHtml(withDate('2016-02-29T10:00:00Z')).meta).toEqual({
      published: '2016-02-29T10:00:00.000Z', publishedSource: 'html',
      html: { readable: true, title: '', published: '2016-02-29T10:00:00Z', publishedFrom: 'article:published_time' },
    });
  });
});
