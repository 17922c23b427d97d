/**
 * How deep a DOM nests and how many children one element holds, found in one walk
 * without recursion. Readability walks the DOM recursively and overflows the stack from
 * about 8,000 levels, after it has begun to empty the document, and over linkedom it
 * reads `childNodes` (rebuilt on every access) again and again, which is quadratic in
 * the children of one element: a page deeper than `MAX_READABLE_DEPTH` or wider than
 * `MAX_READABLE_CHILDREN` is read whole instead.
 */
import type { TextNode } from './text.js';

/**
 * The deepest nesting Readability is given: beyond real pages (tens of levels), far below its
 * stack limit, and where its cost, which grows with the cube of the depth over linkedom
 * (a chain 400 deep takes 1.6 s, 1,000 deep 20 s), is still small.
 */
export const MAX_READABLE_DEPTH = 100;
/** The deepest nesting linkedom is given (see nesting.ts): its parse grows faster than the page from a few thousand levels. */
export const MAX_PARSE_DEPTH = 1000;
/** The most children of one element Readability is given: real pages have hundreds at most (a `<br>`-cut article). */
export const MAX_READABLE_CHILDREN = 2000;

export interface DomShape {
  /** Some element lies more than the depth limit below the root. */
  readonly deep: boolean;
  /** Some element has more children than the children limit. */
  readonly wide: boolean;
}

/** Whether a DOM is deeper or wider than the limits, walked until both are known. */
export function shapeOf(root: TextNode, depthLimit: number, childrenLimit: number): DomShape {
  let deep = false;
  let wide = false;
  let depth = 0;
  // children counted so far at each level of the path from the root
  const counts: number[] = [0];
  let node: TextNode | null = root.firstChild;
  while (node !== null && !(deep && wide)) {
    const level = counts.length - 1;
    if (++counts[level]! > childrenLimit) wide = true;
    if (node.firstChild !== null) {
      depth++;
      if (depth > depthLimit) deep = true;
      counts.push(0);
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      counts.pop();
      depth--;
    }
    if (node === null || node === root) break;
    node = node.nextSibling;
  }
  return { deep, wide };
}
