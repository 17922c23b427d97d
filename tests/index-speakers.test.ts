import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openIndex, type IndexDb } from '../src/store/db.js';
import { Indexer } from '../src/store/indexer.js';
import { middleDropped, middlesAgree, surnameOf } from '../src/store/names.js';
import { speakerIds } from '../src/store/quote-filter.js';
import { SPAWN_TIMEOUT, runCli } from './helpers/cli.js';
import { quoteGraph, type QuoteSpec } from './index-db.helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-speakers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const person = (name: string, aliases: string[] = [], roles: string[] = []): QuoteSpec['entity'] => ({ name, aliases, roles });
const said = (id: string, says: string, entity?: QuoteSpec['entity']): ReturnType<typeof quoteGraph> =>
  quoteGraph(id, `Story ${id}`, '2016-05-01', [{ quote: `Words of ${says} in ${id}`, says, ...(entity ? { entity } : {}) }]);

/**
 * One quote a document: the same people written as articles write them (middle initials,
 * middle names, honorifics, a last name alone, a suffix), two Clintons, three Bushes.
 */
const GRAPHS = [
  said('a/trump-j.txt', 'Donald J. Trump', person('Donald J. Trump', ['Trump'], ['republican nominee'])),
  said('b/trump.txt', 'Donald Trump', person('Donald Trump', ['Trump'])),
  said('c/trump-again.txt', 'Donald Trump', person('Donald Trump')),
  said('d/mr-trump.txt', 'Mr. Trump'),
  said('e/trump-alone.txt', 'Trump', person('Trump')),
  said('f/trump-jr.txt', 'Donald Trump Jr.', person('Donald Trump Jr.', ['Trump'])),
  said('g/hillary.txt', 'Hillary Clinton', person('Hillary Clinton', ['Clinton'], ['democratic nominee'])),
  said('h/rodham.txt', 'Hillary Rodham Clinton', person('Hillary Rodham Clinton')),
  said('i/bill.txt', 'Bill Clinton', person('Bill Clinton', ['Clinton'])),
  said('j/bill-again.txt', 'Bill Clinton', person('Bill Clinton')),
  said('k/clinton.txt', 'Clinton', person('Clinton')),
  said('l/bush-w.txt', 'George W. Bush', person('George W. Bush', ['Bush'])),
  said('m/bush-hw.txt', 'George H. W. Bush', person('George H. W. Bush')),
  said('n/bush.txt', 'George Bush', person('George Bush')),
  said('o/reuters.txt', 'Reuters', { kind: 'organization', name: 'Reuters', aliases: [] }),
];

/** Every speaker with what the index says of them, and every quote's speaker: what must not depend on order. */
function speakersOf(db: IndexDb): unknown {
  return {
    speakers: db.prepare('SELECT id, kind, name, roles FROM speakers ORDER BY id').all(),
    quotes: db.prepare('SELECT q.doc_id, q.local_id, q.speaker_id FROM quotes q ORDER BY q.doc_id, q.local_id').all(),
    keys: db.prepare('SELECT kind, key, speaker_id FROM speaker_keys ORDER BY kind, key').all(),
    surnames: db.prepare('SELECT surname, speaker_id FROM speaker_surnames ORDER BY surname, speaker_id').all(),
  };
}

/** Indexes the graphs in this order, one index run per `runs` part, and returns the index (open). */
function indexIn(name: string, graphs: typeof GRAPHS, runs = 1): IndexDb {
  const db = openIndex(join(tmp, `${name}.db`));
  const size = Math.ceil(graphs.length / runs);
  for (let i = 0; i < graphs.length; i += size) {
    const indexer = new Indexer(db);
    for (const g of graphs.slice(i, i + size)) indexer.add(g);
    indexer.finish();
  }
  return db;
}

/** A fixed shuffle of the graphs (no randomness in a test). */
const shuffled = [5, 12, 0, 9, 14, 3, 7, 1, 11, 6, 13, 2, 10, 4, 8].map((i) => GRAPHS[i]!);

