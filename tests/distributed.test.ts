/**
 * Issue 16: workers on a BullMQ queue writing one shared PostgreSQL index (npm run
 * test:distributed; part of npm test). PolNeAR train (840 articles, read in place) goes
 * through two workers, one of them killed with SIGKILL while it holds a transaction open and
 * started again; the PostgreSQL index then holds exactly what `extract` + the SQLite index
 * give. Needs redis-server and PostgreSQL's binaries (scripts/services.sh starts throwaway
 * ones); skips, saying so, when they are absent.
 */
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex, type IndexDb } from '../src/store/db.js';
import { connectPg, type PgDb } from '../src/store/pg/connect.js';
import { searchPgQuotes } from '../src/store/pg/search.js';
import { searchQuotes, type SearchHit } from '../src/store/search.js';
import { reportData } from '../src/store/report.js';
import { pgReportData } from '../src/store/pg/report.js';
import { SHARED_DATA } from '../scripts/eval/paths.js';
import { background, cli, missingServices, startServices, stopServices } from './distributed.helpers.js';

const TRAIN = join(SHARED_DATA, 'polnear', 'train', 'text');
const missing = missingServices() ?? (readdirSync(join(SHARED_DATA, 'polnear'), { withFileTypes: true }).length > 0 ? undefined : 'no PolNeAR');
if (missing !== undefined) console.warn(`distributed tests skipped: ${missing}`);

const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-dist-'));
// PostgreSQL runs as another user when the tests run as root: it must reach its folder
chmodSync(tmp, 0o755);
const services = join(tmp, 'services');
let urls: { redis: string; db: string };
let pg: PgDb;
let sqlite: IndexDb;

/** The shared index holds exactly the rows of the SQLite index built by `extract` + `index`. */
async function expectSameIndex(pg: PgDb, sqlite: IndexDb, documents: number): Promise<void> {
  const docsSql = sqlite.prepare('SELECT id, title, outlet, published, chars, quotes, url FROM documents ORDER BY id').all();
  const docsPg = (await pg.query('SELECT id, title, outlet, published, chars, quotes, url FROM documents ORDER BY id COLLATE "C"')).rows;
  expect(docsPg.length).toBe(documents);
  expect(docsPg).toEqual(docsSql);

  const quoteCols = 'q.doc_id, q.local_id, q.article, q.start, q."end", q.text, q.form, q.cue, q.entity, q.speaker_text, q.date, q.speaker_id, s.name AS speaker';
  const quotesSql = sqlite.prepare(`SELECT ${quoteCols} FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY q.doc_id, q.start, q.local_id`).all();
  const quotesPg = (await pg.query(`SELECT ${quoteCols} FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY q.doc_id COLLATE "C", q.start, q.local_id COLLATE "C"`)).rows;
  expect(quotesPg.length).toBe(quotesSql.length);
  expect(quotesPg).toEqual(quotesSql);

  expect((await pg.query('SELECT id, kind, name, roles FROM speakers ORDER BY id')).rows).toEqual(sqlite.prepare('SELECT id, kind, name, roles FROM speakers ORDER BY id').all());
  expect((await pg.query('SELECT kind, key, speaker_id FROM speaker_keys ORDER BY kind COLLATE "C", key COLLATE "C"')).rows).toEqual(sqlite.prepare('SELECT kind, key, speaker_id FROM speaker_keys ORDER BY kind, key').all());
  expect((await pg.query('SELECT doc_id, local_id, kind, name, aliases, roles, speaker_id FROM entities ORDER BY doc_id COLLATE "C", local_id COLLATE "C"')).rows)
    .toEqual(sqlite.prepare('SELECT doc_id, local_id, kind, name, aliases, roles, speaker_id FROM entities ORDER BY doc_id, local_id').all());
  const copies = 'SELECT q.doc_id, q.local_id, c.first, c.occurrences FROM quote_copies c JOIN quotes q ON q.id = c.quote_id';
  expect((await pg.query(`${copies} ORDER BY q.doc_id COLLATE "C", q.start, q.local_id COLLATE "C"`)).rows.map((r) => ({ ...r, first: r.first ? 1 : 0 })))
    .toEqual(sqlite.prepare(`${copies} ORDER BY q.doc_id, q.start, q.local_id`).all());
}

