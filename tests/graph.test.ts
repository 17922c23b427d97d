import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, checkGraph, extract, query } from '../src/index.js';
import { buildView } from '../src/text/view.js';
import { expectValidGraph } from './helpers/graph.js';

const SEED = readFileSync(join(import.meta.dirname, '..', 'test-corpus', 'articles', 'daily8-russia-ukraine-page.txt'), 'utf8');

describe('the annotation graph', () => {
  it('is a schema-valid graph of the seed page with its text unchanged', () => {
    const g = extract(SEED);
    expectValidGraph(g);
    expect(g.text).toBe(SEED);
    expect(g).toMatchObject({ format: 'quotegraph', version: 1, offsetUnit: 'utf16' });
    expect(g.nodes.filter((n) => n.type === 'sentence').length).toBeGreaterThan(40);
  });

  it('gives the same ids for the same input', () => {
    expect(extract(SEED)).toEqual(extract(SEED));
  });

  it('keeps offsets into the raw text when curly quotes, NBSP, CRLF and zero-width characters are present', () => {
    const text = '\u201cWe will\u00a0go,\u201d he\u200b said.\r\n\r\nThe talks\u2026 ended.';
    const g = extract(text);
    expectValidGraph(g);
    expect(g.text).toBe(text);
    const sentences = g.nodes.filter((n) => n.type === 'sentence').map((n) => text.slice(n.start, n.end));
    expect(sentences).toEqual(['\u201cWe will\u00a0go,\u201d he\u200b said.', 'The talks\u2026 ended.']);
  });

  it('never lets a span start or end with white space', () => {
    const b = new GraphBuilder('  Lavrov said  ');
    const ref = b.addSpan('person', 0, 8, { form: 'name' });
    expect(ref).toMatchObject({ start: 2, end: 8 });
    expect(b.addSpan('person', 0, 2)).toBeUndefined();
  });

  it('orders nodes by start then type, entities last, and drops edges to removed nodes', () => {
    const b = new GraphBuilder('Burns said it. Burns left.');
    const s2 = b.addSpan('sentence', 15, 26)!;
    const m2 = b.addSpan('person', 15, 20, { form: 'name' })!;
    const m1 = b.addSpan('person', 0, 5, { form: 'name' })!;
    const s1 = b.addSpan('sentence', 0, 14)!;
    const e = b.addEntity({ kind: 'person', name: 'Burns', aliases: [] });
    const gone = b.addEntity({ kind: 'person', name: 'X', aliases: [] });
    b.addEdge('mentionOf', m1, e);
    b.addEdge('mentionOf', m2, e);
    b.addEdge('mentionOf', m2, gone);
    b.remove(gone);
    void s1;
    void s2;
    const g = b.build();
    expect(g.nodes.map((n) => `${n.id}:${n.type}`)).toEqual(['s0:sentence', 'm0:person', 's1:sentence', 'm1:person', 'e0:entity']);
    expect(g.edges).toEqual([
      { type: 'mentionOf', from: 'm0', to: 'e0' },
      { type: 'mentionOf', from: 'm1', to: 'e0' },
    ]);
    expect(checkGraph(g)).toEqual([]);
  });

  it('checkGraph finds broken invariants', () => {
    const g = extract('Talks ended.');
    const broken = { ...g, nodes: [...g.nodes, { id: 's0', type: 'sentence', start: 5, end: 99 }], edges: [{ type: 'partOf', from: 'x', to: 's0' }] } as never;
    expect(checkGraph(broken)).toEqual([
      'duplicate id s0',
      's0: span [5, 99) is not inside the text (length 12)',
      'partOf edge from missing node x',
    ]);
  });
});

describe('the query layer', () => {
  // A graph built by hand, so the query layer is tested apart from the stages.
  const text = '"No casualties resulted," prosecutor Grzegorz Trusiewicz said. He left. "It is over."';
  const b = new GraphBuilder(text);
  const s0 = b.addSpan('sentence', 0, 62)!;
  b.addSpan('sentence', 63, 71);
  b.addSpan('sentence', 72, 85);
  const q0 = b.addSpan('quote', 1, 23, { form: 'direct' })!;
  const q1 = b.addSpan('quote', 73, 84, { form: 'direct' })!;
  const m0 = b.addSpan('person', 37, 56, { form: 'name' })!;
  const m1 = b.addSpan('person', 63, 65, { form: 'pronoun' })!;
  const e0 = b.addEntity({ kind: 'person', name: 'Grzegorz Trusiewicz', aliases: [], roles: ['prosecutor'] });
  b.addEdge('mentionOf', m0, e0);
  b.addEdge('mentionOf', m1, e0);
  b.addEdge('speaker', q0, m0);
  b.addEdge('speaker', q1, e0);
  void s0;
  const g = b.build();
  const q = query(g);

  it('finds the speaker of a quote, through a mention or directly', () => {
    expect(q.speakerOf('q0')?.mention?.text).toBe('Grzegorz Trusiewicz');
    expect(q.speakerOf('q0')?.entity?.name).toBe('Grzegorz Trusiewicz');
    expect(q.speakerOf('q1')).toEqual({ entity: g.nodes.find((n) => n.type === 'entity') });
  });

  it('finds the quotes of a speaker and the mentions of an entity', () => {
    const [e] = q.findEntities('Trusiewicz');
    expect(e?.name).toBe('Grzegorz Trusiewicz');
    expect(q.quotesOf(e!.id).map((x) => x.text)).toEqual(['No casualties resulted', 'It is over.']);
    expect(q.mentionsOf(e!.id).map((m) => m.text)).toEqual(['Grzegorz Trusiewicz', 'He']);
  });

  it('finds the sentence of a node', () => {
    expect(q.sentenceOf('m1')).toMatchObject({ start: 63, end: 71 });
    expect(q.sentenceOf(q.findEntities('Grzegorz Trusiewicz')[0]!.id)).toMatchObject({ start: 0, end: 62 });
    void q0;
    void q1;
  });
});

describe('the normalised view', () => {
  it.each([
    ['curly quotes read straight', '\u201cHi\u201d \u2018x\u2019', '"Hi" \'x\''],
    ['guillemets and low quotes', '\u00abOui\u00bb \u201eJa\u201c', '"Oui" "Ja"'],
    ['NBSP reads as a space', 'a\u00a0b', 'a b'],
    ['CRLF reads as LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['zero-width characters vanish', 'Lav\u200brov', 'Lavrov'],
    ['an ellipsis character reads as three dots', 'so\u2026', 'so...'],
    ['a lone surrogate reads as U+FFFD', 'a\ud800b', 'a\ufffdb'],
  ])('%s', (_what, source, viewText) => {
    const v = buildView(source);
    expect(v.text).toBe(viewText);
    expect(v.toSource(0)).toBe(0);
    expect(v.toSource(v.text.length)).toBe(source.length);
  });

  it('maps every view offset back into the source', () => {
    const source = 'x\u200by\r\nz\u2026w';
    const v = buildView(source);
    expect(v.text).toBe('xy\nz...w');
    expect([...v.text].map((_, i) => v.toSource(i))).toEqual([0, 2, 4, 5, 6, 6, 6, 7]);
    // the end of "z..." (view 3..7) is just after the ellipsis in the source
    expect(v.toSourceEnd(7)).toBe(7);
  });
});
