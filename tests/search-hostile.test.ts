import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../src/store/db.js';
import { searchQuotes } from '../src/store/search.js';
import { SPAWN_TIMEOUT, runCli } from './helpers/cli.js';
import { quoteGraph } from './index-db.helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-search-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const db = join(tmp, 'quotes.db');

// A quote that clears the screen and reverses the text after it, a title that sets the
// window title, a document id with a C1 control, and a speaker named with a bidi override.
const QUOTE = 'We will win \u001b[2J now \u202eniw';
const TITLE = 'News \u001b]0;pwned\u0007 today';
const ID = 'evil\u009b31m.txt';
const SPEAKER = 'Smith\u202e';

beforeAll(() => {
  const graphs = join(tmp, 'graphs.jsonl');
  writeFileSync(graphs, [
    quoteGraph(ID, TITLE, '2022-03-01', [{ quote: QUOTE, says: 'Smith', entity: { name: SPEAKER, aliases: ['Smith'] } }]),
    quoteGraph('plain.txt', 'Plain', '2022-03-02', [{ quote: 'Taxes will fall', says: 'Jones' }, { quote: 'Growth is 100% certain', says: 'Agent 100%' }]),
  ].map((g) => `${JSON.stringify(g)}\n`).join(''));
  const r = runCli(['index', graphs, '--db', db]);
  expect(r.status).toBe(0);
}, SPAWN_TIMEOUT);

describe('search output escapes hostile text (17.18)', () => {
  it('the text output shows every control, escape and bidi override as a visible escape', () => {
    const r = runCli(['search', 'win', '--db', db]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe([
      '1. "We will win \\x1b[2J now \\u{202e}niw"',
      '   — Smith\\u{202e}',
      '   News \\x1b]0;pwned\\x07 today · 2022-03-01 · evil\\x9b31m.txt',
      '',
    ].join('\n'));
  }, SPAWN_TIMEOUT);

  it('--json stays exact: the same characters, as JSON escapes them', () => {
    const r = runCli(['search', 'win', '--db', db, '--json']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const hits = JSON.parse(r.stdout) as Array<{ quote: string; speaker: string; title: string; document: string }>;
    expect(hits.map((h) => [h.quote, h.speaker, h.title, h.document])).toEqual([[QUOTE, SPEAKER, TITLE, ID]]);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect(r.stdout).toContain('"document": "evil\\u009b31m.txt"');
  }, SPAWN_TIMEOUT);
});

describe('search --speaker and --limit (17.22)', () => {
  const speakers = (speaker: string): string[] => {
    const index = openIndex(db, { readonly: true });
    try {
      return searchQuotes(index, { query: '', speaker }).map((h) => `${h.speaker}: ${h.quote}`);
    } finally {
      index.close();
    }
  };
  it.each([
    ['%', ['Agent 100%: Growth is 100% certain']],
    ['100%', ['Agent 100%: Growth is 100% certain']],
    ['_', []],
    ['%%', []],
    ['J_nes', []],
    ['\\', []],
    ['Jones', ['Jones: Taxes will fall']],
  ])('--speaker %j matches its characters literally', (speaker, expected) => {
    expect(speakers(speaker)).toEqual(expected);
  });

  it('the CLI: --speaker % lists only the speaker whose name holds a %', () => {
    const r = runCli(['search', '', '--db', db, '--speaker', '%']);
    expect([r.status, r.stderr, r.stdout]).toEqual([0, '', '1. "Growth is 100% certain"\n   — Agent 100%\n   Plain · 2022-03-02 · plain.txt\n']);
  }, SPAWN_TIMEOUT);

  it.each([
    [['--speaker', ''], 'quotegraph: --speaker takes a name such as Lavrov or "Sergei Lavrov", not an empty one; leave it out to search every speaker'],
    [['--speaker', '  '], 'quotegraph: --speaker takes a name such as Lavrov or "Sergei Lavrov", not an empty one; leave it out to search every speaker'],
    [['--limit', '10001'], 'quotegraph: --limit is at most 10,000 hits, not 10001; narrow the search (words, --speaker, --from/--to)'],
  ])('search %j is a usage error', (args, message) => {
    const r = runCli(['search', '', '--db', db, ...args]);
    expect([r.status, r.stderr, r.stdout]).toEqual([2, `${message}\n`, '']);
  }, SPAWN_TIMEOUT);

  it('the library refuses an empty speaker and a limit over 10,000 with coded errors', () => {
    const index = openIndex(db, { readonly: true });
    try {
      expect(() => searchQuotes(index, { query: '', speaker: '' })).toThrow('E_OPTION_VALUE: speaker takes a name such as "Lavrov" or "Sergei Lavrov", not string ""; leave it out to search every speaker');
      expect(() => searchQuotes(index, { query: '', limit: 10_001 })).toThrow('E_OPTION_VALUE: limit takes a whole number from 1 to 10,000, not number 10001; narrow the search (words, speaker, dates) for fewer hits');
      expect(searchQuotes(index, { query: '', limit: 10_000 })).toHaveLength(3);
    } finally {
      index.close();
    }
  });
});
