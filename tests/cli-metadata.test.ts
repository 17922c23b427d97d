import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { openIndex } from '../src/store/db.js';
import { SPAWN_TIMEOUT, graphsIn, runCli } from './helpers/cli.js';
import { expectValidGraph } from './helpers/graph.js';

const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-meta-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ROE = '"We will win," Jane Roe said.';
const DOE = 'Officials met on Monday. "Talks failed," John Doe told reporters.';

describe('record metadata: title, outlet and url (issue 15)', () => {
  const records = join(tmp, 'records.jsonl');
  beforeAll(() => {
    writeFileSync(records, [
      { id: 'roe', text: ROE, headline: 'Roe speaks', source: 'The Courier', link: 'https://courier.test/roe', published: '2016-05-02' },
      { id: 'doe', text: DOE, headline: 42, source: '', link: 'javascript:alert(1)' },
      { id: 'plain', text: DOE, title: 'ignored: not the configured field' },
    ].map((r) => JSON.stringify(r)).join('\n'));
  });

  it('reads the fields --title-field, --outlet-field and --url-field name into meta (and title and outlet onto the article), saying what it ignored', () => {
    const r = runCli(['extract', records, '--jobs', '1', '--title-field', 'headline', '--outlet-field', 'source', '--url-field', 'link']);
    expect(r.status).toBe(0);
    const graphs = graphsIn(r.stdout);
    for (const g of graphs) expectValidGraph(g);
    expect(graphs.map((g) => [g.id, g.meta, g.nodes.filter((n) => n.type === 'article').map((a) => [a.title, a.outlet])])).toEqual([
      ['roe', { published: '2016-05-02', publishedSource: 'options', outlet: 'The Courier', title: 'Roe speaks', url: 'https://courier.test/roe' }, [['Roe speaks', 'The Courier']]],
      ['doe', { url: 'javascript:alert(1)' }, [[undefined, undefined]]],
      ['plain', {}, [[undefined, undefined]]],
    ]);
    expect(graphs[1]!.diagnostics).toEqual([
      { code: 'input-field', severity: 'warning', stage: 'input', message: 'field "headline" (42) is not a title (a non-empty string); ignored' },
      { code: 'input-field', severity: 'warning', stage: 'input', message: 'field "source" ("") is not an outlet (a non-empty string); ignored' },
    ]);
  }, SPAWN_TIMEOUT);

  it('reads a folder\'s manifest.jsonl for its plain-text files (never as an input), saying what it could not use', () => {
    const folder = join(tmp, 'news');
    mkdirSync(join(folder, '2016'), { recursive: true });
    writeFileSync(join(folder, '2016', 'a.txt'), ROE);
    writeFileSync(join(folder, 'b.txt'), DOE);
    writeFileSync(join(folder, 'manifest.jsonl'), [
      '{"file":"2016/a.txt","title":"Roe speaks","outlet":"The Courier","url":"https://courier.test/roe","published":"2016-05-02"}',
      '{"file":"b.txt","outlet":"Wire \\u001b[2J"}',
      '{"file":"c.txt","title":"no such file"}',
      'not json',
    ].join('\n'));
    const r = runCli(['extract', folder, '--jobs', '1', '--published', '2016-01-01']);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('quotegraph: note'))).toEqual([
      `quotegraph: note: ${join(folder, 'manifest.jsonl')} line 4: malformed JSON: Unexpected token 'o', "not json" is not valid JSON`,
      `quotegraph: note: ${join(folder, 'manifest.jsonl')}: names "c.txt", which is no file of the folder`,
    ]);
    const graphs = graphsIn(r.stdout);
    // the manifest's date beats --published, which still dates the files the manifest does not
    expect(graphs.map((g) => [g.id, g.meta])).toEqual([
      ['2016/a.txt', { published: '2016-05-02', publishedSource: 'options', outlet: 'The Courier', title: 'Roe speaks', url: 'https://courier.test/roe' }],
      ['b.txt', { published: '2016-01-01', publishedSource: 'options', outlet: 'Wire \u001b[2J' }],
    ]);

    const graphsFile = join(tmp, 'news.jsonl');
    writeFileSync(graphsFile, r.stdout);
    const db = join(tmp, 'news.db');
    expect(runCli(['index', graphsFile, '--db', db]).status).toBe(0);
    const search = runCli(['search', '', '--db', db]);
    expect(search.stdout).toBe([
      '1. "We will win"',
      '   — Jane Roe',
      '   Roe speaks · The Courier · 2016-05-02 · 2016/a.txt',
      '   https://courier.test/roe',
      '',
      '2. "Talks failed"',
      '   — John Doe',
      '   Wire \\x1b[2J · 2016-01-01 · b.txt',
      '',
    ].join('\n'));
    const csv = runCli(['export', '--db', db, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[1]).toBe('1,We will win,direct,said,1,Jane Roe,2016/a.txt,Roe speaks,The Courier,https://courier.test/roe,2016-05-02,1');
  }, SPAWN_TIMEOUT);

  it('serves the title, outlet and url of a document in /api/quotes and /api/documents', async () => {
    const db = openIndex(join(tmp, 'news.db'), { readonly: true });
    try {
      const app = createApp(db);
      const quotes = (await (await app.request('/api/quotes?q=win')).json()) as { quotes: Array<{ document: unknown }> };
      expect(quotes.quotes.map((q) => q.document)).toEqual([{ id: '2016/a.txt', title: 'Roe speaks', outlet: 'The Courier', url: 'https://courier.test/roe', published: '2016-05-02' }]);
      const doc = (await (await app.request('/api/documents/b.txt')).json()) as Record<string, unknown>;
      expect([doc.title, doc.outlet, doc.url]).toEqual([null, 'Wire \u001b[2J', null]);
    } finally {
      db.close();
    }
  });
});
