import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReport } from '../src/cli/report/page.js';
import { openIndex } from '../src/store/db.js';
import type { ReportData } from '../src/store/report.js';
import { searchQuotes } from '../src/store/search.js';
import { SPAWN_TIMEOUT, runCli, stableStderr } from './helpers/cli.js';
import { quoteGraph } from './index-db.helpers.js';

const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-store-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SMITH = { name: 'John Smith', aliases: ['Smith'] };
const graph = (id: string, quote: string, published: string | undefined = '2022-03-01') => quoteGraph(id, `Title of ${id}`, published, [{ quote, says: 'Smith', entity: SMITH }]);
const jsonl = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join('\n') + '\n';
const write = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
/** The ids and quotes an index holds, by id. */
const indexed = (db: string): Array<[string, string]> => {
  const index = openIndex(db, { readonly: true });
  try {
    return (index.prepare('SELECT d.id, q.text FROM documents d JOIN quotes q ON q.doc_id = d.id ORDER BY d.id').all() as Array<{ id: string; text: string }>).map((r) => [r.id, r.text]);
  } finally {
    index.close();
  }
};

describe('index: a JSON-valid line of the wrong shape (17.7)', () => {
  const good = graph('good.txt', 'We will win');
  const quote = good.nodes.findIndex((n) => n.type === 'quote');
  const entity = good.nodes.findIndex((n) => n.type === 'entity');
  const { meta: _meta, ...noMeta } = good;
  const variant = (id: string, nodes: readonly unknown[]) => ({ ...good, id, nodes });
  const lines = [
    good,
    { ...noMeta, id: 'no-meta.txt' },
    variant('null-node.txt', [...good.nodes, null]),
    variant('null-name.txt', good.nodes.map((n, i) => (i === entity ? { ...n, name: null } : n))),
    variant('string-offset.txt', good.nodes.map((n, i) => (i === quote ? { ...n, start: String((n as { start: number }).start) } : n))),
    variant('bad-slice.txt', good.nodes.map((n, i) => (i === quote ? { ...n, text: 'We will lose' } : n))),
    graph('last.txt', 'Still indexed'),
  ];
  const input = write('shapes.jsonl', jsonl(lines));
  const db = join(tmp, 'shapes.db');
  const run = runCli(['index', input, '--db', db]);

  it('skips each such line, naming it with its line number and the field, and keeps the rest', () => {
    expect(run.status).toBe(3);
    expect(stableStderr(run.stderr)).toEqual([
      `quotegraph: skipped ${input} line 2: graph of the wrong shape: meta is undefined, not an object`,
      `quotegraph: skipped ${input} line 3: graph of the wrong shape: nodes[7] is null, not an object`,
      `quotegraph: skipped ${input} line 4: graph of the wrong shape: nodes[6].name is null, not a string`,
      `quotegraph: skipped ${input} line 5: graph of the wrong shape: nodes[3].start is string "19", not a whole number`,
      `quotegraph: skipped ${input} line 6: graph is not sound: q0: text "We will lose" differs from the slice "We will win"`,
      `quotegraph: indexed 2 documents (2 quotes) into ${db} in T s, 5 skipped, 0 replaced by a later line with the same id`,
    ]);
    expect(indexed(db)).toEqual([['good.txt', 'We will win'], ['last.txt', 'Still indexed']]);
  }, SPAWN_TIMEOUT);
});

describe('index: the same id twice in one run (17.3, index side)', () => {
  const first = write('2015.jsonl', jsonl([graph('a.txt', 'The first a'), graph('b.txt', 'Only b')]));
  const second = write('2016.jsonl', jsonl([graph('a.txt', 'The second a'), graph('c.txt', 'The first c'), graph('c.txt', 'The second c')]));
  const db = join(tmp, 'twice.db');
  const run = runCli(['index', first, second, '--db', db]);

  it('names each id replaced within the run, counts each document once, and exits 3', () => {
    expect(run.status).toBe(3);
    expect(stableStderr(run.stderr)).toEqual([
      `quotegraph: replaced ${first} line 1 with ${second} line 1: both have the id "a.txt"`,
      `quotegraph: replaced ${second} line 2 with ${second} line 3: both have the id "c.txt"`,
      `quotegraph: indexed 3 documents (3 quotes) into ${db} in T s, 0 skipped, 2 replaced by a later line with the same id`,
    ]);
    expect(indexed(db)).toEqual([['a.txt', 'The second a'], ['b.txt', 'Only b'], ['c.txt', 'The second c']]);
  }, SPAWN_TIMEOUT);

  it('indexing the same file again replaces documents from the earlier run without a word, exit 0', () => {
    const again = runCli(['index', first, '--db', db]);
    expect([again.status, stableStderr(again.stderr)]).toEqual([0, [`quotegraph: indexed 2 documents (2 quotes) into ${db} in T s, 0 skipped, 0 replaced by a later line with the same id`]]);
    expect(indexed(db)).toEqual([['a.txt', 'The first a'], ['b.txt', 'Only b'], ['c.txt', 'The second c']]);
  }, SPAWN_TIMEOUT);
});

