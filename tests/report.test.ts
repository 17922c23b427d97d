import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../src/cli/report/page.js';
import { openIndex } from '../src/store/db.js';
import { Indexer } from '../src/store/indexer.js';
import { reportData } from '../src/store/report.js';
import { expectValidGraph } from './helpers/graph.js';
import { quoteGraph } from './index-db.helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const LAVROV = { name: 'Sergei Lavrov', aliases: ['Lavrov'], roles: ['foreign minister'] };

const GRAPHS = [
  quoteGraph('moscow/talks.txt', 'Lavrov rejects guarantees', '2022-03-01', [
    { quote: 'Security guarantees must cover Russia too', says: 'Sergei Lavrov', entity: LAVROV },
    { quote: 'The talks are not over', says: 'he', entity: LAVROV },
  ]),
  quoteGraph('moscow/later.txt', 'Lavrov again', '2022-05-15', [
    { quote: 'Guarantees are a matter for all sides', says: 'Lavrov', entity: { name: 'Lavrov', aliases: [] } },
  ]),
  quoteGraph('warsaw/blast.txt', 'Blast near Warsaw <b>', '2022-04-20', [
    { quote: 'No casualties resulted', says: 'Grzegorz Trusiewicz', entity: { name: 'Grzegorz Trusiewicz', aliases: ['Trusiewicz'], roles: ['regional prosecutor'] } },
    { quote: 'It was a <script>alert(1)</script> test of nerves', says: 'police' },
  ]),
  quoteGraph('warsaw/inquiry.txt', 'Inquiry into the blast', '2022-04-22', [
    { quote: 'the inquiry would take weeks', says: 'Trusiewicz', entity: { name: 'Trusiewicz', aliases: [] }, form: 'indirect' },
  ]),
];

let dir: string;
let html: string;

beforeAll(() => {
  for (const g of GRAPHS) expectValidGraph(g);
  dir = mkdtempSync(join(tmpdir(), 'quotegraph-report-'));
  const db = openIndex(join(dir, 'index.db'));
  const indexer = new Indexer(db);
  for (const g of GRAPHS) indexer.add(g);
  indexer.finish();
  html = renderReport(reportData(db, 100));
  db.close();
  writeFileSync(join(dir, 'report.html'), html);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report page, as a file', () => {
  it('is self-contained: no external script, style, image or link', () => {
    expect(html).not.toMatch(/<(?:script|img|link|iframe)[^>]+(?:src|href)=/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('embeds the data so that text cannot close its script element', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('report page in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const speakerNames = (): Promise<string[]> => page.locator('section.speaker .name').allTextContents();

  it('opens with no script error and no network request', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('ranks speakers by number of quotes, with roles', async () => {
    expect(await speakerNames()).toEqual(['Sergei Lavrov', 'Grzegorz Trusiewicz', 'police']);
    expect(await page.locator('section.speaker').first().locator('.roles').textContent()).toBe('foreign minister');
    expect(await page.locator('section.speaker').first().locator('.count').textContent()).toBe('3 quotes');
  });

  it('draws a timeline for a speaker whose quotes have dates', async () => {
    expect(await page.locator('section.speaker').first().locator('svg.timeline title').allTextContents()).toEqual(['2022-03: 2 quotes', '2022-04: 0 quotes', '2022-05: 1 quote']);
    expect(await page.locator('section.speaker').nth(1).locator('svg.timeline title').allTextContents()).toEqual(['2022-04-20: 1 quote', '2022-04-21: 0 quotes', '2022-04-22: 1 quote']);
  });

  it('links each quote to its document', async () => {
    const link = page.locator('section.speaker').nth(1).locator('a.src').first();
    expect(await link.textContent()).toBe('Blast near Warsaw <b> · 2022-04-20');
    const href = (await link.getAttribute('href'))!;
    expect(await page.locator(`${href} strong`).textContent()).toBe('Blast near Warsaw <b>');
  });

  it('puts direct speech in quotation marks, reported speech not', async () => {
    expect(await page.locator('section.speaker').nth(1).locator('.quote .text').allTextContents()).toEqual(['\u201cNo casualties resulted\u201d', 'the inquiry would take weeks']);
    expect(await page.locator('section.speaker').nth(1).locator('.quote .form').allTextContents()).toEqual(['indirect']);
  });

  it('shows markup in quotes as text, never runs it', async () => {
    expect(await page.locator('section.speaker').nth(2).locator('.quote .text').textContent()).toBe('\u201cIt was a <script>alert(1)</script> test of nerves\u201d');
  });

  // [typed into the search box, speakers shown, quotes shown, status line]
  const SEARCHES: Array<[string, string[], number, string]> = [
    ['guarantees', ['Sergei Lavrov'], 2, '2 quotes from 1 speaker match'],
    ['prosecutor', ['Grzegorz Trusiewicz'], 2, '2 quotes from 1 speaker match'],
    ['TALKS lavrov', ['Sergei Lavrov'], 1, '1 quote from 1 speaker match'],
    ['zebra', [], 0, '0 quotes from 0 speakers match'],
  ];

  it.each(SEARCHES)('filters the page as %j is typed', async (query, speakers, quotes, status) => {
    await page.fill('#search', '');
    await page.locator('#search').pressSequentially(query, { delay: 10 });
    await expect.poll(() => page.locator('#speakers').getAttribute('data-query')).toBe(query);
    expect(await page.locator('#status').textContent()).toBe(status);
    expect(await speakerNames()).toEqual(speakers);
    expect(await page.locator('li.quote').count()).toBe(quotes);
    if (query === 'guarantees') {
      expect(await page.locator('li.quote mark').allTextContents()).toEqual(['guarantees', 'Guarantees']);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'report-search.png'), fullPage: true });
      expect(readFileSync(join(ARTIFACTS, 'report-search.png')).subarray(1, 4).toString()).toBe('PNG');
    }
  });
});
