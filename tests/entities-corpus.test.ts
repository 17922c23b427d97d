import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { loadManifest, readArticle, readExpected } from '../scripts/eval/corpus.js';
import type { ExpectedEntities } from '../scripts/eval/entities.js';
import { expectValidGraph } from './helpers/graph.js';

const NAME_TYPES = new Set(['person', 'place', 'organization', 'agency']);

const withExpectations = loadManifest()
  .map((entry) => ({ entry, expected: readExpected<ExpectedEntities>(entry.id, 'entities') }))
  .filter((x): x is { entry: typeof x.entry; expected: ExpectedEntities } => x.expected !== undefined);

describe('test corpus: entities', () => {
  it('has entity expectations for the seed page', () => {
    expect(withExpectations.map((x) => x.entry.id)).toContain('daily8-russia-ukraine-page');
  });

  it.each(withExpectations.map((x) => [x.entry.id, x] as const))('%s', (_id, { entry, expected }) => {
    const graph = extract(readArticle(entry), entry.published ? { published: entry.published } : undefined);
    expectValidGraph(graph);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const entityOf = new Map(graph.edges.filter((e) => e.type === 'mentionOf').map((e) => [e.from, byId.get(e.to) as { name: string } | undefined]));
    const found = new Map<string, string>();
    for (const n of graph.nodes) {
      if (!NAME_TYPES.has(n.type) || !('form' in n) || n.form !== 'name') continue;
      found.set(`${n.type} ${n.start}-${n.end} ${n.text}`, entityOf.get(n.id)?.name ?? '(no entity)');
    }
    // every expected name (not pending) comes out with its exact span, kind and entity
    const want = expected.mentions.filter((m) => !m.pending).map((m) => `${m.type} ${m.start}-${m.end} ${m.text} → ${m.entity}`);
    const got = expected.mentions.filter((m) => !m.pending).map((m) => {
      const key = `${m.type} ${m.start}-${m.end} ${m.text}`;
      return found.has(key) ? `${key} → ${found.get(key)}` : `${key} → (missing)`;
    });
    expect(got).toEqual(want);
    // and page furniture or products are never people
    const persons = graph.nodes.filter((n) => n.type === 'person').map((n) => (n as { text: string }).text);
    expect(persons.filter((p) => (expected.notPersons ?? []).includes(p))).toEqual([]);
  });
});
