import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../src/store/db.js';
import { Indexer } from '../src/store/indexer.js';
import { SPAWN_TIMEOUT, runCli } from './helpers/cli.js';
import { quoteGraph } from './index-db.helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-search-'));
const dated = join(tmp, 'dated.db');
const undated = join(tmp, 'undated.db');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LAVROV = { name: 'Sergei Lavrov', aliases: ['Lavrov'], roles: ['foreign minister'] };

beforeAll(() => {
  const build = (path: string, published: string | undefined): void => {
    const db = openIndex(path);
    const indexer = new Indexer(db);
    const g = quoteGraph('moscow/talks.txt', 'Lavrov rejects guarantees', published, [
      { quote: 'Security guarantees must cover Russia too', says: 'Sergei Lavrov', entity: LAVROV },
      { quote: 'the talks had failed', says: 'Lavrov', entity: LAVROV, form: 'indirect' },
      { quote: "the plan was 'a road to nowhere'", says: 'Lavrov', entity: LAVROV, form: 'mixed' },
    ]);
    indexer.add(published === undefined ? g : { ...g, meta: { ...g.meta, outlet: 'Reuters' } });
    indexer.finish();
    db.close();
  };
  build(dated, '2022-03-01');
  build(undated, undefined);
});

describe('search on the command line (issue 15, item 6)', () => {
  it('shows direct quotes in quotation marks, reported speech without them and with its form', () => {
    const r = runCli(['search', '', '--db', dated]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe([
      '1. "Security guarantees must cover Russia too"',
      '   — Sergei Lavrov (foreign minister)',
      '   Lavrov rejects guarantees · Reuters · 2022-03-01 · moscow/talks.txt',
      '',
      '2. the talks had failed',
      '   — Sergei Lavrov (foreign minister) · indirect',
      '   Lavrov rejects guarantees · Reuters · 2022-03-01 · moscow/talks.txt',
      '',
      "3. the plan was 'a road to nowhere'",
      '   — Sergei Lavrov (foreign minister) · mixed',
      '   Lavrov rejects guarantees · Reuters · 2022-03-01 · moscow/talks.txt',
      '',
    ].join('\n'));
  }, SPAWN_TIMEOUT);

  it.each([
    ['a word no quote holds', dated, ['guarantees zebra'], ['no quote holds the word "zebra"']],
    ['a phrase and a prefix', dated, ['"talks failed" zeb*'], ['no quote holds the phrase "talks failed"', 'no word of any quote starts with "zeb"']],
    ['no word at all', dated, ['?!'], ['the query "?!" has no word to search for (letters or digits)']],
    ['an unknown speaker', dated, ['', '--speaker', 'Nobody \u001b[2J'], ['no speaker of the index is named "Nobody \\u001b[2J"']],
    ['an unknown speaker id', dated, ['', '--speaker-id', '99'], ['no speaker of the index has the id 99']],
    ['dates outside the index', dated, ['', '--from', '2023'], ['no quote is dated from 2023 on (the dated quotes run from 2022-03-01 to 2022-03-01)']],
    ['dates on an undated index', undated, ['talks', '--to', '2023-01'], ['no quote of the index has a date (its documents had no publication date: give extract --published, a published field or a manifest), so --from/--to take none']],
    ['an outlet it does not hold', dated, ['', '--outlet', 'AFP'], ['no document of the index is from the outlet "AFP" (outlets it holds include "Reuters")']],
    ['an outlet on an index of none', undated, ['', '--outlet', 'AFP'], ['no document of the index is from the outlet "AFP" (its documents name no outlet)']],
    ['filters that only fail together', dated, ['guarantees', '--form', 'indirect'], ['each filter matches some quotes, but no quote matches them all together']],
    ['words that only fail together', dated, ['guarantees failed'], ['each word and filter matches some quotes, but no quote matches them all together']],
  ])('says why nothing matched: %s', (_, db, args, reasons) => {
    const r = runCli(['search', ...args, '--db', db]);
    expect([r.status, r.stdout]).toEqual([0, `no quotes found:\n${reasons.map((x) => `  ${x}\n`).join('')}`]);
  }, SPAWN_TIMEOUT);

  it('--json stays an empty array when nothing matched', () => {
    const r = runCli(['search', 'zebra', '--db', dated, '--json']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '[]\n', '']);
  }, SPAWN_TIMEOUT);
});

describe('report says what it leaves out (issue 15, item 6)', () => {
  it('names the speakers past --speakers and their quotes, on the page and on standard error', () => {
    const db = join(tmp, 'two.db');
    const index = openIndex(db);
    const indexer = new Indexer(index);
    indexer.add(quoteGraph('a.txt', 'A', '2022-03-01', [
      { quote: 'One', says: 'Sergei Lavrov', entity: LAVROV },
      { quote: 'Two', says: 'Lavrov', entity: LAVROV },
      { quote: 'Three', says: 'Anna Smith', entity: { name: 'Anna Smith', aliases: [] } },
      { quote: 'Four' },
    ]));
    indexer.finish();
    index.close();
    const out = join(tmp, 'report.html');
    const r = runCli(['report', '--db', db, '--out', out, '--speakers', '1']);
    const line = 'This page shows only the 1 speaker with most quotes: 1 more speaker (1 quote) left out (quotegraph report --speakers N for more); 1 quote without a known speaker not listed; quotegraph serve browses them all.';
    expect([r.status, r.stderr]).toEqual([0, `quotegraph: report written to ${out}\nquotegraph: ${line}\n`]);
    expect(readFileSync(out, 'utf8')).toContain(`<div class="omitted" id="omitted">${line}</div>`);
    const all = runCli(['report', '--db', db, '--out', out, '--speakers', 'all']);
    expect(all.stderr).toBe(`quotegraph: report written to ${out}\nquotegraph: This page shows 1 quote without a known speaker not listed; quotegraph serve browses them all.\n`);
  }, SPAWN_TIMEOUT);
});
