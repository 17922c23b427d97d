import type { Block } from '../../pipeline/doc.js';
import type { Token } from '../../text/tokenize.js';

const TERMINAL = /[.!?:;"')\]]$/;
const LOWER_START = /^[a-z]/;
/** Hard wrapping happens at a fixed width no wider than this (mail, wire terminals, plain-text exports). */
const MAX_WRAP_WIDTH = 120;
const MIN_WRAP_WIDTH = 40;
/** How many lines must reach close to the width before the text counts as hard-wrapped. */
const MIN_FULL_LINES = 3;

interface Line { first: number; last: number; width: number }

/** The lines of the text as token ranges, with their width in characters. */
function linesOf(tokens: readonly Token[]): Line[] {
  const lines: Line[] = [];
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const tok = tokens[i];
    if (tok !== undefined && tok.breaks === 0) continue;
    lines.push({ first, last: i, width: tokens[i - 1]!.vend - tokens[first]!.vstart });
    first = i;
  }
  return lines;
}

/**
 * The width text was hard-wrapped at, or 0 when it was not: the widest line that
 * continues on the next line, if it is narrow, several lines come close to it and
 * (almost) none is wider.
 */
function wrapWidth(lines: readonly Line[], tokens: readonly Token[]): number {
  let width = 0;
  for (let k = 0; k + 1 < lines.length; k++) {
    if (tokens[lines[k + 1]!.first]!.breaks === 1) width = Math.max(width, lines[k]!.width);
  }
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return 0;
  // in wrapped text the lines come close to the width and hardly any is wider
  let full = 0;
  let wider = 0;
  for (const l of lines) {
    if (l.width > width) wider++;
    else if (l.width >= width * 0.75) full++;
  }
  return full >= MIN_FULL_LINES && wider * 20 <= lines.length ? width : 0;
}

/**
 * Groups tokens into blocks: one per line, except where a line continues into the
 * next: hard-wrapped text (the next line's first word would not have fit on this one),
 * or a line without end punctuation before a line in lower case.
 */
export function splitBlocks(tokens: readonly Token[]): Block[] {
  const lines = linesOf(tokens);
  const width = wrapWidth(lines, tokens);
  const blocks: Block[] = [];
  let start = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const next = lines[k + 1];
    if (next !== undefined && tokens[next.first]!.breaks === 1) {
      const prev = tokens[line.last - 1]!;
      const head = tokens[next.first]!;
      if (!TERMINAL.test(prev.text) && LOWER_START.test(head.text)) continue;
      if (width > 0 && line.width + 1 + (head.vend - head.vstart) > width) continue;
    }
    const first = lines[start]!.first;
    blocks.push({ start: tokens[first]!.start, end: tokens[line.last - 1]!.end, first, last: line.last, kind: 'body' });
    start = k + 1;
  }
  return blocks;
}
