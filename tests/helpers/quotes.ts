import type { AnnotationGraph } from '../../src/index.js';

type GraphNode = AnnotationGraph['nodes'][number];

/** The node an edge of `type` from `from` points at, if there is one. */
function edgeTargets(graph: AnnotationGraph): (type: string, from: string) => GraphNode | undefined {
  const node = new Map(graph.nodes.map((n) => [n.id, n] as const));
  return (type, from) => {
    const e = graph.edges.find((x) => x.type === type && x.from === from);
    return e ? node.get(e.to) : undefined;
  };
}

/** A quote as the whole-list tables read it: content, speaker as written (`=Name` for an entity), cue as written. */
export type QuoteRow = [string, string | null, string | null];

/** Every quote of a graph, in the graph's order, as [content, speaker as written, cue as written]. */
export function quoteRows(graph: AnnotationGraph): QuoteRow[] {
  const to = edgeTargets(graph);
  const written = (n: GraphNode | undefined): string | null => (!n ? null : 'text' in n ? n.text : n.type === 'entity' ? `=${n.name}` : null);
  return graph.nodes.flatMap((n): QuoteRow[] => (n.type === 'quote' ? [[n.text, written(to('speaker', n.id)), written(to('cue', n.id))]] : []));
}

/** A quote as the speaker tables list it: [content, speaker mention as written, cue as written, speaker's entity name]. */
export type Seen = [string, string | null, string | null, string | null];

/** Every quote of the graph, in order, with its speaker mention, cue and the entity the speaker stands for. */
export function listed(graph: AnnotationGraph): Seen[] {
  const to = edgeTargets(graph);
  return graph.nodes.filter((n) => n.type === 'quote').map((q): Seen => {
    const cueNode = to('cue', q.id);
    const cue = cueNode && 'text' in cueNode ? cueNode.text : null;
    const target = to('speaker', q.id);
    if (!target) return [q.text, null, cue, null];
    if (target.type === 'entity') return [q.text, null, cue, target.name];
    const entity = to('mentionOf', target.id);
    return [q.text, 'text' in target ? target.text : null, cue, entity?.type === 'entity' ? entity.name : null];
  });
}
