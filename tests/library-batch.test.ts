/**
 * Batches as a library user runs them: `extractAll` over sync and async iterables,
 * `extractParallel` (quotegraph/node) on the CLI's worker pool, `extractStream` (Web Streams).
 * Each must give exactly the graphs of `extract`, in input order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, extractAll, extractStream, type AnnotationGraph, type ExtractInput } from '../src/index.js';
import { extractParallel, type ParallelProgress } from '../src/node/index.js';
import { OrderedWindow } from '../src/node/ordered.js';

const ROOT = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'test-corpus', 'manifest.json'), 'utf8')) as Array<{ file: string; published?: string }>;
/** The test corpus as records, each with its own publication date where the manifest gives one. */
const corpus: ExtractInput[] = manifest.map((m) => {
  const text = readFileSync(join(ROOT, 'test-corpus', m.file), 'utf8');
  return m.published ? { text, options: { published: m.published } } : text;
});

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const x of items) {
    await new Promise((r) => setTimeout(r, 1));
    yield x;
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const expected: AnnotationGraph[] = [...extractAll(corpus)];

describe('extractAll', () => {
  it('sync in, sync out: a generator (no async iterator), the graphs of extract in order', () => {
    const out = extractAll(corpus);
    expect([typeof (out as Iterable<unknown>)[Symbol.iterator], typeof (out as unknown as AsyncIterable<unknown>)[Symbol.asyncIterator]]).toEqual(['function', 'undefined']);
    expect(expected.length).toBe(24);
    expect(expected[0]).toEqual(extract(corpus[0] as string));
    expect(expected.map((g) => g.text)).toEqual(corpus.map((c) => (typeof c === 'string' ? c : c.text)));
    expect(expected.map((g) => g.meta.published ?? null)).toEqual(manifest.map((m) => m.published ?? null));
  });

  it('async in, async out: an async generator giving the same graphs in order', async () => {
    const out = extractAll(slowly(corpus));
    expect([typeof (out as AsyncIterable<unknown>)[Symbol.asyncIterator], typeof (out as unknown as Iterable<unknown>)[Symbol.iterator]]).toEqual(['function', 'undefined']);
    expect(await collect(out)).toEqual(expected);
  });

  it('refuses a non-iterable at the call, and a bad item when it comes', async () => {
    expect(() => extractAll(42 as never)).toThrow(/^E_INPUT_ITERABLE: extractAll\(\) takes an iterable or async iterable/);
    await expect(collect(extractAll(slowly(['One.', 7 as never])))).rejects.toThrow(/^E_INPUT_ITERABLE: extractAll\(\) inputs must be strings or \{ text, options \} records; got number 7/);
  });
});

describe('extractParallel (quotegraph/node)', () => {
  it('with 2 workers gives exactly the graphs of extractAll over the test corpus, in order, telling its progress', async () => {
    const progress: ParallelProgress[] = [];
    const graphs = await collect(extractParallel(corpus, { workers: 2, onProgress: (p) => progress.push(p) }));
    expect(graphs).toEqual(expected);
    expect(progress.map((p) => p.done)).toEqual(expected.map((_, i) => i + 1));
    const words = expected.map((g) => g.text.split(/[\t\n\v\f\r \u00a0]+/).filter((w) => w.length > 0).length);
    expect(progress.map((p) => p.words)).toEqual(words.map((_, i) => words.slice(0, i + 1).reduce((a, b) => a + b, 0)));
  }, 120_000);

  it('takes an async iterable and shared options (one worker: in this thread)', async () => {
    const texts = ['Police said on Monday that two people died.', '"We will rebuild," Mayor Ana Ruiz said on Friday.'];
    const graphs = await collect(extractParallel(slowly(texts), { workers: 1, published: '2025-11-26' }));
    expect(graphs).toEqual(texts.map((t) => extract(t, { published: '2025-11-26' })));
  });

  it('refuses what it cannot send to a worker, at the call', () => {
    expect(() => extractParallel(['x'], { pipeline: { drop: ['quotes'] } } as never)).toThrow(/^E_OPTION_VALUE: extractParallel\(\) runs the default pipeline/);
    expect(() => extractParallel(['x'], { workers: 0 })).toThrow(/^E_OPTION_VALUE: Option "workers" must be a whole number/);
    expect(() => extractParallel(['x'], { published: 'soon' })).toThrow(/^E_OPTION_VALUE/);
    expect(() => extractParallel(null as never)).toThrow(/^E_INPUT_ITERABLE/);
  });
});

describe('extractStream (Web Streams)', () => {
  it('transforms records to their graphs in order', async () => {
    const records = corpus.slice(0, 5);
    const source = new ReadableStream<ExtractInput>({
      start(c) {
        for (const r of records) c.enqueue(r);
        c.close();
      },
    });
    expect(await collect(source.pipeThrough(extractStream()) as unknown as AsyncIterable<AnnotationGraph>)).toEqual(expected.slice(0, 5));
  });

  it('errors the stream with the coded error of a record that is not text', async () => {
    const source = new ReadableStream<ExtractInput>({
      start(c) {
        c.enqueue({ text: 5 } as never);
        c.close();
      },
    });
    await expect(collect(source.pipeThrough(extractStream()) as unknown as AsyncIterable<AnnotationGraph>)).rejects.toThrow(/^E_INPUT_ITERABLE: extractStream\(\) inputs must be strings/);
  });
});

describe('OrderedWindow (the window of extractParallel and quotegraph extract)', () => {
  it('is full by items or by weight, lets one heavy item in, and gives items back in order with their weights', () => {
    const w = new OrderedWindow<string>(3, 10);
    const states: Array<[number, boolean]> = [];
    w.push('a', 20);
    states.push([w.size, w.full]);
    w.push('b', 0);
    states.push([w.size, w.full]);
    expect(w.shift()).toEqual({ value: 'a', weight: 20 });
    w.push('c', 4);
    w.push('d', 4);
    states.push([w.size, w.full]);
    expect([w.shift(), w.shift(), w.shift()]).toEqual([{ value: 'b', weight: 0 }, { value: 'c', weight: 4 }, { value: 'd', weight: 4 }]);
    expect(states).toEqual([[1, false], [2, true], [3, true]]);
    expect(() => w.shift()).toThrow('OrderedWindow.shift() on an empty window');
  });
});
