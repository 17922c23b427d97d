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

describe('search query bounds (17.12)', () => {
  const quotesFor = (query: unknown): string[] => {
    const index = openIndex(db, { readonly: true });
    try {
      return searchQuotes(index, { query: query as string }).map((h) => h.quote);
    } finally {
      index.close();
    }
  };
  const words = (n: number, word: string): string => Array(n).fill(word).join(' ');

  it.each([
    ['16 words or phrases', `${words(5, 'taxes will fall')} taxes`],
    ['32 words, in 16 phrases', words(16, '"will fall"')],
    ['4 prefixes', 'ta* wi* fa* t*'],
    ['500 characters', `taxes${' '.repeat(490)}fall*`],
  ])('a query at the bound is searched: %s', (_, query) => {
    expect(quotesFor(query)).toEqual(['Taxes will fall']);
  });

  it.each([
    ['17 words', `${words(5, 'taxes will fall')} taxes will`, 'the query has 17 words or phrases; at most 16 are searched'],
    ['33 words in 11 phrases', words(11, '"taxes will fall"'), 'the query has 33 words (counting those of its phrases); at most 32 are searched'],
    ['5 prefixes', 'ta* wi* fa* t* w*', 'the query has 5 prefix terms (word*); at most 4 are searched'],
    ['400 prefixes', words(400, 't*'), 'the query has 1,199 characters; at most 500 are searched'],
    ['200 prefixes', words(200, 't*').slice(0, 500), 'the query has 167 words or phrases; at most 16 are searched'],
    ['501 characters', `taxes${' '.repeat(491)}fall*`, 'the query has 501 characters; at most 500 are searched'],
  ])('the library refuses a query past a bound with E_QUERY_BOUND: %s', (_, query, why) => {
    expect(() => quotesFor(query)).toThrow(`E_QUERY_BOUND: ${why}; search with fewer, longer words (a speaker, dates or a phrase narrow a search too)`);
  });

  it('a query that is not a string is E_OPTION_VALUE', () => {
    expect(() => quotesFor(null)).toThrow('E_OPTION_VALUE: query takes a string of words (empty to list every quote), not null');
  });

  it('the CLI: a query past a bound is a usage error with the same coded message, before the index is opened', () => {
    const r = runCli(['search', words(5, 't*'), '--db', join(tmp, 'no-such.db')]);
    expect([r.status, r.stderr, r.stdout]).toEqual([2, 'quotegraph: E_QUERY_BOUND: the query has 5 prefix terms (word*); at most 4 are searched; search with fewer, longer words (a speaker, dates or a phrase narrow a search too)\n', '']);
  }, SPAWN_TIMEOUT);
});
