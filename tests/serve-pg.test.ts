/**
 * Issue 16: `quotegraph serve --db postgres://…` answers as `serve --db FILE.db`. A handful of
 * PolNeAR articles (as dated records with outlets, some syndicated a day later) and a record of
 * hostile text are extracted once, indexed into a SQLite file and into the shared PostgreSQL
 * index, both served on loopback by the CLI, and the same requests asked of both: the page, its
 * script and style, /api/quotes with and without words and filters, facets, speakers, a speaker,
 * a document, and bad requests. Quote ids are each index's own (compared as 0); quotes matched
 * by words are ranked by ts_rank on PostgreSQL and bm25 on SQLite, so those pages are compared
 * as sets with the same total (and words inside markup, "<script>", are no words to PostgreSQL's
 * parser: not searched for). Needs redis-server and PostgreSQL's binaries (scripts/services.sh);
 * skips, saying so, when they are absent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../scripts/eval/paths.js';
import { connectPg } from '../src/store/pg/connect.js';
import { ROOT, cli, missingServices, startServices, stopServices } from './distributed.helpers.js';
import { HOSTILE } from './serve.helpers.js';

const TRAIN = join(SHARED_DATA, 'polnear', 'train', 'text');
const missing = missingServices() ?? (readdirSync(join(SHARED_DATA, 'polnear'), { withFileTypes: true }).length > 0 ? undefined : 'no PolNeAR');
if (missing !== undefined) console.warn(`serve --db postgres:// tests skipped: ${missing}`);

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-serve-pg-'));
chmodSync(tmp, 0o755);
const services = join(tmp, 'services');
const servers: ChildProcess[] = [];
let sqliteOrigin = '';
let pgOrigin = '';
let dbUrl = '';

/** `quotegraph serve` on a free loopback port; its origin once it says it listens. */
function startServer(db: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'src', 'cli', 'main.ts'), 'serve', '--db', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^listening on (http:\/\/\S+)\n/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve --db ${db} exited ${code}: ${err}`)));
  });
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | null>;
  readonly body: string;
}

async function ask(origin: string, path: string): Promise<Answer> {
  const res = await fetch(`${origin}${path}`);
  const headers: Record<string, string | null> = {};
  for (const h of ['content-type', 'content-security-policy', 'x-content-type-options', 'cache-control', 'allow']) headers[h] = res.headers.get(h);
  return { status: res.status, headers, body: await res.text() };
}

/** Quote ids zeroed (each index numbers its own quotes), everywhere they are in an answer. */
const noQuoteIds = (v: unknown): unknown => {
  const o = v as { quotes?: Array<Record<string, unknown>> };
  return Array.isArray(o?.quotes) ? { ...o, quotes: o.quotes.map((q) => ({ ...q, id: 0 })) } : v;
};

/** Both servers' answers to `path`, after checking they agree on status and headers. */
async function both(path: string): Promise<{ sqlite: Answer; pg: Answer }> {
  const [sqlite, pg] = await Promise.all([ask(sqliteOrigin, path), ask(pgOrigin, path)]);
  expect({ status: pg.status, headers: pg.headers }, path).toEqual({ status: sqlite.status, headers: sqlite.headers });
  return { sqlite, pg };
}

/** The same JSON from both (quote ids aside); the SQLite answer. */
async function sameJson(path: string): Promise<unknown> {
  const { sqlite, pg } = await both(path);
  expect(sqlite.headers['content-type'], path).toBe('application/json');
  const a = noQuoteIds(JSON.parse(sqlite.body));
  expect(noQuoteIds(JSON.parse(pg.body)), path).toEqual(a);
  return a;
}

describe.skipIf(missing !== undefined)('serve --db postgres:// answers as serve --db FILE.db', () => {
  beforeAll(async () => {
    const files = readdirSync(TRAIN).sort().slice(0, 12);
    const lines: string[] = [];
    files.forEach((f, i) => {
      const [outlet, date] = f.split('_') as [string, string];
      const text = readFileSync(join(TRAIN, f), 'utf8');
      lines.push(JSON.stringify({ id: f, text, published: date, outlet }));
      const later = new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
      if (i % 3 === 0) lines.push(JSON.stringify({ id: `wire/${f}`, text, published: later, outlet: 'Wire' }));
    });
    lines.push(JSON.stringify({ id: 'hostile/<b>1</b>.txt', title: HOSTILE, outlet: `<i>${HOSTILE}</i>`, published: '2016-02-01',
      text: `"${HOSTILE} is no plan," said Sergei Lavrov, the foreign minister, on Monday. "We will not sign it," Lavrov added.\n` }));
    writeFileSync(join(tmp, 'records.jsonl'), `${lines.join('\n')}\n`);
    const urls = startServices(services);
    dbUrl = urls.db;
    const x = cli(['extract', join(tmp, 'records.jsonl'), '--jobs', '2', '--out', join(tmp, 'graphs.jsonl')]);
    expect(x.stderr).toMatch(/quotegraph: 17 written, 0 skipped/);
    expect(cli(['index', join(tmp, 'graphs.jsonl'), '--db', join(tmp, 'index.db')]).status).toBe(0);
    expect(cli(['db', 'migrate', '--db', urls.db]).status).toBe(0);
    const p = cli(['index', join(tmp, 'graphs.jsonl'), '--db', urls.db]);
    expect(p.stderr).toMatch(/^quotegraph: indexed 17 documents/);
    [sqliteOrigin, pgOrigin] = await Promise.all([startServer(join(tmp, 'index.db')), startServer(urls.db)]);
  }, 90_000);

  afterAll(() => {
    for (const s of servers) s.kill('SIGTERM');
    stopServices(services);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the page, its script and style: the same bytes and headers', async () => {
    for (const path of ['/', '/app.js', '/app.css']) {
      const { sqlite, pg } = await both(path);
      expect(sqlite.status).toBe(200);
      expect(pg.body, path).toBe(sqlite.body);
    }
  });

  it('/api/quotes without words, with filters and pages: the same quotes in the same order', async () => {
    const all = (await sameJson('/api/quotes?limit=100')) as { total: number; quotes: Array<{ text: string; occurrences: number; document: { id: string } }> };
    expect(all.total).toBeGreaterThan(40);
    expect(all.quotes.some((q) => q.occurrences === 2)).toBe(true);
    expect(all.quotes.some((q) => q.text.includes(HOSTILE))).toBe(true);
    for (const path of ['/api/quotes?limit=7&offset=7', '/api/quotes?offset=9980&limit=20', '/api/quotes?speaker=Trump', '/api/quotes?speaker=Lavrov&form=direct',
      '/api/quotes?from=2015-12&to=2016-01-15', '/api/quotes?outlet=Wire', `/api/quotes?outlet=${encodeURIComponent(`<i>${HOSTILE}</i>`)}`,
      '/api/quotes?form=indirect&limit=50', '/api/quotes?speaker=%25_%5C', '/api/quotes?q=%3F%21']) {
      await sameJson(path);
    }
    expect(((await sameJson('/api/quotes?outlet=Wire')) as { total: number }).total).toBeGreaterThan(5);
  });

  it('/api/quotes with words: the same total and quotes (ranked by ts_rank, not bm25: compared as sets)', async () => {
    for (const path of ['/api/quotes?q=said&limit=100', '/api/quotes?q=%22no+plan%22', '/api/quotes?q=Clinton*&outlet=breitbart&limit=100', '/api/quotes?q=plan']) {
      const { sqlite, pg } = await both(path);
      const sets = (body: string): unknown => {
        const o = noQuoteIds(JSON.parse(body)) as { total: number; quotes: unknown[] };
        return { total: o.total, quotes: o.quotes.map((q) => JSON.stringify(q)).sort() };
      };
      const a = sets(sqlite.body) as { total: number };
      expect(a.total, path).toBeGreaterThan(0);
      expect(sets(pg.body), path).toEqual(a);
    }
  });

  it('facets, speakers, a speaker, documents: the same JSON', async () => {
    for (const path of ['/api/facets', '/api/facets?speaker=Clinton', '/api/facets?q=said', '/api/facets?from=2016&outlet=Wire']) await sameJson(path);
    const speakers = (await sameJson('/api/speakers?limit=100')) as { total: number; speakers: Array<{ id: number; name: string }> };
    expect(speakers.total).toBeGreaterThan(10);
    for (const path of ['/api/speakers?q=lavrov', '/api/speakers?limit=3&offset=3', '/api/speakers?q=%25', '/api/speakers?offset=5000']) await sameJson(path);
    const lavrov = speakers.speakers.find((s) => s.name === 'Sergei Lavrov');
    expect(lavrov).toBeDefined();
    for (const s of [lavrov!, ...speakers.speakers.slice(0, 5)]) await sameJson(`/api/speakers/${s.id}`);
    const hostile = (await sameJson(`/api/documents/${encodeURIComponent('hostile/<b>1</b>.txt')}`)) as { title: string; quotes: unknown[] };
    expect(hostile.title).toBe(HOSTILE);
    expect(hostile.quotes.length).toBe(2);
    for (const id of readdirSync(TRAIN).sort().slice(0, 4)) await sameJson(`/api/documents/${encodeURIComponent(id)}`);
    await sameJson(`/api/documents/wire/${encodeURIComponent(readdirSync(TRAIN).sort()[0]!)}`);
  });

  it('bad requests: the same coded errors', async () => {
    for (const path of ['/api/quotes?limit=0', '/api/quotes?from=2016-02-30', '/api/quotes?form=poem', '/api/quotes?bad=1', `/api/quotes?q=${'a '.repeat(5000)}`,
      '/api/speakers?q=' + 'x'.repeat(300), '/api/speakers/99999', '/api/speakers/abc', '/api/documents/nothing', '/nowhere']) {
      const { sqlite, pg } = await both(path);
      expect(sqlite.status, path).toBeGreaterThanOrEqual(400);
      expect(pg.body, path).toBe(sqlite.body);
    }
  });

  it('a database not migrated: serve exits 2 saying what to run, and serves nothing', async () => {
    const admin = connectPg(dbUrl);
    try {
      await admin.query('CREATE DATABASE empty');
    } finally {
      await admin.end();
    }
    const url = dbUrl.replace(/\/quotegraph$/, '/empty');
    const r = cli(['serve', '--db', url, '--port', '0']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`holds no quotegraph index yet; run quotegraph db migrate --db ${url}`);
  });
});
