import type { AnnotationGraph } from '../../src/index.js';

/** A quote as the speaker tables list it: [content, speaker mention as written, cue as written, speaker's entity name]. */
export type Seen = [string, string | null, string | null, string | null];

/** Every quote of the graph, in order, with its speaker mention, cue and entity. */
export function listed(graph: AnnotationGraph): Seen[] {
  const node = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const edgeFrom = (type: string, from: string) => graph.edges.find((e) => e.type === type && e.from === from);
  return graph.nodes.filter((n) => n.type === 'quote').map((q): Seen => {
    const c = edgeFrom('cue', q.id);
    const cueNode = c ? node.get(c.to) : undefined;
    const cue = cueNode && 'text' in cueNode ? cueNode.text : null;
    const sp = edgeFrom('speaker', q.id);
    const target = sp ? node.get(sp.to) : undefined;
    if (!target) return [q.text, null, cue, null];
    if (target.type === 'entity') return [q.text, null, cue, target.name];
    const of = edgeFrom('mentionOf', target.id);
    const entity = of ? node.get(of.to) : undefined;
    return [q.text, 'text' in target ? target.text : null, cue, entity?.type === 'entity' ? entity.name : null];
  });
}
