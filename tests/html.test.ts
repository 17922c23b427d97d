import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../src/html/index.js';
import { layoutOf } from '../scripts/eval/layout.js';
import { expectValidGraph } from './helpers/graph.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', 'html', name), 'utf8');

describe('extractHtml', () => {
  it('reads the article of a page with navigation, a figure, related links and a footer', () => {
    const g = extractHtml(fixture('courier-storm.html'));
    expectValidGraph(g);
    expect(g.text.split('\n\n')).toEqual([
      'Storm closes schools across the north',
      'By Jane Mills',
      'LEEDS: Hundreds of schools were closed on Wednesday as a storm brought heavy snow and high winds across northern England, officials said.',
      '"We have never seen anything like it," said head teacher Sarah Cole, whose school in Otley lost part of its roof overnight.',
      'Forecasters expect the snow to ease by Friday, but warned that roads across the Pennines would stay dangerous until the weekend.',
      'The council said it would decide on Thursday whether schools could reopen, and that bus services would resume once roads had been gritted.',
    ]);
    expect(g.meta).toMatchObject({
      published: '2025-11-26T08:30:00.000Z',
      publishedSource: 'html',
      outlet: 'The Daily Courier',
      html: { title: 'Storm closes schools across the north', byline: 'Jane Mills', siteName: 'The Daily Courier', publishedFrom: 'article:published_time', readable: true },
    });
    const [article] = layoutOf(g);
    expect(article).toMatchObject({ title: 'Storm closes schools across the north', outlet: 'The Daily Courier', dateline: { text: 'LEEDS' } });
    expect(article!.credits).toEqual([{ role: 'byline', name: 'Jane Mills' }]);
  });

  it('resolves relative dates against the page time', () => {
    const g = extractHtml(fixture('courier-storm.html'));
    const dates = g.nodes.flatMap((n) => (n.type === 'date' ? [[n.text, n.value]] : []));
    expect(dates).toEqual([['Wednesday', '2025-11-26'], ['Friday', '2025-11-28'], ['Thursday', '2025-11-27']]);
  });

  it('takes the publication time and headline from JSON-LD NewsArticle in @graph', () => {
    const g = extractHtml(fixture('wire-jsonld.html'));
    expectValidGraph(g);
    expect(g.meta).toMatchObject({ published: '2025-11-25T07:15:00.000Z', publishedSource: 'html', html: { publishedFrom: 'json-ld', siteName: 'World News Now' } });
    expect(g.text.startsWith('Kremlin says grain corridor talks to resume next week\n\nBy Dmitri Ostashkevich\n\nMOSCOW (Reuters) - Russia said')).toBe(true);
    const [article] = layoutOf(g);
    expect(article?.dateline?.text).toBe('MOSCOW');
    expect(article?.credits.map((c) => `${c.role}:${c.name}`).sort()).toEqual(['agency:Reuters', 'byline:Dmitri Ostashkevich', 'editing:Tobias Fenwick-Olumide', 'reporting:Dmitri Ostashkevich']);
  });

  it("lets the caller's options win over the page's", () => {
    const g = extractHtml(fixture('courier-storm.html'), { published: '2025-12-01', outlet: 'Syndicated' });
    expect(g.meta).toMatchObject({ published: '2025-12-01', publishedSource: 'options', outlet: 'Syndicated' });
  });

  it('reports a page with no article and an unreadable date instead of failing', () => {
    const g = extractHtml(fixture('no-article.html'));
    expectValidGraph(g);
    expect(g.diagnostics.map((d) => d.code)).toContain('W_HTML_DATE');
    expect(g.meta.published).toBeUndefined();
  });

  it('reads a fragment and empty input', () => {
    const g = extractHtml('<p>WARSAW: Police said on Monday that the blast was caused by a drone.</p>');
    expectValidGraph(g);
    expect(g.text).toBe('WARSAW: Police said on Monday that the blast was caused by a drone.');
    const empty = extractHtml('');
    expectValidGraph(empty);
    expect(empty.diagnostics.map((d) => d.code)).toEqual(['W_HTML_NO_TEXT']);
  });

  it('throws a coded error for a non-string', () => {
    expect(() => extractHtml(42 as unknown as string)).toThrow(/E_TEXT_TYPE/);
  });
});
