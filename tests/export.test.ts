import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../src/cli/export/csv.js';
import { createApp } from '../src/server/app.js';
import { openIndex } from '../src/store/db.js';
import { Indexer } from '../src/store/indexer.js';
import { SPAWN_TIMEOUT, runCli } from './helpers/cli.js';
import { quoteGraph } from './index-db.helpers.js';
import { HOSTILE, TALKS } from './serve.helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-export-'));
const dbPath = join(tmp, 'quotes.db');

/** A document id with what CSV must quote: a line break, double quotes and a comma. */
const AWKWARD_ID = 'wire/a "b",\nc.txt';

beforeAll(() => {
  const index = openIndex(dbPath);
  const indexer = new Indexer(index);
  indexer.add(quoteGraph('moscow/talks.txt', 'Lavrov rejects guarantees', '2022-03-01', TALKS));
  indexer.add(quoteGraph('wire/talks-copy.txt', 'Russia on guarantees', '2022-03-02', TALKS));
  const blast = quoteGraph(AWKWARD_ID, 'Blast near Warsaw', '2022-04-20', [
    { quote: '=HYPERLINK("http://x.test","click")', says: 'Grzegorz Trusiewicz', entity: { name: 'Grzegorz Trusiewicz', aliases: ['Trusiewicz'] } },
    { quote: '+1 and -2, @all', says: 'police', form: 'indirect' },
    { quote: `${HOSTILE} \u009b31m`, says: 'police', form: 'indirect' },
  ]);
  indexer.add({ ...blast, meta: { ...blast.meta, outlet: 'Reuters' } });
  indexer.finish();
  index.close();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = 'id,text,form,cue,speaker_id,speaker_name,document_id,title,outlet,url,published,occurrences';
const ID = '"wire/a ""b"",\nc.txt"';

describe('quotegraph export (issue 15)', () => {
  it('writes CSV with flat columns, RFC 4180 quoting and formula-safe cells, in search order', () => {
    const r = runCli(['export', '--db', dbPath, '--format', 'csv']);
    expect([r.status, r.stderr]).toEqual([0, 'quotegraph: exported 5 quotes\n']);
    expect(r.stdout.split('\r\n')).toEqual([
      HEADER,
      `5,"'=HYPERLINK(""http://x.test"",""click"")",direct,said,2,Grzegorz Trusiewicz,${ID},Blast near Warsaw,Reuters,,2022-04-20,1`,
      `6,"'+1 and -2, @all",indirect,said,3,police,${ID},Blast near Warsaw,Reuters,,2022-04-20,1`,
      `7,${HOSTILE} \u009b31m,indirect,said,3,police,${ID},Blast near Warsaw,Reuters,,2022-04-20,1`,
      '1,Security guarantees must cover Russia too,direct,said,1,Sergei Lavrov,moscow/talks.txt,Lavrov rejects guarantees,,,2022-03-01,2',
      '2,The talks are not over,direct,said,1,Sergei Lavrov,moscow/talks.txt,Lavrov rejects guarantees,,,2022-03-01,2',
      '',
    ]);
  }, SPAWN_TIMEOUT);

  it('writes JSONL rows exactly as /api/quotes gives its items, C1 controls escaped', async () => {
    const r = runCli(['export', '--db', dbPath, '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\\u009b31m');
    expect(r.stdout).not.toContain('\u009b');
    const rows = r.stdout.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as unknown);
    const db = openIndex(dbPath, { readonly: true });
    try {
      const api = (await (await createApp(db).request('/api/quotes?limit=100')).json()) as { quotes: unknown[] };
      expect(rows).toEqual(api.quotes);
      expect(rows).toHaveLength(5);
    } finally {
      db.close();
    }
  }, SPAWN_TIMEOUT);

  it.each([
    ['words', ['guarantees'], ['1']],
    ['speaker', ['--speaker', 'Trusiewicz'], ['5']],
    ['form', ['--form', 'indirect'], ['6', '7']],
    ['outlet', ['--outlet', 'Reuters'], ['5', '6', '7']],
    ['dates', ['--from', '2022-03', '--to', '2022-03-01'], ['1', '2']],
    ['words and speaker', ['talks', '--speaker', 'Sergei Lavrov'], ['2']],
    ['nothing matches', ['--speaker', 'Nobody'], []],
  ])('takes the filters of search: %s', (_, args, ids) => {
    const r = runCli(['export', ...args, '--db', dbPath, '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\r\n').filter((l) => l.length > 0);
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1).map((l) => l.slice(0, l.indexOf(',')))).toEqual(ids);
  }, SPAWN_TIMEOUT);

  it('writes to --out, the same bytes as to standard output', () => {
    const out = join(tmp, 'quotes.jsonl');
    const r = runCli(['export', '--db', dbPath, '--format', 'jsonl', '--out', out]);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', `quotegraph: exported 5 quotes to ${out}\n`]);
    expect(readFileSync(out, 'utf8')).toBe(runCli(['export', '--db', dbPath, '--format', 'jsonl']).stdout);
  }, SPAWN_TIMEOUT);

  it.each([
    ['no format', ['--db', dbPath], 'quotegraph: export needs --format csv or --format jsonl\n'],
    ['a bad format', ['--db', dbPath, '--format', 'xml'], 'quotegraph: export needs --format csv or --format jsonl, not "xml"\n'],
    ['no index', ['--format', 'csv'], 'quotegraph: export needs --db FILE (an index built by quotegraph index)\n'],
    ['a bad form', ['--db', dbPath, '--format', 'csv', '--form', 'quoted'], 'quotegraph: --form takes one of direct, indirect, mixed, not "quoted"\n'],
    ['a bad date', ['--db', dbPath, '--format', 'csv', '--from', '2016-13'], 'quotegraph: --from takes a date such as 2016-09-30, 2016-09 or 2016 (a real day, month or year), not "2016-13"\n'],
    ['a bad speaker id', ['--db', dbPath, '--format', 'csv', '--speaker-id', 'one'], 'quotegraph: --speaker-id takes a speaker\'s id (a whole number), not "one"\n'],
    ['two queries', ['a', 'b', '--db', dbPath, '--format', 'csv'], 'quotegraph: export takes at most one query (quote it: quotegraph export "security guarantees" --db …)\n'],
    ['an unwritable --out', ['--db', dbPath, '--format', 'csv', '--out', join(tmp, 'no', 'such', 'dir.csv')], `quotegraph: cannot write --out ${join(tmp, 'no', 'such', 'dir.csv')}: no such file (or a broken link)\n`],
  ])('refuses %s with a usage error', (_, args, stderr) => {
    const r = runCli(['export', ...args]);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', stderr]);
  }, SPAWN_TIMEOUT);
});

describe('CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    [null, ''],
    [-3, '-3'],
  ] as const)('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});