describe('speakers merged across documents (issue 15)', () => {
  const forward = indexIn('forward', GRAPHS);

  it('merges middle initials, middle names, honorifics and a last name its one frequent owner has; keeps apart people who share a last name', () => {
    const byName = forward.prepare(`SELECT s.name, group_concat(q.doc_id, ' ') AS docs FROM speakers s JOIN quotes q ON q.speaker_id = s.id
      GROUP BY s.id ORDER BY s.id`).all();
    expect(byName).toEqual([
      // "Trump" alone is Donald Trump: three documents name him in full, one names Donald Trump Jr.
      { name: 'Donald Trump', docs: 'a/trump-j.txt b/trump.txt c/trump-again.txt d/mr-trump.txt e/trump-alone.txt' },
      { name: 'Donald Trump Jr.', docs: 'f/trump-jr.txt' },
      // as often named with the middle name as without: the one with it
      { name: 'Hillary Rodham Clinton', docs: 'g/hillary.txt h/rodham.txt' },
      { name: 'Bill Clinton', docs: 'i/bill.txt j/bill-again.txt' },
      // two Clintons named about as often: "Clinton" alone is neither
      { name: 'Clinton', docs: 'k/clinton.txt' },
      // two Bushes whose middle initials differ: "George Bush" could be either
      { name: 'George W. Bush', docs: 'l/bush-w.txt' },
      { name: 'George H. W. Bush', docs: 'm/bush-hw.txt' },
      { name: 'George Bush', docs: 'n/bush.txt' },
      { name: 'Reuters', docs: 'o/reuters.txt' },
    ]);
    expect(forward.prepare('SELECT roles FROM speakers WHERE id = 1').get()).toEqual({ roles: '["republican nominee"]' });
  });

  it.each([
    ['reversed', [...GRAPHS].reverse(), 1],
    ['shuffled', shuffled, 1],
    ['shuffled, in four index runs', shuffled, 4],
    ['reversed, one document a run', [...GRAPHS].reverse(), GRAPHS.length],
  ] as const)('gives the same speakers, ids and keys whatever the order: %s', (name, graphs, runs) => {
    const other = indexIn(name.replace(/\W+/g, '-'), [...graphs], runs);
    expect(speakersOf(other)).toEqual(speakersOf(forward));
    other.close();
  });

  it('finds a speaker by a full name with or without its middle, and everyone who has a last name', () => {
    expect(speakerIds(forward, 'Donald John Trump')).toEqual([1]);
    expect(speakerIds(forward, 'Melania Trump')).toEqual([]);
    expect(speakerIds(forward, 'Donald J. Trump')).toEqual([1]);
    expect(speakerIds(forward, 'donald trump')).toEqual([1]);
    expect(speakerIds(forward, 'Hillary R. Clinton')).toEqual([3]);
    expect(speakerIds(forward, 'Clinton')).toEqual([3, 4, 5]);
    expect(speakerIds(forward, 'Trump')).toEqual([1, 2]);
  });

  it('search --speaker says when a name is several speakers, and lists them with their ids', () => {
    forward.close();
    const db = join(tmp, 'forward.db');
    const r = runCli(['search', '', '--db', db, '--speaker', 'Clinton', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe([
      'quotegraph: --speaker "Clinton" matches 3 speakers; showing the quotes of all of them (give --speaker-id N or a full name for one):',
      '  Hillary Rodham Clinton: 2 quotes, --speaker-id 3',
      '  Bill Clinton: 2 quotes, --speaker-id 4',
      '  Clinton: 1 quote, --speaker-id 5',
      '',
    ].join('\n'));
    expect((JSON.parse(r.stdout) as Array<{ speaker: string }>).map((h) => h.speaker).sort()).toEqual(['Bill Clinton', 'Bill Clinton', 'Clinton', 'Hillary Rodham Clinton', 'Hillary Rodham Clinton']);
    const one = runCli(['search', '', '--db', db, '--speaker-id', '4', '--json']);
    expect([one.status, one.stderr, (JSON.parse(one.stdout) as Array<{ document: string }>).map((h) => h.document)]).toEqual([0, '', ['i/bill.txt', 'j/bill-again.txt']]);
    const full = runCli(['search', '', '--db', db, '--speaker', 'Hillary Clinton', '--json']);
    expect([full.status, full.stderr, (JSON.parse(full.stdout) as unknown[]).length]).toEqual([0, '', 2]);
  }, SPAWN_TIMEOUT);
});

describe('name keys for the merge', () => {
  it.each([
    ['donald j trump', 'donald trump', 'trump'],
    ['hillary rodham clinton', 'hillary clinton', 'clinton'],
    ['george h w bush', 'george bush', 'bush'],
    ['donald trump jr', 'donald trump jr', 'trump'],
    ['joseph r biden jr', 'joseph biden jr', 'biden'],
    ['sergei lavrov', 'sergei lavrov', 'lavrov'],
    ['lavrov', 'lavrov', 'lavrov'],
  ])('%s → %s, last name %s', (key, plain, surname) => {
    expect([middleDropped(key), surnameOf(key)]).toEqual([plain, surname]);
  });

  it.each([
    [['r'], ['rodham'], true],
    [['rodham'], ['r'], true],
    [['w'], ['w'], true],
    [['w'], ['h', 'w'], false],
    [['h'], ['w'], false],
    [['walker'], ['wallace'], false],
  ])('middles %j and %j agree: %s', (a, b, agree) => {
    expect(middlesAgree(a, b)).toBe(agree);
  });
});
