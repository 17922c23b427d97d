/**
 * How deep a DOM nests, found without recursion. Readability walks the DOM recursively
 * and overflows the stack from about 8,000 levels, after it has begun to empty the
 * document; a page deeper than `MAX_READABLE_DEPTH` is read whole instead.
 */
import type { TextNode } from './text.js';

/** The deepest nesting Readability is given: far beyond real pages (tens of levels), far below its stack limit. */
export const MAX_READABLE_DEPTH = 1000;

/** True when some element lies more than `limit` levels below `root`. */
export function deeperThan(root: TextNode, limit: number): boolean {
  let depth = 0;
  let node: TextNode | null = root.firstChild;
  while (node !== null) {
    if (node.firstChild !== null) {
      depth++;
      if (depth > limit) return true;
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      depth--;
    }
    if (node === null || node === root) return false;
    node = node.nextSibling;
  }
  return false;
}
