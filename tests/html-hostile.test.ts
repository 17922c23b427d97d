import { describe, expect, it } from 'vitest';
import { extractHtml } from '../src/html/index.js';
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
      { code: 'W_HTML_DATE', severity: 'warning', stage: 'html', message: `The page's publication time ${JSON.stringify(date)} is not a date; relative dates were not resolved against it.` },
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
      { code: 'W_HTML_DEEP', severity: 'warning', stage: 'html', message: 'The page nests elements more than 100 levels deep; the tags of 8002 elements below level 1000 were taken out (their text kept), its article was not looked for and its whole body was read.' },
    ]);
  });

  it('a page nested 20,000 levels deep keeps every paragraph exactly, above and below the bound, in order', () => {
    // a paragraph at levels 1, 500, 999, 1,000, 1,001, 5,000 and 19,999, the sentence at the bottom, a closing one after
    const at = new Set([1, 500, 999, 1000, 1001, 5000, 19_999]);
    let html = '';
    for (let level = 1; level <= 20_000; level++) html += at.has(level) ? `<div><p>Level ${level} was read.</p>` : '<div>';
    html = `<html><head><title>Deep page</title></head><body>${html}<p>${SENTENCE}</p>${'</div>'.repeat(20_000)}<p>The end was read.</p></body></html>`;
    const g = extractHtml(html);
    expectValidGraph(g);
    expect(g.text).toBe(['Deep page', ...[...at].map((l) => `Level ${l} was read.`), SENTENCE, 'The end was read.'].join('\n\n'));
    expect(g.diagnostics.map((d) => d.code)).toEqual(['W_HTML_DEEP']);
    expect(g.diagnostics[0]!.message).toContain('the tags of 19002 elements below level 1000 were taken out');
    expect(g.meta.html).toMatchObject({ readable: false });
  });

  it('unclosed inline elements 20,000 deep keep the text before and inside them', () => {
    const g = extractHtml(`<html><body><p>${SENTENCE}</p>${'<b>'.repeat(20_000)}The rest was read.</body></html>`);
    expectValidGraph(g);
    expect(g.text).toBe(`${SENTENCE}\n\nThe rest was read.`);
    expect(g.diagnostics.map((d) => d.code)).toEqual(['W_HTML_DEEP']);
    // <html> and <body> are two of the 1,000 levels kept
    expect(g.diagnostics[0]!.message).toContain('the tags of 19002 elements below level 1000 were taken out');
  });

  it('a page 90 levels deep is read by Readability as it is, with no diagnostic; 150 levels deep, whole', () => {
    const g = extractHtml(HOSTILE_SHAPES.deep!(11 * 90));
    expect(g.text).toBe(`Talks end\n\n${SENTENCE}`);
    expect(g.diagnostics).toEqual([]);
    expect(g.meta.html).toMatchObject({ readable: true });
    const deeper = extractHtml(HOSTILE_SHAPES.deep!(11 * 150));
    expect(deeper.text).toBe(`Talks end\n\n${SENTENCE}`);
    expect(deeper.diagnostics).toEqual([
      { code: 'W_HTML_DEEP', severity: 'warning', stage: 'html', message: 'The page nests elements more than 100 levels deep; its article was not looked for and its whole body was read.' },
    ]);
    expect(deeper.meta.html).toMatchObject({ readable: false });
  });

  it('comments by the thousand are dropped and the paragraphs around them kept', () => {
    const g = extractHtml(`<html><body><p>${SENTENCE}</p>${'<!--c-->'.repeat(5000)}<p>The talks will resume in March, officials said.</p><!-- unclosed`);
    expectValidGraph(g);
    expect(g.text).toBe(`${SENTENCE}\n\nThe talks will resume in March, officials said.`);
    expect(g.diagnostics).toEqual([]);
  });

  it('markup inside scripts, styles and attribute values is no nesting and no comment', () => {
    const html = `<html><head><style>p > b { x: "<!--" }</style></head><body><p title="a > <b> <!-- c">${SENTENCE}</p><script>var s = "<div><!--";</script><p>Officials said the talks would resume.</p></body></html>`;
    const g = extractHtml(html);
    expect(g.text).toBe(`${SENTENCE}\n\nOfficials said the talks would resume.`);
    expect(g.diagnostics).toEqual([]);
  });

  it('an element with more children than Readability is given: its whole body read, every child kept, W_HTML_WIDE', () => {
    const g = extractHtml(`<html><body><header>Printed in Geneva</header><p>${SENTENCE}</p><div>${'<span>x</span> '.repeat(2500)}</div></body></html>`);
    expectValidGraph(g);
    const paragraphs = g.text.split('\n\n');
    expect(paragraphs.slice(0, 2)).toEqual(['Printed in Geneva', SENTENCE]);
    expect(paragraphs[2]!.split(' ')).toEqual(Array<string>(2500).fill('x'));
    expect(g.diagnostics.map((d) => d.code)).toEqual(['sentence-too-long', 'W_HTML_WIDE']);
    expect(g.diagnostics[1]).toEqual({ code: 'W_HTML_WIDE', severity: 'warning', stage: 'html', message: 'An element of the page holds more than 2000 children; its article was not looked for and its whole body was read.' });
  });

  it('entities by the thousand: one text, every one decoded', () => {
    const g = extractHtml(`<html><body><p>${SENTENCE}</p><p>${'a &amp; '.repeat(3000)}b</p></body></html>`);
    expect(g.text).toBe(`${SENTENCE}\n\n${'a & '.repeat(3000)}b`);
  });

  it('many children of one element: every line of a <br> run and every <div> is read', () => {
    const br = extractHtml(`<html><body><p>${SENTENCE}</p><p>${'word<br>'.repeat(3000)}</p></body></html>`);
    expect(br.text.split('\n\n')).toEqual([SENTENCE, ...Array<string>(3000).fill('word')]);
    const divs = extractHtml(`<html><body><p>${SENTENCE}</p>${'<div>x</div>'.repeat(3000)}</body></html>`);
    expect(divs.text.split('\n\n')).toEqual([SENTENCE, ...Array<string>(3000).fill('x')]);
  });
});