describe.skipIf(missing !== undefined)('queue workers into a shared PostgreSQL index', () => {
  beforeAll(() => {
    urls = startServices(services);
    pg = connectPg(urls.db);
  }, 120_000);
  afterAll(async () => {
    sqlite?.close();
    await pg?.end();
    stopServices(services);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses a database not migrated (exit 1, saying what to run), then migrates once', () => {
    const w = cli(['worker', '--queue', urls.redis, '--db', urls.db, '--exit-when-idle']);
    expect(w.status).toBe(1);
    expect(w.stderr).toContain(`holds no quotegraph index yet; run quotegraph db migrate --db ${urls.db}`);
    const s = cli(['search', 'x', '--db', urls.db]);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('run quotegraph db migrate');
    expect(cli(['db', 'migrate', '--db', urls.db]).stderr).toContain('from schema 0 to 1');
    expect(cli(['db', 'migrate', '--db', urls.db]).stderr).toContain('is at schema 1: nothing to do');
  }, 120_000);

  it('PolNeAR train through two workers, one killed mid-transaction and restarted, gives the SQLite index of extract', async () => {
    // the reference: extract + the SQLite index
    const ref = cli(['extract', TRAIN, '--jobs', '2', '--out', join(tmp, 'ref.jsonl')]);
    expect(ref.stderr).toMatch(/quotegraph: 840 written, 0 skipped/);
    expect(cli(['index', join(tmp, 'ref.jsonl'), '--db', join(tmp, 'ref.db')]).status).toBe(0);
    sqlite = openIndex(join(tmp, 'ref.db'), { readonly: true });

    const first = cli(['enqueue', TRAIN, '--queue', urls.redis, '--batch', '20']);
    expect(first.stderr).toContain('quotegraph: 42 jobs added');
    expect(first.stderr).toContain(', 0 already in the queue');
    expect(cli(['enqueue', TRAIN, '--queue', urls.redis, '--batch', '20']).stderr).toContain('quotegraph: 0 jobs added to');

    const args = ['worker', '--queue', urls.redis, '--db', urls.db, '--jobs', '1', '--lock', '3', '--exit-when-idle', '--archive', join(tmp, 'archive')];
    const a = background(args);
    // b holds each transaction open 30 s before COMMIT: it is killed while it writes
    const b = background(args, { QUOTEGRAPH_TEST_HOLD_COMMIT_MS: '30000' });
    await b.waitFor(/holding a transaction open before COMMIT/);
    const open = await pg.query<{ n: string }>("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE state = 'idle in transaction'");
    expect(Number(open.rows[0]!.n)).toBeGreaterThanOrEqual(1);
    b.child.kill('SIGKILL');
    expect((await b.exited).signal).toBe('SIGKILL');
    await a.waitFor(/job .* written/, 3);
    const again = background(args);
    const [ea, eb] = await Promise.all([a.exited, again.exited]);
    expect([ea.code, eb.code], `${a.stderr}\n${again.stderr}`).toEqual([0, 0]);
    expect(a.stderr).toMatch(/quotegraph: worker: \d+ jobs \(0 failed\)/);

    const status = cli(['status', '--queue', urls.redis, '--json']);
    expect(JSON.parse(status.stdout)).toEqual({ waiting: 0, active: 0, delayed: 0, done: 42, failed: 0, failures: [] });
    expect(readdirSync(join(tmp, 'archive')).filter((f) => f.endsWith('.jsonl')).length).toBe(42);

    expect(cli(['merge-speakers', '--db', urls.db]).stderr).toContain('merged speakers of 840 new documents');
    expect(cli(['merge-speakers', '--db', urls.db]).stderr).toContain('no document written since the last merge');

    await expectSameIndex(pg, sqlite, 840);
  }, 900_000);

  it('index --db postgres:// of extract\'s graphs over the shared index replaces each document by itself: the same index', async () => {
    const r = cli(['index', join(tmp, 'ref.jsonl'), '--db', urls.db]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^quotegraph: indexed 840 documents \(\d+ quotes\) into postgres:/);
    await expectSameIndex(pg, sqlite, 840);
  }, 300_000);

  /** A hit without its score (bm25 and ts_rank differ), as a comparable key. */
  const key = (h: SearchHit): string => JSON.stringify({ ...h, score: 0 });
  const QUERIES = ['said', 'security', 'Clinton', '"Islamic State"', 'immigration reform', 'tax*', 'refugee*', 'president Obama', 'police officers', 'campaign', 'voters', '"health care"', 'Syria', 'economy jobs'];

  it('search answers the same quotes as the SQLite index on a fixed list of queries', async () => {
    for (const query of QUERIES) {
      const s = searchQuotes(sqlite, { query, limit: 10_000 }).map(key).sort();
      const p = (await searchPgQuotes(pg, { query, limit: 10_000 })).map(key).sort();
      expect(s.length, query).toBeGreaterThan(0);
      expect(p, query).toEqual(s);
    }
    // without words: the same list in the same order (newest first), with filters
    for (const filter of [{ query: '', speaker: 'Trump' }, { query: '', speaker: 'Hillary Clinton', from: '2016-01', to: '2016-06' }, { query: '', form: 'direct', outlet: 'breitbart' }, { query: '' }]) {
      const s = searchQuotes(sqlite, { ...filter, limit: 10_000 }).map(key);
      expect(await searchPgQuotes(pg, { ...filter, limit: 10_000 }).then((h) => h.map(key)), JSON.stringify(filter)).toEqual(s);
    }
    const viaCli = cli(['search', '', '--speaker', 'Trump', '--db', urls.db, '--json', '--limit', '50']);
    expect(viaCli.status).toBe(0);
    expect((JSON.parse(viaCli.stdout) as SearchHit[]).map(key)).toEqual(searchQuotes(sqlite, { query: '', speaker: 'Trump', limit: 50 }).map(key));
  }, 120_000);

  it('export --db postgres:// writes the rows the SQLite index exports (quote ids aside), in the same order', () => {
    const noId = (jsonl: string): unknown[] => jsonl.split('\n').filter((l) => l.length > 0).map((l) => ({ ...(JSON.parse(l) as object), id: 0 }));
    for (const args of [[], ['--speaker', 'Trump'], ['--form', 'direct', '--speaker', 'Hillary Clinton']]) {
      const s = cli(['export', '--db', join(tmp, 'ref.db'), '--format', 'jsonl', ...args]);
      const p = cli(['export', '--db', urls.db, '--format', 'jsonl', ...args]);
      expect(p.status, p.stderr).toBe(0);
      const rows = noId(s.stdout);
      expect(rows.length, args.join(' ')).toBeGreaterThan(args.length === 0 ? 5000 : 10);
      expect(noId(p.stdout), args.join(' ')).toEqual(rows);
    }
    // words: the same rows (ranked by ts_rank, not bm25: compared as sets)
    const csvRows = (csv: string): string[] => csv.split('\r\n').slice(1).filter((l) => l.length > 0).map((l) => l.replace(/^\d+,/, '')).sort();
    const s = cli(['export', 'immigration', '--db', join(tmp, 'ref.db'), '--format', 'csv']);
    const p = cli(['export', 'immigration', '--db', urls.db, '--format', 'csv']);
    expect(csvRows(s.stdout).length).toBeGreaterThan(10);
    expect(csvRows(p.stdout)).toEqual(csvRows(s.stdout));
    expect(p.stdout.split('\r\n')[0]).toBe(s.stdout.split('\r\n')[0]);
  }, 300_000);

  it('dated, syndicated records: the shared index (index --db postgres://) gives the SQLite index\'s rows, copies, dated searches and exports', async () => {
    // 60 PolNeAR articles as records with a date and an outlet, each also syndicated by a wire 1 to 3 days later
    const files = readdirSync(TRAIN).sort().slice(0, 60);
    const lines: string[] = [];
    files.forEach((f, i) => {
      const [outlet, date] = f.split('_') as [string, string];
      const text = readFileSync(join(TRAIN, f), 'utf8');
      lines.push(JSON.stringify({ id: f, text, published: date, outlet }));
      const later = new Date(Date.parse(date) + (1 + (i % 3)) * 86_400_000).toISOString().slice(0, 10);
      if (i % 2 === 0) lines.push(JSON.stringify({ id: `wire/${f}`, text, published: later, outlet: 'Wire' }));
    });
    writeFileSync(join(tmp, 'syndicated.jsonl'), `${lines.join('\n')}\n`);
    expect(cli(['extract', join(tmp, 'syndicated.jsonl'), '--jobs', '2', '--out', join(tmp, 'syndicated-graphs.jsonl')]).stderr).toMatch(/quotegraph: 90 written, 0 skipped/);
    expect(cli(['index', join(tmp, 'syndicated-graphs.jsonl'), '--db', join(tmp, 'syndicated.db')]).status).toBe(0);
    await pg.query('CREATE DATABASE syndicated');
    const url = urls.db.replace(/\/quotegraph$/, '/syndicated');
    expect(cli(['db', 'migrate', '--db', url]).status).toBe(0);
    expect(cli(['index', join(tmp, 'syndicated-graphs.jsonl'), '--db', url]).stderr).toMatch(/^quotegraph: indexed 90 documents/);
    const pg2 = connectPg(url);
    const sqlite2 = openIndex(join(tmp, 'syndicated.db'), { readonly: true });
    try {
      await expectSameIndex(pg2, sqlite2, 90);
      const copies = (await pg2.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM quote_copies WHERE occurrences > 1')).rows[0]!.n;
      expect(copies).toBeGreaterThan(100);
      const dates = ['2015-12', '2016-01-15'] as const;
      const noId = (jsonl: string): unknown[] => jsonl.split('\n').filter((l) => l.length > 0).map((l) => ({ ...(JSON.parse(l) as object), id: 0 }));
      for (const args of [['--from', dates[0]], ['--to', dates[1]], ['--from', dates[0], '--to', dates[1], '--speaker', 'Trump'], ['--outlet', 'Wire'], ['--outlet', 'breitbart', '--form', 'direct'], []]) {
        const a = cli(['export', '--db', join(tmp, 'syndicated.db'), '--format', 'jsonl', ...args]);
        const b = cli(['export', '--db', url, '--format', 'jsonl', ...args]);
        expect(noId(a.stdout).length, args.join(' ')).toBeGreaterThan(10);
        expect(noId(b.stdout), args.join(' ')).toEqual(noId(a.stdout));
      }
      // newest first; quotes of one date in the SQLite index's indexing order, in the shared index's by document id: compared date by date
      const byDate = (hits: SearchHit[]): Array<[string | null, string[]]> => {
        const groups: Array<[string | null, string[]]> = [];
        for (const h of hits) {
          if (groups.at(-1)?.[0] !== h.date) groups.push([h.date, []]);
          groups.at(-1)![1].push(JSON.stringify({ ...h, score: 0 }));
        }
        return groups.map(([d, keys]) => [d, keys.sort()]);
      };
      for (const filter of [{ query: '', from: dates[0] }, { query: '', to: dates[1], speaker: 'Clinton' }, { query: '', outlet: 'Wire' }]) {
        const a = byDate(searchQuotes(sqlite2, { ...filter, limit: 10_000 }));
        expect(a.length, JSON.stringify(filter)).toBeGreaterThan(2);
        expect(byDate(await searchPgQuotes(pg2, { ...filter, limit: 10_000 })), JSON.stringify(filter)).toEqual(a);
      }
    } finally {
      sqlite2.close();
      await pg2.end();
    }
  }, 300_000);

  it('report --db postgres:// shows the speakers, quotes and documents of the SQLite report', async () => {
    for (const n of [50, Number.MAX_SAFE_INTEGER]) {
      const { generated: _a, ...fromSqlite } = reportData(sqlite, n);
      const { generated: _b, ...fromPg } = await pgReportData(pg, n);
      expect(fromSqlite.speakers.length).toBe(Math.min(n, fromSqlite.totals.speakers));
      expect(fromPg).toEqual(fromSqlite);
    }
    const out = join(tmp, 'report.html');
    const r = cli(['report', '--db', urls.db, '--out', out, '--speakers', '20']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`quotegraph: report written to ${out}`);
  }, 120_000);

  it('enqueuing the same inputs again adds nothing, and the index stays as it was', async () => {
    const before = (await pg.query('SELECT COUNT(*)::int AS docs, (SELECT COUNT(*)::int FROM quotes) AS quotes FROM documents')).rows[0];
    expect(cli(['enqueue', TRAIN, '--queue', urls.redis, '--batch', '20']).stderr).toContain('quotegraph: 0 jobs added to');
    const w = cli(['worker', '--queue', urls.redis, '--db', urls.db, '--jobs', '1', '--exit-when-idle']);
    expect(w.status).toBe(0);
    expect(w.stderr).toMatch(/worker: 0 jobs \(0 failed\), 0 documents written/);
    expect((await pg.query('SELECT COUNT(*)::int AS docs, (SELECT COUNT(*)::int FROM quotes) AS quotes FROM documents')).rows[0]).toEqual(before);
  }, 120_000);

  it('a job with inputs that cannot be read writes the rest and is failed with the reasons; status lists it', async () => {
    const file = join(tmp, 'records.jsonl');
    writeFileSync(file, [JSON.stringify({ id: 'qtest-1', text: 'The mayor said the bridge would reopen on Monday.' }), '[1, 2]', JSON.stringify({ id: 'qtest-3', title: 'no text' })].join('\n'));
    expect(cli(['enqueue', file, '--queue', urls.redis, '--queue-name', 'bad']).stderr).toContain('1 job added');
    const w = cli(['worker', '--queue', urls.redis, '--db', urls.db, '--jobs', '1', '--exit-when-idle', '--queue-name', 'bad']);
    expect(w.status).toBe(0);
    expect((await pg.query("SELECT id FROM documents WHERE id LIKE 'qtest-%'")).rows).toEqual([{ id: 'qtest-1' }]);
    const status = cli(['status', '--queue', urls.redis, '--queue-name', 'bad']);
    expect(status.stdout).toBe(`waiting 0, running 0, retrying later 0, done 0, failed 1\nfailed: ${file} lines 1-3 (after 1 attempt): 2 skipped (1 written): ${file}:2 (not a JSON object); ${file}:3 (id qtest-3) (no text in field "text")\n`);
  }, 120_000);

  it('a worker whose database is down exits 1 after a few tries instead of looping', () => {
    const dead = urls.db.replace(/:(\d+)\//, ':1/');
    const w = cli(['worker', '--queue', urls.redis, '--db', dead, '--exit-when-idle']);
    expect(w.status).toBe(1);
    expect(w.stderr).toContain('ECONNREFUSED');
  }, 120_000);

  it('a worker whose queue is down exits 1 after repeated connection errors', () => {
    const dead = urls.redis.replace(/:(\d+)$/, ':1');
    const w = cli(['worker', '--queue', dead, '--db', urls.db]);
    expect(w.status).toBe(1);
    expect(w.stderr).toContain('queue connection error 5/5');
    expect(w.stderr).toContain('5 queue connection errors in a row; stopping');
  }, 120_000);
});
