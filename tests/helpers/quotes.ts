import type { AnnotationGraph } from '../../src/index.js';

/** A quote as the whole-list tables read it: content, speaker as written (`=Name` for an entity), cue as written. */
export type QuoteRow = [string, string | null, string | null];

/** Every quote of a graph, in the graph's order, as [content, speaker as written, cue as written]. */
export function quoteRows(graph: AnnotationGraph): QuoteRow[] {
  const node = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const target = (type: string, from: string): string | null => {
    const e = graph.edges.find((x) => x.type === type && x.from === from);
    const n = e ? node.get(e.to) : undefined;
    if (!n) return null;
    return 'text' in n ? n.text : n.type === 'entity' ? `=${n.name}` : null;
  };
  return graph.nodes.flatMap((n): QuoteRow[] => (n.type === 'quote' ? [[n.text, target('speaker', n.id), target('cue', n.id)]] : []));
}