describe('--db naming something that is no index (17.20)', () => {
  const graphs = write('db-graphs.jsonl', jsonl([graph('a.txt', 'We will win')]));
  const folder = join(tmp, 'a-folder');
  mkdirSync(folder);
  const empty = write('empty.db', '');
  const noTables = join(tmp, 'no-tables.db');
  new Sqlite(noTables).exec('VACUUM');
  const foreign = join(tmp, 'foreign.db');
  const other = new Sqlite(foreign);
  other.exec('CREATE TABLE invoices (n INTEGER)');
  other.close();
  const build = `build one with quotegraph index <graphs.jsonl> --db`;
  // [what, arguments, the one line on standard error]
  const CASES: Array<[string, string[], string]> = [
    ['index --db a JSONL file', ['index', graphs, '--db', graphs], `quotegraph: --db names the index to build, a SQLite file such as quotes.db, not ${graphs}: graphs to index are given before --db`],
    ['index --db a new other.jsonl', ['index', graphs, '--db', join(tmp, 'other.jsonl')], `quotegraph: --db names the index to build, a SQLite file such as quotes.db, not ${join(tmp, 'other.jsonl')}: graphs to index are given before --db`],
    ['index --db a folder', ['index', graphs, '--db', folder], `quotegraph: E_DB_FOLDER: ${folder} is a folder; give --db a file, such as ${join(folder, 'quotes.db')}`],
    ['index --db another program\'s database', ['index', graphs, '--db', foreign], `quotegraph: E_DB_NOT_INDEX: ${foreign} is a SQLite database but not a quotegraph index (no table documents); give --db an index built by quotegraph index, or a new file name such as quotes.db`],
    ['search --db a JSONL file', ['search', 'win', '--db', graphs], `quotegraph: E_DB_NOT_INDEX: ${graphs} is not a quotegraph index but a JSON or JSONL file (graphs are given to quotegraph index as inputs, before --db); give --db an index built by quotegraph index, or a new file name such as quotes.db`],
    ['search --db a folder', ['search', 'win', '--db', folder], `quotegraph: E_DB_FOLDER: ${folder} is a folder; give --db a file, such as ${join(folder, 'quotes.db')}`],
    ['search --db an empty file', ['search', 'win', '--db', empty], `quotegraph: E_DB_EMPTY: ${empty} is an empty file, not an index yet; ${build} ${empty}`],
    ['search --db a SQLite file with no tables', ['search', 'win', '--db', noTables], `quotegraph: E_DB_EMPTY: ${noTables} is a SQLite database with no tables, not an index yet; ${build} ${noTables}`],
    ['search --db nothing', ['search', 'win', '--db', join(tmp, 'none.db')], `quotegraph: E_DB_MISSING: no index at ${join(tmp, 'none.db')}; ${build} ${join(tmp, 'none.db')}`],
    ['report --db an empty file', ['report', '--db', empty, '--out', join(tmp, 'r.html')], `quotegraph: E_DB_EMPTY: ${empty} is an empty file, not an index yet; ${build} ${empty}`],
    ['report --db another program\'s database', ['report', '--db', foreign, '--out', join(tmp, 'r.html')], `quotegraph: E_DB_NOT_INDEX: ${foreign} is a SQLite database but not a quotegraph index (no table documents); give --db an index built by quotegraph index, or a new file name such as quotes.db`],
  ];
  it.each(CASES)('%s: a coded usage error, exit 2, nothing changed', (_what, args, message) => {
    const before = readFileSync(graphs, 'utf8');
    const run = runCli(args);
    expect([run.status, run.stderr, run.stdout]).toEqual([2, `${message}\n`, '']);
    expect(readFileSync(graphs, 'utf8')).toBe(before);
  }, SPAWN_TIMEOUT);

  it('an empty file given to index becomes an index', () => {
    const fresh = write('fresh.db', '');
    const run = runCli(['index', graphs, '--db', fresh]);
    expect(run.status).toBe(0);
    expect(indexed(fresh)).toEqual([['a.txt', 'We will win']]);
  }, SPAWN_TIMEOUT);
});

