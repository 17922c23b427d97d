import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { loadManifest, readArticle, readExpected } from '../scripts/eval/corpus.js';
import { expectValidGraph } from './helpers/graph.js';

interface Sentence { start: number; end: number; text: string; pending?: boolean }

/**
 * Articles whose sentences are known not to come out right yet, with the reason. Each
 * runs as `it.fails`, so a fix shows up as a failure telling you to remove the entry.
 */
const KNOWN_GAPS: Record<string, string> = {};

const cases = loadManifest().flatMap((entry) => {
  const expected = readExpected<Sentence[]>(entry.id, 'sentences');
  return expected ? [[entry.id, entry, expected] as const] : [];
});

describe('test-corpus sentences', () => {
  it('has sentence expectations for every article', () => {
    expect(cases.map(([id]) => id)).toEqual(loadManifest().map((e) => e.id));
  });

  it.each(cases)('%s: every expected sentence is its own slice, trimmed and in order', (_id, entry, expected) => {
    const text = readArticle(entry);
    let previousEnd = 0;
    for (const s of expected) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
      expect(s.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = s.end;
    }
  });

  for (const [id, entry, expected] of cases) {
    const test = KNOWN_GAPS[id] ? it.fails : it;
    test(`${id}: extract() finds exactly the expected sentences${KNOWN_GAPS[id] ? ` (known gap: ${KNOWN_GAPS[id]})` : ''}`, () => {
      const text = readArticle(entry);
      const graph = extract(text, entry.published ? { published: entry.published } : undefined);
      expectValidGraph(graph);
      const found = graph.nodes.filter((n) => n.type === 'sentence').map((n) => [n.start, n.end, text.slice(n.start, n.end)]);
      expect(found).toEqual(expected.filter((s) => !s.pending).map((s) => [s.start, s.end, s.text]));
    });
  }
});
