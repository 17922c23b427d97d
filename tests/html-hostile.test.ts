import { describe, expect, it } from 'vitest';
import { extractHtml } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';
import { HOSTILE_SHAPES, SENTENCE } from './helpers/hostile-html.js';

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

describe('hostile page shapes keep their text', () => {
  it('a page nested 9,000 levels deep keeps its sentence, with a W_HTML_DEEP diagnostic', () => {
    const g = extractHtml(HOSTILE_SHAPES.deep!(99_000));
    expectValidGraph(g);
    expect(g.text).toBe(`Talks end\n\n${SENTENCE}`);
    expect(g.diagnostics).toEqual([
      { code: 'W_HTML_DEEP', message: 'The page nests elements more than 1000 levels deep; its article was not looked for and its whole body was read.' },
    ]);
  });

  it('many children of one element: every line of a <br> run and every <div> is read', () => {
    const br = extractHtml(`<html><body><p>${SENTENCE}</p><p>${'word<br>'.repeat(3000)}</p></body></html>`);
    expect(br.text.split('\n\n')).toEqual([SENTENCE, ...Array<string>(3000).fill('word')]);
    const divs = extractHtml(`<html><body><p>${SENTENCE}</p>${'<div>x</div>'.repeat(3000)}</body></html>`);
    expect(divs.text.split('\n\n')).toEqual([SENTENCE, ...Array<string>(3000).fill('x')]);
  });
});
