import type { AnnotationGraph } from './types.js';

const WS = /^\s|\s$/u;

/**
 * The graph's invariants, checked: spans inside the text, `text` equal to the slice,
 * no span starting or ending with white space, unique ids, edges between existing
 * nodes, nodes ordered by start. Returns the problems found (empty when sound).
 */
export function checkGraph(graph: AnnotationGraph): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  let lastStart = -1;
  let seenEntity = false;
  for (const n of graph.nodes) {
    if (ids.has(n.id)) problems.push(`duplicate id ${n.id}`);
    ids.add(n.id);
    if (n.type === 'entity') {
      seenEntity = true;
      continue;
    }
    if (seenEntity) problems.push(`${n.id}: spanned node after an entity`);
    const { start, end } = n;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > graph.text.length || start >= end) {
      problems.push(`${n.id}: span [${start}, ${end}) is not inside the text (length ${graph.text.length})`);
      continue;
    }
    if (start < lastStart) problems.push(`${n.id}: nodes are not ordered by start`);
    lastStart = start;
    const slice = graph.text.slice(start, end);
    if (WS.test(slice)) problems.push(`${n.id}: span starts or ends with white space`);
    if ('text' in n && n.text !== slice) problems.push(`${n.id}: text ${JSON.stringify(n.text)} differs from the slice ${JSON.stringify(slice)}`);
  }
  for (const e of graph.edges) {
    if (!ids.has(e.from)) problems.push(`${e.type} edge from missing node ${e.from}`);
    if (!ids.has(e.to)) problems.push(`${e.type} edge to missing node ${e.to}`);
  }
  for (const d of graph.diagnostics) {
    if (d.start !== undefined && (d.start < 0 || (d.end ?? d.start) > graph.text.length)) problems.push(`diagnostic ${d.code} outside the text`);
  }
  return problems;
}
