import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { openIndex, type IndexDb } from '../src/store/db.js';
import { HOSTILE, buildServeIndex } from './serve.helpers.js';

// The web app of quotegraph serve in headless Chromium (issue 15): search, the next page, a
// speaker page, a document page with its quote highlighted, hostile text shown as text.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-serve-web-'));

describe.skipIf(!existsSync(CHROMIUM))('the web app in headless Chromium', () => {
  let db: IndexDb;
  let server: ServerType;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const elsewhere: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    buildServeIndex(join(tmp, 'quotes.db'));
    db = openIndex(join(tmp, 'quotes.db'), { readonly: true });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: createApp(db).fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) elsewhere.push(r.url());
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    db?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const hits = (): Promise<string[]> => page.locator('li.hit .quote').allTextContents();

  it('opens on every quote, newest first; direct quotes in quotation marks, indirect ones without', async () => {
    await page.goto(`${origin}/`);
    await page.locator('li.hit').first().waitFor();
    expect(await page.locator('.total').textContent()).toBe('4 quotes, 1–4 shown');
    expect(await hits()).toEqual(['“No casualties resulted”', HOSTILE, '“Security guarantees must cover Russia too”', '“The talks are not over”']);
    expect(await page.locator('li.hit .where').nth(2).textContent()).toBe('Lavrov rejects guarantees · 2022-03-01 (in 2 documents)');
  });

  it('shows hostile text as text: no script ran, no element was made from it', async () => {
    expect(await page.locator('li.hit img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'serve-search.png') });
  });

  it('facets count the quotes by speaker, month and form, and narrow the search', async () => {
    await page.goto(`${origin}/#/`);
    await page.locator('.facet.speakers li').first().waitFor();
    expect(await page.locator('.facet.speakers li').allTextContents()).toEqual(['Sergei Lavrov 4', 'Grzegorz Trusiewicz 1', 'police 1']);
    expect(await page.locator('.facet.months li').allTextContents()).toEqual(['2022-03 4', '2022-04 2']);
    expect(await page.locator('.facet.forms li').allTextContents()).toEqual(['direct 5', 'indirect 1']);
    await page.click('.facet.months a >> text=2022-04');
    await page.locator('.total', { hasText: '2 quotes' }).waitFor();
    expect(await hits()).toEqual(['“No casualties resulted”', HOSTILE]);
  });

  it('searches from the form, and pages', async () => {
    await page.goto(`${origin}/#/`);
    await page.locator('.total', { hasText: '4 quotes' }).waitFor();
    await page.fill('input[name=q]', 'guarantees');
    await page.click('form button');
    await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash === '#/?q=guarantees');
    await page.locator('.total', { hasText: '1 quote' }).waitFor();
    expect(await hits()).toEqual(['“Security guarantees must cover Russia too”']);
    await page.goto(`${origin}/#/?limit=2`);
    await page.locator('.total', { hasText: '1–2 shown' }).waitFor();
    await page.click('text=next page');
    await page.locator('.total', { hasText: '3–4 shown' }).waitFor();
    expect(await hits()).toEqual(['“Security guarantees must cover Russia too”', '“The talks are not over”']);
  });

  it('a speaker page: roles, aliases, a timeline, the quotes', async () => {
    await page.click('li.hit .who a >> nth=0');
    await page.locator('h1', { hasText: 'Sergei Lavrov' }).waitFor();
    expect(await page.locator('.roles').textContent()).toBe('foreign minister');
    expect(await page.locator('main > p').nth(1).textContent()).toBe('4 quotes; also named Lavrov');
    expect(await page.locator('.timeline span').evaluateAll((bars) => bars.map((b) => b.getAttribute('title')))).toEqual(['2022-03: 4 quotes']);
    expect(await hits()).toEqual(['“Security guarantees must cover Russia too”', '“The talks are not over”']);
    await page.screenshot({ path: join(ARTIFACTS, 'serve-speaker.png') });
  });

  it('a document page shows the article with the quote highlighted, the hostile quote as text', async () => {
    await page.goto(`${origin}/#/?form=indirect`);
    await page.locator('li.hit').first().waitFor();
    await page.click('li.hit .where a');
    await page.locator('h1', { hasText: 'Blast near Warsaw' }).waitFor();
    expect(await page.locator('mark').allTextContents()).toEqual(['No casualties resulted', HOSTILE]);
    expect(await page.locator('mark.current').textContent()).toBe(HOSTILE);
    expect(await page.locator('.doc-text').textContent()).toBe(`Blast near Warsaw\n"No casualties resulted," Grzegorz Trusiewicz said.\n"${HOSTILE}," police said.`);
    expect(await page.locator('.doc-text img, .doc-text script').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'serve-document.png') });
  });

  it('an id such as javascript:… is only ever a hash route; a missing one says so', async () => {
    await page.goto(`${origin}/#/document/${encodeURIComponent('javascript:alert(3)')}`);
    await page.locator('.error').waitFor();
    expect(await page.locator('.error').textContent()).toBe('no document "javascript:alert(3)" in the index');
    expect(dialogs).toEqual([]);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});
