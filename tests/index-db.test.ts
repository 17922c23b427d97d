import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIndex, type IndexDb } from '../src/store/db.js';
import { Indexer } from '../src/store/indexer.js';
import { nameKey } from '../src/store/names.js';
import { ftsQuery, searchQuotes } from '../src/store/search.js';
import { expectValidGraph } from './helpers/graph.js';
import { quoteGraph } from './index-db.helpers.js';

const LAVROV = { name: 'Sergei Lavrov', aliases: ['Lavrov'], roles: ['foreign minister'] };

/** Three articles: Lavrov by full name and by last name alone, and another speaker. */
const GRAPHS = [
  quoteGraph('moscow/talks.txt', 'Lavrov rejects guarantees', '2022-03-01', [
    { quote: 'Security guarantees must cover Russia too', says: 'Sergei Lavrov', entity: LAVROV },
    { quote: 'The talks are not over', says: 'he', entity: LAVROV },
  ]),
  quoteGraph('moscow/later.txt', 'Lavrov again', '2022-04-15', [
    { quote: 'Guarantees are a matter for all sides', says: 'Lavrov', entity: { name: 'Lavrov', aliases: [], roles: ['Russian diplomat'] } },
  ]),
  quoteGraph('warsaw/blast.txt', 'Blast near Warsaw', '2022-04-20', [
    { quote: 'No casualties resulted', says: 'Grzegorz Trusiewicz', entity: { name: 'Grzegorz Trusiewicz', aliases: ['Trusiewicz'], roles: ['regional prosecutor'] } },
    { quote: 'Windows were broken in two houses', says: 'police' },
    { quote: 'The blast was heard for miles' },
  ]),
];

let dir: string;
let db: IndexDb;

const index = (graphs: ReadonlyArray<(typeof GRAPHS)[number]>): Indexer => {
  const indexer = new Indexer(db);
  for (const g of graphs) indexer.add(g);
  indexer.finish();
  return indexer;
};
const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const speakers = (): Array<{ name: string; n: number }> =>
  db.prepare('SELECT s.name, COUNT(q.id) AS n FROM speakers s JOIN quotes q ON q.speaker_id = s.id GROUP BY s.id ORDER BY n DESC, s.name').all() as Array<{ name: string; n: number }>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quotegraph-index-'));
  db = openIndex(join(dir, 'index.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('quote index', () => {
  it('the graphs it is built from are valid', () => {
    for (const g of GRAPHS) expectValidGraph(g);
  });

  it('stores documents, articles, entities and quotes', () => {
    index(GRAPHS);
    // three entities, and the police, a speaker named with no entity, kept as one of its own
    expect([count('documents'), count('articles'), count('entities'), count('quotes'), count('quotes_fts')]).toEqual([3, 3, 4, 6, 6]);
    expect(db.prepare('SELECT id, title, published, quotes FROM documents ORDER BY id').all()).toEqual([
      { id: 'moscow/later.txt', title: 'Lavrov again', published: '2022-04-15', quotes: 1 },
      { id: 'moscow/talks.txt', title: 'Lavrov rejects guarantees', published: '2022-03-01', quotes: 2 },
      { id: 'warsaw/blast.txt', title: 'Blast near Warsaw', published: '2022-04-20', quotes: 3 },
    ]);
  });

  it('merges speakers across documents by name and alias, with their roles', () => {
    index(GRAPHS);
    expect(speakers()).toEqual([
      { name: 'Sergei Lavrov', n: 3 },
      { name: 'Grzegorz Trusiewicz', n: 1 },
      { name: 'police', n: 1 },
    ]);
    expect(searchQuotes(db, { query: '', speaker: 'Lavrov' })[0]!.roles).toEqual(['foreign minister', 'russian diplomat']);
  });

  it('merges a last name seen before the full name', () => {
    index([GRAPHS[1]!, GRAPHS[0]!]);
    expect(speakers()[0]).toEqual({ name: 'Sergei Lavrov', n: 3 });
  });

  it('keeps two people apart who share a last name, and the last name alone apart from both', () => {
    index([
      ...GRAPHS,
      quoteGraph('other.txt', 'Another Lavrov', '2022-05-01', [{ quote: 'I am no diplomat', says: 'Anna Lavrov', entity: { name: 'Anna Lavrov', aliases: ['Lavrov'] } }]),
    ]);
    expect(speakers()).toEqual([
      { name: 'Sergei Lavrov', n: 2 },
      { name: 'Anna Lavrov', n: 1 },
      { name: 'Grzegorz Trusiewicz', n: 1 },
      { name: 'Lavrov', n: 1 },
      { name: 'police', n: 1 },
    ]);
  });

  it('replaces a document indexed again instead of duplicating it', () => {
    index(GRAPHS);
    index([quoteGraph('warsaw/blast.txt', 'Blast near Warsaw (updated)', '2022-04-21', [{ quote: 'One window was broken', says: 'police' }])]);
    expect([count('documents'), count('quotes'), count('quotes_fts'), count('articles')]).toEqual([3, 4, 4, 3]);
    expect(searchQuotes(db, { query: 'casualties' })).toEqual([]);
    expect(searchQuotes(db, { query: 'window' }).map((h) => [h.quote, h.title, h.date])).toEqual([['One window was broken', 'Blast near Warsaw (updated)', '2022-04-21']]);
    // Trusiewicz no longer has a quote: he is no longer a speaker.
    expect(speakers().map((s) => s.name)).toEqual(['Sergei Lavrov', 'police']);
  });

  it('keeps each document\'s text and sentences (for a quote\'s context), replaced with the document', () => {
    index(GRAPHS);
    const blast = GRAPHS[2]!;
    expect(db.prepare('SELECT text FROM document_texts WHERE doc_id = ?').get('warsaw/blast.txt')).toEqual({ text: blast.text });
    expect(db.prepare('SELECT start, "end" FROM sentences WHERE doc_id = ? ORDER BY start').all('warsaw/blast.txt')).toEqual(
      blast.nodes.filter((n) => n.type === 'sentence').map((n) => ({ start: n.start, end: n.end })),
    );
    expect([count('document_texts'), count('sentences')]).toEqual([3, 9]);
    index([quoteGraph('warsaw/blast.txt', 'Blast', '2022-04-21', [{ quote: 'One window was broken', says: 'police' }])]);
    expect([count('document_texts'), count('sentences')]).toEqual([3, 7]);
    expect(db.prepare('SELECT text FROM document_texts WHERE doc_id = ?').get('warsaw/blast.txt')).toEqual({ text: 'Blast\n"One window was broken," police said.' });
  });

  it('writes batches larger than one transaction', () => {
    const many = Array.from({ length: 600 }, (_, i) => quoteGraph(`bulk/${i}.txt`, `Item ${i}`, '2023-01-02', [{ quote: `Statement number ${i}`, says: 'Jane Roe', entity: { name: 'Jane Roe', aliases: ['Roe'] } }]));
    const indexer = index(many);
    expect([indexer.indexed, count('documents'), count('quotes'), count('speakers')]).toEqual([600, 600, 600, 1]);
  });
});

