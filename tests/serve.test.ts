import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { openIndex, type IndexDb } from '../src/store/db.js';
import { ROOT, SPAWN_TIMEOUT } from './helpers/cli.js';
import { HOSTILE, buildServeIndex } from './serve.helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-serve-'));
const dbPath = join(tmp, 'quotes.db');
let db: IndexDb;

beforeAll(() => {
  buildServeIndex(dbPath);
  db = openIndex(dbPath, { readonly: true });
});
afterAll(() => {
  db.close();
  rmSync(tmp, { recursive: true, force: true });
});

const get = async (path: string): Promise<{ status: number; body: unknown; headers: Headers }> => {
  const res = await createApp(db).request(path);
  return { status: res.status, body: await res.json(), headers: res.headers };
};

const LAVROV_QUOTE = {
  id: 1,
  text: 'Security guarantees must cover Russia too',
  form: 'direct',
  cue: 'said',
  speaker: { id: 1, name: 'Sergei Lavrov' },
  document: { id: 'moscow/talks.txt', title: 'Lavrov rejects guarantees', outlet: null, url: null, published: '2022-03-01' },
  context: { before: 'Lavrov rejects guarantees\n"', after: '," Sergei Lavrov said.' },
  occurrences: 2,
};

describe('GET /api/quotes (issue 15)', () => {
  it('ranks the quotes that match, copies given once with their number, each with its context', async () => {
    expect(await get('/api/quotes?q=guarantees')).toMatchObject({ status: 200, body: { total: 1, quotes: [LAVROV_QUOTE] } });
  });

  it('lists every quote newest first without words, with total and paging', async () => {
    const all = await get('/api/quotes');
    expect(all.status).toBe(200);
    const body = all.body as { total: number; quotes: Array<{ id: number; text: string; occurrences: number; document: { id: string } }> };
    expect(body.total).toBe(4);
    expect(body.quotes.map((q) => [q.text, q.document.id, q.occurrences])).toEqual([
      ['No casualties resulted', 'warsaw/blast.txt', 1],
      [HOSTILE, 'warsaw/blast.txt', 1],
      ['Security guarantees must cover Russia too', 'moscow/talks.txt', 2],
      ['The talks are not over', 'moscow/talks.txt', 2],
    ]);
    const page = await get('/api/quotes?limit=2&offset=2');
    expect((page.body as typeof body).quotes.map((q) => q.text)).toEqual(['Security guarantees must cover Russia too', 'The talks are not over']);
    expect((page.body as typeof body).total).toBe(4);
    expect(await get('/api/quotes?offset=50')).toMatchObject({ status: 200, body: { total: 4, quotes: [] } });
  });

  it('filters by speaker, dates and form; an empty filter is none', async () => {
    const texts = async (qs: string): Promise<string[]> => ((await get(`/api/quotes?${qs}`)).body as { quotes: Array<{ text: string }> }).quotes.map((q) => q.text);
    expect(await texts('speaker=Lavrov')).toEqual(['Security guarantees must cover Russia too', 'The talks are not over']);
    expect(await texts('from=2022-04&to=2022-04')).toEqual(['No casualties resulted', HOSTILE]);
    expect(await texts('form=indirect')).toEqual([HOSTILE]);
    expect(await texts('speaker=&q=casualties')).toEqual(['No casualties resulted']);
    expect(await texts('outlet=Reuters')).toEqual([]);
  });

  it('a pronoun the index resolved names its speaker; a speaker the index does not know has a null id', async () => {
    const over = (await get('/api/quotes?q=talks')).body as { quotes: Array<{ speaker: unknown; context: unknown }> };
    expect(over.quotes.map((q) => [q.speaker, q.context])).toEqual([[{ id: 1, name: 'Sergei Lavrov' }, { before: '"Security guarantees must cover Russia too," Sergei Lavrov said.\n"', after: '," he said.' }]]);
    const hostile = (await get('/api/quotes?form=indirect')).body as { quotes: Array<{ speaker: unknown }> };
    expect(hostile.quotes[0]!.speaker).toEqual({ id: 3, name: 'police' });
  });

  it.each([
    ['/api/quotes?q=t*+t*+t*+t*+t*', 400, 'E_QUERY_BOUND', 'the query has 5 prefix terms (word*); at most 4 are searched; search with fewer, longer words (a speaker, dates or a phrase narrow a search too)'],
    ['/api/quotes?from=2016-13', 400, 'E_OPTION_VALUE', 'from takes a date such as 2016-09-30, 2016-09 or 2016 (a real day, month or year), not string "2016-13"'],
    ['/api/quotes?form=verbatim', 400, 'E_OPTION_VALUE', 'form takes one of direct, indirect, mixed, not string "verbatim"'],
    ['/api/quotes?limit=101', 400, 'E_OPTION_VALUE', 'limit takes a whole number from 1 to 100, not number 101'],
    ['/api/quotes?limit=-1', 400, 'E_OPTION_VALUE', 'limit takes a whole number, not "-1"'],
    ['/api/quotes?offset=9990', 400, 'E_OPTION_VALUE', 'offset takes a whole number from 0 to 9,980 (offset + limit at most 10,000), not number 9990; narrow the search for later results'],
    ['/api/quotes?q=a&q=b', 400, 'E_OPTION_VALUE', 'q is given 2 times; give it once'],
    ['/api/quotes?query=a', 400, 'E_UNKNOWN_OPTION', 'unknown parameter "query"; this address takes q, speaker, from, to, outlet, form, speakerId, limit, offset'],
    ['/api/nothing', 404, 'E_NOT_FOUND', 'nothing at /api/nothing; the API is under /api (/api/quotes, /api/facets, /api/speakers, /api/documents/ID)'],
  ])('%s is %i with a coded error, never a stack trace', async (path, status, code, message) => {
    expect(await get(path)).toMatchObject({ status, body: { error: { code, message } } });
  });

  it('is read-only, and every answer carries a strict Content-Security-Policy', async () => {
    const res = await createApp(db).request('/api/quotes', { method: 'POST' });
    expect([res.status, res.headers.get('allow'), await res.json()]).toEqual([405, 'GET, HEAD', { error: { code: 'E_METHOD', message: 'POST is not served: the index is read-only (GET and HEAD only)' } }]);
    const ok = await get('/api/quotes');
    expect(ok.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('quotegraph serve', () => {
  it('listens on loopback, says where as its first line, answers over HTTP, and stops on SIGTERM', async () => {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const child = spawn(process.execPath, ['--import', tsx, join(ROOT, 'src', 'cli', 'main.ts'), 'serve', '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
      });
      expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${first.slice('listening on '.length)}/api/quotes?q=guarantees`);
      expect([res.status, await res.json()]).toEqual([200, { total: 1, quotes: [LAVROV_QUOTE] }]);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(stderr).toBe('');
  }, SPAWN_TIMEOUT);
});

describe('GET /api/speakers and /api/documents/:id (issue 15)', () => {
  it('lists speakers by number of quotes, with roles, filtered by name', async () => {
    expect(await get('/api/speakers')).toMatchObject({ status: 200, body: { total: 3, speakers: [
      { id: 1, name: 'Sergei Lavrov', kind: 'person', roles: ['foreign minister'], quotes: 4 },
      { id: 2, name: 'Grzegorz Trusiewicz', kind: 'person', roles: [], quotes: 1 },
      { id: 3, name: 'police', kind: 'person', roles: [], quotes: 1 },
    ] } });
    expect((await get('/api/speakers?q=LAVROV&limit=1')).body).toEqual({ total: 1, speakers: [{ id: 1, name: 'Sergei Lavrov', kind: 'person', roles: ['foreign minister'], quotes: 4 }] });
    expect((await get('/api/speakers?q=%25')).body).toEqual({ total: 0, speakers: [] });
    expect((await get('/api/speakers?offset=3')).body).toEqual({ total: 3, speakers: [] });
  });

  it('gives a speaker with aliases and a timeline by month; an unknown id is 404', async () => {
    expect((await get('/api/speakers/1')).body).toEqual({
      id: 1, name: 'Sergei Lavrov', kind: 'person', roles: ['foreign minister'], quotes: 4, aliases: ['Lavrov'], timeline: [{ month: '2022-03', quotes: 4 }],
    });
    expect(await get('/api/speakers/99')).toMatchObject({ status: 404, body: { error: { code: 'E_NOT_FOUND', message: 'no speaker "99" in the index; /api/speakers lists them' } } });
    expect(await get('/api/speakers/javascript:alert(1)')).toMatchObject({ status: 404, body: { error: { code: 'E_NOT_FOUND' } } });
  });

  it('gives a document with its text and its quotes\' offsets, its id slashes and all; the quotes filter by speakerId', async () => {
    const blast = (await get('/api/documents/warsaw%2Fblast.txt')).body as { text: string; quotes: Array<{ start: number; end: number }> };
    expect(blast).toEqual({
      id: 'warsaw/blast.txt', title: 'Blast near Warsaw', outlet: null, url: null, published: '2022-04-20',
      text: `Blast near Warsaw\n"No casualties resulted," Grzegorz Trusiewicz said.\n"${HOSTILE}," police said.`,
      quotes: [
        { id: 5, start: 19, end: 41, form: 'direct', speaker: { id: 2, name: 'Grzegorz Trusiewicz' } },
        { id: 6, start: 71, end: 71 + HOSTILE.length, form: 'indirect', speaker: { id: 3, name: 'police' } },
      ],
    });
    expect(blast.quotes.map((q) => blast.text.slice(q.start, q.end))).toEqual(['No casualties resulted', HOSTILE]);
    expect((await get('/api/documents/warsaw/blast.txt')).body).toEqual(blast);
    expect(await get('/api/documents/nowhere.txt')).toMatchObject({ status: 404, body: { error: { code: 'E_NOT_FOUND', message: 'no document "nowhere.txt" in the index' } } });
    expect(((await get('/api/quotes?speakerId=2')).body as { quotes: Array<{ text: string }> }).quotes.map((q) => q.text)).toEqual(['No casualties resulted']);
  });
});

describe('GET /api/facets (issue 15)', () => {
  it('counts the quotes a filter takes by speaker, outlet, month and form', async () => {
    expect(await get('/api/facets')).toMatchObject({ status: 200, body: {
      speakers: [{ id: 1, name: 'Sergei Lavrov', quotes: 4 }, { id: 2, name: 'Grzegorz Trusiewicz', quotes: 1 }, { id: 3, name: 'police', quotes: 1 }],
      outlets: [],
      months: [{ month: '2022-03', quotes: 4 }, { month: '2022-04', quotes: 2 }],
      forms: [{ form: 'direct', quotes: 5 }, { form: 'indirect', quotes: 1 }],
    } });
    expect((await get('/api/facets?q=guarantees&from=2022-03-02')).body).toEqual({
      speakers: [{ id: 1, name: 'Sergei Lavrov', quotes: 1 }], outlets: [], months: [{ month: '2022-03', quotes: 1 }], forms: [{ form: 'direct', quotes: 1 }],
    });
    expect(await get('/api/facets?limit=2')).toMatchObject({ status: 400, body: { error: { code: 'E_UNKNOWN_OPTION' } } });
  });
});
