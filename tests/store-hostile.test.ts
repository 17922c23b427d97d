import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openIndex } from '../src/store/db.js';
import { SPAWN_TIMEOUT, runCli, stableStderr } from './helpers/cli.js';
import { quoteGraph } from './index-db.helpers.js';

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
