/**
 * Plain text from an article's HTML: one paragraph per block element (p, h1–h6, li,
 * blockquote…), separated by blank lines; scripts, styles, forms and figure captions
 * dropped. Walks with an explicit stack, so a deeply nested page cannot overflow it.
 */

/** The slice of a DOM node this module reads. */
export interface TextNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<TextNode>;
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
  // a frame is a node to enter, or the end of a block (flush) marked by `null`
  const stack: Array<TextNode | null> = [];
  const push = (node: TextNode): void => {
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  };
  push(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (BLOCK.has(tag)) {
      flush();
      stack.push(null);
    }
    push(node);
  }
  flush();
  return paragraphs;
}
