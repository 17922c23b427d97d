/**
 * Issue 17.9: when Readability fails or finds nothing after it has begun to rewrite the
 * document, the page's text is read from a fresh parse, never from what it left.
 */
import { describe, expect, it, vi } from 'vitest';

const mode = vi.hoisted(() => ({ current: 'throw' as 'throw' | 'null' }));

vi.mock('@mozilla/readability', () => ({
  // a Readability that empties the body, as the real one does before it overflows the stack
  Readability: class {
    private readonly doc: { body: { innerHTML: string } | null };
    constructor(doc: { body: { innerHTML: string } | null }) {
      this.doc = doc;
    }
    parse(): null {
      if (this.doc.body) this.doc.body.innerHTML = '';
      if (mode.current === 'throw') throw new RangeError('Maximum call stack size exceeded');
      return null;
    }
  },
}));

const { extractHtml } = await import('../src/html/index.js');

const PAGE = '<html><head><title>Talks end</title></head><body><p>The minister said the talks had ended without a deal.</p></body></html>';

describe('the fallback after Readability', () => {
  it('reads a fresh parse when Readability throws after emptying the document', () => {
    mode.current = 'throw';
    const g = extractHtml(PAGE);
    expect(g.text).toBe('Talks end\n\nThe minister said the talks had ended without a deal.');
    expect(g.diagnostics).toEqual([
      { code: 'W_HTML_UNREADABLE', severity: 'warning', stage: 'html', message: 'The article could not be told apart from the page (Maximum call stack size exceeded); the whole body was read.' },
    ]);
  });

  it('reads a fresh parse when Readability finds no article after rewriting the document', () => {
    mode.current = 'null';
    const g = extractHtml(PAGE);
    expect(g.text).toBe('Talks end\n\nThe minister said the talks had ended without a deal.');
    expect(g.meta.html).toMatchObject({ readable: false });
    expect(g.diagnostics).toEqual([]);
  });
});
