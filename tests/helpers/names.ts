import { extract } from '../../src/index.js';
import { expectValidGraph } from './graph.js';

export const NAME_TYPES = ['person', 'place', 'organization', 'agency'];

/** The name mentions of a text as [type, text] pairs, in text order. */
export function names(text: string): Array<[string, string]> {
  const g = extract(text);
  expectValidGraph(g);
  return g.nodes
    .filter((n) => NAME_TYPES.includes(n.type) && 'form' in n && n.form === 'name')
    .map((n) => [n.type, (n as { text: string }).text]);
}