describe('dates that are no calendar dates (17.11, store side)', () => {
  const withDate = (id: string, date: string) => {
    const g = graph(id, `Quote of ${id}`, date);
    return g;
  };
  const input = write('dates.jsonl', jsonl([withDate('month13.txt', '2016-13-45'), withDate('feb30.txt', '2016-02-30'), withDate('fine.txt', '2016-02-29')]));
  const db = join(tmp, 'dates.db');
  const run = runCli(['index', input, '--db', db]);

  it('index drops them with a line that says so, and keeps the quotes', () => {
    expect(run.status).toBe(0);
    expect(stableStderr(run.stderr)).toEqual([
      `quotegraph: ${input} line 1: dropped a date: meta published "2016-13-45" is not a calendar date; indexed without it`,
      `quotegraph: ${input} line 1: dropped a date: article a0 published "2016-13-45" is not a calendar date; indexed without it`,
      `quotegraph: ${input} line 2: dropped a date: meta published "2016-02-30" is not a calendar date; indexed without it`,
      `quotegraph: ${input} line 2: dropped a date: article a0 published "2016-02-30" is not a calendar date; indexed without it`,
      `quotegraph: indexed 3 documents (3 quotes) into ${db} in T s, 0 skipped, 0 replaced by a later line with the same id`,
    ]);
    const index = openIndex(db, { readonly: true });
    try {
      expect(index.prepare('SELECT d.id, d.published, a.published AS article, q.date FROM documents d JOIN articles a ON a.doc_id = d.id JOIN quotes q ON q.doc_id = d.id ORDER BY d.id').all()).toEqual([
        { id: 'feb30.txt', published: null, article: null, date: null },
        { id: 'fine.txt', published: '2016-02-29', article: '2016-02-29', date: '2016-02-29' },
        { id: 'month13.txt', published: null, article: null, date: null },
      ]);
      expect(() => searchQuotes(index, { query: '', from: '2016-13' })).toThrow('E_OPTION_VALUE: from takes a date such as 2016-09-30, 2016-09 or 2016 (a real day, month or year), not string "2016-13"');
    } finally {
      index.close();
    }
  }, SPAWN_TIMEOUT);

  it.each([['--from', '2016-13'], ['--to', '2016-02-30'], ['--from', '2016-1']])('search %s %s is a usage error', (flag, value) => {
    const r = runCli(['search', '', '--db', db, flag, value]);
    expect([r.status, r.stderr, r.stdout]).toEqual([2, `quotegraph: ${flag} takes a date such as 2016-09-30, 2016-09 or 2016 (a real day, month or year), not "${value}"\n`, '']);
  }, SPAWN_TIMEOUT);
});

describe('report page timeline on dates no index should hold (17.11)', () => {
  /** A page whose one speaker has quotes on these dates. */
  const page = (name: string, dates: ReadonlyArray<string | null>): string => {
    const data: ReportData = {
      generated: '2026-01-01T00:00:00.000Z',
      totals: { documents: 1, quotes: dates.length, speakers: 1, unattributed: 0 },
      omitted: { speakers: 0, quotes: 0 },
      speakers: [{ name: 'John Smith', kind: 'person', roles: [], quotes: dates.map((date, i) => ({ text: `Quote ${i}`, form: 'direct', date, title: null, doc: 0 })) }],
      documents: [{ id: 'a.txt', title: null, outlet: null, date: null, quotes: dates.length }],
    };
    return write(name, renderReport(data));
  };
  // [what, quote dates, bars of the timeline: first, last, count]
  const CASES: Array<[string, string[], [string, string, number] | null]> = [
    ['a month 13 before a later year', ['2016-13-45', '2017-02-01'], ['2017-02-01', '2017-02-01', 1]],
    ['only dates that are no dates', ['2016-13-45', 'soon', '2016-00'], null],
    ['a span of two thousand years', ['1000', '2999'], ['1000', '1239', 240]],
    ['a day 45 in one month', ['2016-01-01', '2016-01-45'], ['2016-01-01', '2016-01-01', 1]],
  ];
  it.each(CASES)('%s: the page script ends and draws what it can', (what, dates, bars) => {
    const file = page(`timeline-${what.replace(/\W+/g, '-')}.html`, dates);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers', 'run-page.ts'), file], { encoding: 'utf8', timeout: 30_000 });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const drawn = JSON.parse(r.stdout) as { bars: string[]; quotes: number };
    expect(drawn.bars.length === 0 ? null : [drawn.bars[0]!.split(':')[0], drawn.bars.at(-1)!.split(':')[0], drawn.bars.length]).toEqual(bars);
    expect(drawn.quotes).toBe(dates.length);
  }, SPAWN_TIMEOUT);
});
