import { QuotegraphOptionsError, describeValue } from '../errors.js';
import type { AnnotationGraph } from './types.js';

/**
 * Checks that a value has the envelope of an annotation graph (`text`, and `nodes`,
 * `edges`, `diagnostics` as arrays) before `caller` reads it, so that `query(null)` or
 * a parsed line of the wrong shape is a coded error, not a TypeError deep inside.
 */
export function assertGraph(graph: unknown, caller: string): asserts graph is AnnotationGraph {
  const fix = `pass the graph that extract() returned, or JSON.parse() of one line that quotegraph extract wrote`;
  if (typeof graph !== 'object' || graph === null || Array.isArray(graph)) {
    throw new QuotegraphOptionsError('E_GRAPH_TYPE', `${caller} takes an annotation graph, not ${describeValue(graph)}; ${fix}.`);
  }
  const g = graph as Record<string, unknown>;
  if (typeof g.text !== 'string') {
    throw new QuotegraphOptionsError('E_GRAPH_TYPE', `${caller} takes an annotation graph; this object's "text" is ${describeValue(g.text)}, not a string; ${fix}.`);
  }
  for (const key of ['nodes', 'edges', 'diagnostics'] as const) {
    if (!Array.isArray(g[key])) {
      throw new QuotegraphOptionsError('E_GRAPH_TYPE', `${caller} takes an annotation graph; this object's "${key}" is ${describeValue(g[key])}, not an array; ${fix}.`);
    }
  }
}
