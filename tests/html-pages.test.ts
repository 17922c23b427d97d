/**
 * Issue 14: saved news pages through extractHtml, each asserted whole against its
 * `tests/fixtures/html-pages/<name>.expected.json`: every paragraph of the article text
 * (so its first and last lines, and no furniture between), the title, byline,
 * publication time and outlet, and each article's title, dateline place and credits.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../src/html/index.js';
import { layoutOf } from '../scripts/eval/layout.js';
import { expectValidGraph } from './helpers/graph.js';

const DIR = join(import.meta.dirname, 'fixtures', 'html-pages');
const PAGES = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort().map((f) => f.slice(0, -'.html'.length));

interface ExpectedPage {
  paragraphs: string[];
  title: string | null;
  byline: string | null;
  published: string | null;
  outlet: string | null;
  articles: Array<{ title?: string; dateline: string | null; credits: string[] }>;
}

describe('extractHtml on saved news pages', () => {
  it('has the fixture pages', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(PAGES)('%s', (name) => {
    const g = extractHtml(readFileSync(join(DIR, `${name}.html`), 'utf8'));
    expectValidGraph(g);
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as ExpectedPage;
    const html = g.meta.html as { title?: string; byline?: string } | undefined;
    expect({
      paragraphs: g.text.split('\n\n'),
      title: html?.title ?? null,
      byline: html?.byline ?? null,
      published: g.meta.published ?? null,
      outlet: g.meta.outlet ?? null,
      articles: layoutOf(g).map((a) => ({
        ...(a.title !== undefined ? { title: a.title } : {}),
        dateline: a.dateline?.text ?? null,
        credits: a.credits.map((c) => `${c.role}:${c.name}`),
      })),
    }).toEqual(expected);
    // the text starts at the headline and ends at the story's last line, nothing of the page after it
    expect(g.text.startsWith(expected.paragraphs[0]!)).toBe(true);
    expect(g.text.endsWith(expected.paragraphs[expected.paragraphs.length - 1]!)).toBe(true);
    expect(g.diagnostics.map((d) => d.code)).toEqual([]);
  });
});