// [what, query, speaker, from, to, expected quotes in rank order]
const SEARCHES: Array<[string, string, string | undefined, string | undefined, string | undefined, string[]]> = [
  ['one word, stemmed, the shorter quote ranked first', 'guarantee', undefined, undefined, undefined, ['Security guarantees must cover Russia too', 'Guarantees are a matter for all sides']],
  ['all words required', 'guarantees russia', undefined, undefined, undefined, ['Security guarantees must cover Russia too']],
  ['a phrase', '"for all sides"', undefined, undefined, undefined, ['Guarantees are a matter for all sides']],
  ['a prefix', 'casual*', undefined, undefined, undefined, ['No casualties resulted']],
  ['speaker by last name', '', 'Lavrov', undefined, undefined, ['Guarantees are a matter for all sides', 'Security guarantees must cover Russia too', 'The talks are not over']],
  ['speaker by full name, with words', 'talks', 'Sergei Lavrov', undefined, undefined, ['The talks are not over']],
  ['speaker known only as written', '', 'police', undefined, undefined, ['Windows were broken in two houses']],
  ['from a date', 'guarantees', undefined, '2022-04-01', undefined, ['Guarantees are a matter for all sides']],
  ['to a month, inclusive', '', undefined, undefined, '2022-03', ['Security guarantees must cover Russia too', 'The talks are not over']],
  ['operators are words, not syntax', 'are NOT over', undefined, undefined, undefined, ['The talks are not over']],
  ['nothing found', 'zebra', undefined, undefined, undefined, []],
];

describe('search', () => {
  it.each(SEARCHES)('%s', (_what, query, speaker, from, to, expected) => {
    index(GRAPHS);
    const hits = searchQuotes(db, { query, ...(speaker ? { speaker } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
    expect(hits.map((h) => h.quote).sort((a, b) => (query === '' ? a.localeCompare(b) : 0))).toEqual(query === '' ? [...expected].sort() : expected);
  });

  it('gives speaker, role, document, title and date with each hit', () => {
    index(GRAPHS);
    const [hit] = searchQuotes(db, { query: 'casualties' });
    expect(hit).toMatchObject({ quote: 'No casualties resulted', speaker: 'Grzegorz Trusiewicz', roles: ['regional prosecutor'], document: 'warsaw/blast.txt', title: 'Blast near Warsaw', date: '2022-04-20', cue: 'said', form: 'direct' });
  });

  it('limits the number of hits', () => {
    index(GRAPHS);
    expect(searchQuotes(db, { query: '', limit: 2 })).toHaveLength(2);
  });
});

// [input, FTS5 query]
const FTS: Array<[string, string]> = [
  ['security guarantees', '"security" "guarantees"'],
  ['"security guarantees" Russia', '"security guarantees" "Russia"'],
  ['guarant*', '"guarant"*'],
  ['NEAR(a b) OR -c', '"NEAR" "a" "b" "OR" "c"'],
  ["Russia's", '"Russia s"'],
  ['', ''],
];

describe('query words to FTS5', () => {
  it.each(FTS)('%j', (input, expected) => {
    expect(ftsQuery(input)).toBe(expected);
  });
});

// [name, key]
const KEYS: Array<[string, string]> = [
  ['Sergei Lavrov', 'sergei lavrov'],
  ['Mr. Lavrov', 'lavrov'],
  ['José Martí', 'jose marti'],
  ["Lavrov's", 'lavrov'],
  ['Mr', 'mr'],
];

describe('speaker name keys', () => {
  it.each(KEYS)('%s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});
