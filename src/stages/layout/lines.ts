import type { Block } from '../../pipeline/doc.js';
import type { Token } from '../../text/tokenize.js';

const TERMINAL = /[.!?:;"')\]]$/;
const LOWER_START = /^[a-z]/;

/**
 * Groups tokens into blocks: one per line, except that a line which does not end in
 * punctuation continues into a next line that starts in lower case (hard-wrapped text).
 */
export function splitBlocks(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const tok = tokens[i];
    if (tok !== undefined && tok.breaks === 0) continue;
    if (tok !== undefined && tok.breaks === 1) {
      const prev = tokens[i - 1]!;
      if (!TERMINAL.test(prev.text) && LOWER_START.test(tok.text)) continue;
    }
    const a = tokens[first]!;
    const b = tokens[i - 1]!;
    blocks.push({ start: a.start, end: b.end, first, last: i, kind: 'body' });
    first = i;
  }
  return blocks;
}
