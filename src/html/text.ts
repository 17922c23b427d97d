/**
 * Plain text from an article's HTML: one paragraph per block element (p, h1–h6, li,
 * blockquote…), separated by blank lines; scripts, styles, forms and figure captions
 * dropped. Walks by firstChild / nextSibling / parentNode, with no recursion (a deeply
 * nested page cannot overflow the stack) and without `childNodes`, which linkedom
 * rebuilds on every access (reading it per index made the walk quadratic in the
 * children of one element).
 */

/** The slice of a DOM node this module reads. */
export interface TextNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly firstChild: TextNode | null;
  readonly nextSibling: TextNode | null;
  readonly parentNode: TextNode | null;
}

const ELEMENT = 1;
const TEXT = 3;
const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER',
  'MAIN', 'ASIDE', 'NAV', 'TABLE', 'TR', 'PRE', 'FIGURE', 'DL', 'DT', 'DD', 'HR', 'ADDRESS', 'BR', 'TD', 'TH', 'CAPTION',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'FORM', 'IFRAME', 'FIGCAPTION', 'SELECT', 'TEXTAREA', 'HEAD', 'TITLE']);

/** The paragraphs of a subtree, white space collapsed. */
export function paragraphsOf(root: TextNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t.length > 0) paragraphs.push(t);
    current = '';
  };
  const isBlock = (node: TextNode): boolean => node.nodeType === ELEMENT && BLOCK.has(node.nodeName.toUpperCase());
  let node = root.firstChild;
  while (node !== null) {
    // enter the node: read a text, open a block, go down into an element's children
    let down: TextNode | null = null;
    if (node.nodeType === TEXT) current += node.textContent ?? '';
    else if (node.nodeType === ELEMENT && !SKIP.has(node.nodeName.toUpperCase())) {
      if (isBlock(node)) flush();
      down = node.firstChild;
    }
    if (down !== null) {
      node = down;
      continue;
    }
    // leave the node and every ancestor it was the last child of, closing their blocks
    while (node !== null && node !== root) {
      if (isBlock(node)) flush();
      const next: TextNode | null = node.nextSibling;
      if (next !== null) {
        node = next;
        break;
      }
      node = node.parentNode;
    }
    if (node === root) break;
  }
  flush();
  return paragraphs;
}
