import { describeValue } from '../errors.js';
import { isSpace } from '../text/space.js';
import { assertGraph } from './guard.js';
import type { AnnotationGraph } from './types.js';

/** Whether a span's text starts or ends with white space (one definition: src/text/space.ts). */
const edgeSpace = (s: string): boolean => isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1));

/**
 * The graph's invariants, checked: spans inside the text, `text` equal to the slice,
 * no span starting or ending with white space, unique ids, edges between existing
 * nodes, nodes ordered by start. Returns the problems found (empty when sound).
 */
export function checkGraph(graph: AnnotationGraph): string[] {
  assertGraph(graph, 'checkGraph()');
  const problems: string[] = [];
  const ids = new Set<string>();
  let lastStart = -1;
  let seenEntity = false;
  for (const [i, n] of graph.nodes.entries()) {
    if (typeof n !== 'object' || n === null) {
      problems.push(`node ${i} is ${describeValue(n)}, not a node object`);
      continue;
    }
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
    if (edgeSpace(slice)) problems.push(`${n.id}: span starts or ends with white space`);
    if ('text' in n && n.text !== slice) problems.push(`${n.id}: text ${JSON.stringify(n.text)} differs from the slice ${JSON.stringify(slice)}`);
  }
  for (const [i, e] of graph.edges.entries()) {
    if (typeof e !== 'object' || e === null) {
      problems.push(`edge ${i} is ${describeValue(e)}, not an edge object`);
      continue;
    }
    if (!ids.has(e.from)) problems.push(`${e.type} edge from missing node ${e.from}`);
    if (!ids.has(e.to)) problems.push(`${e.type} edge to missing node ${e.to}`);
  }
  for (const [i, d] of graph.diagnostics.entries()) {
    if (typeof d !== 'object' || d === null) {
      problems.push(`diagnostic ${i} is ${describeValue(d)}, not a diagnostic object`);
      continue;
    }
    if (d.start !== undefined && (d.start < 0 || (d.end ?? d.start) > graph.text.length)) problems.push(`diagnostic ${d.code} outside the text`);
  }
  return problems;
}
