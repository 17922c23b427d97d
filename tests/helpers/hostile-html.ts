/**
 * Page shapes that cost a naive DOM walk quadratic time or a recursive one its stack:
 * many children of one element, many entities, deep nesting. Each builds a page of
 * about `bytes` bytes that still holds an article sentence, so a reader can check the
 * text survived. Shared by `npm run bench:html` and tests/html-hostile.test.ts.
 */
export const SENTENCE = 'The minister said the talks had ended without a deal.';

const repeat = (unit: string, bytes: number): string => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
const page = (body: string): string => `<!doctype html><html><head><title>Talks end</title></head><body>${body}</body></html>`;

export const HOSTILE_SHAPES: Readonly<Record<string, (bytes: number) => string>> = {
  /** One paragraph cut by line breaks: `<br>` after `<br>`. */
  'br': (bytes) => page(`<p>${SENTENCE}</p><p>${repeat('word<br>', bytes)}</p>`),
  /** Sibling blocks by the thousand under one element. */
  'divs': (bytes) => page(`<p>${SENTENCE}</p>${repeat('<div>x</div>', bytes)}`),
  /** Entities by the thousand in one text. */
  'entities': (bytes) => page(`<p>${SENTENCE}</p><p>${repeat('&amp; ', bytes)}</p>`),
  /** Inline elements by the thousand in one paragraph. */
  'spans': (bytes) => page(`<p>${SENTENCE}</p><p>${repeat('<span>a</span> ', bytes)}</p>`),
  /** Comments by the thousand between two paragraphs. */
  'comments': (bytes) => page(`<p>${SENTENCE}</p>${repeat('<!--c-->', bytes)}<p>${SENTENCE}</p>`),
  /** Blocks nested inside one another, the sentence at the bottom. */
  'deep': (bytes) => {
    const n = Math.max(1, Math.floor(bytes / 11));
    return page(`${'<div>'.repeat(n)}<p>${SENTENCE}</p>${'</div>'.repeat(n)}`);
  },
  /** Inline elements nested inside one another, never closed. */
  'deep-unclosed': (bytes) => page(`<p>${SENTENCE}</p>${repeat('<b>', bytes)}x`),
};
