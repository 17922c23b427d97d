/**
 * The browser build in a real browser (issue 19): `quotegraph` bundled for the browser by esbuild,
 * as a user's bundler would, imported by a page served on loopback and run in headless Chromium.
 * The browser's graphs must be exactly the graphs Node gives for the same texts, with no request
 * leaving the page's own origin and nothing written to the console as an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract, query } from '../src/index.js';
import { loadManifest, readArticle } from '../scripts/eval/corpus.js';
import { SHARED_DATA } from '../scripts/eval/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..');
const SEED = join(SHARED_DATA, 'seed', 'daily8-russia-ukraine-page.txt');

/** The seed page (when ../shared is beside the repo) and every test-corpus article. */
function texts(): Array<{ name: string; text: string }> {
  const out = loadManifest().map((entry) => ({ name: entry.id, text: readArticle(entry) }));
  if (existsSync(SEED)) out.unshift({ name: 'seed', text: readFileSync(SEED, 'utf8') });
  return out;
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>quotegraph in a browser</title></head>
<body><script type="module">
import { extract, query } from '/quotegraph.js';
window.run = (texts, published) => texts.map((t) => { const g = extract(t, { published }); return { graph: g, quotes: query(g).quotes() }; });
window.failure = (text, options) => { try { extract(text, options); return 'no error'; } catch (e) { return e.name + ' ' + e.code; } };
window.ready = true;
</script></body></html>`;

describe.skipIf(!existsSync(CHROMIUM))('the browser build in headless Chromium', () => {
  let server: Server;
  let origin = '';
  let browser: Browser;
  let bundle = '';
  const errors: string[] = [];
  const elsewhere: string[] = [];

  beforeAll(async () => {
    const result = await build({ entryPoints: [join(ROOT, 'src', 'index.ts')], bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    bundle = result.outputFiles[0]!.text;
    server = createServer((req, res) => {
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      else if (req.url === '/quotegraph.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('gives exactly the graphs and quote views Node gives, with no request off the page and no console error', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) elsewhere.push(r.url());
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => (globalThis as unknown as { ready?: boolean }).ready === true, undefined, { timeout: 60_000 });
    const inputs = texts();
    const published = '2022-01-14';
    const inBrowser = await page.evaluate(
      ([t, p]) => (globalThis as unknown as { run(texts: string[], published: string): unknown[] }).run(t, p),
      [inputs.map((i) => i.text), published] as const,
    );
    const inNode = inputs.map((i) => {
      const graph = extract(i.text, { published });
      return { graph, quotes: query(graph).quotes() };
    });
    expect(inBrowser.length).toBe(inputs.length);
    // one document at a time, so a difference names its document
    inputs.forEach((input, i) => expect({ name: input.name, ...(inBrowser[i] as object) }).toEqual({ name: input.name, ...inNode[i] }));
    // the graphs are not empty: the corpus has quotes and entities
    expect(inNode.reduce((n, r) => n + r.quotes.length, 0)).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 180_000);

  it('a bad call gives the coded error in the browser too', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => (globalThis as unknown as { ready?: boolean }).ready === true, undefined, { timeout: 60_000 });
    const code = await page.evaluate(() => (globalThis as unknown as { failure(t: string, o: object): string }).failure('text', { published: 'not a date' }));
    let nodeCode = 'no error';
    try {
      extract('text', { published: 'not a date' });
    } catch (e) {
      nodeCode = `${(e as { name: string }).name} ${(e as { code: string }).code}`;
    }
    expect(nodeCode).not.toBe('no error');
    expect(code).toBe(nodeCode);
    await page.close();
  }, 120_000);
});
