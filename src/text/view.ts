/**
 * A normalised view of the source text with an offset map back into it. Stages read
 * the view (straight quotation marks, plain spaces, LF line ends, no zero-width
 * characters) and report spans in source offsets through `toSource`, so `graph.text`
 * is never rewritten.
 */
export interface TextView {
  /** The normalised text. */
  readonly text: string;
  /** Source offset of view offset `i`; `toSource(view.length)` is the source length. */
  toSource(i: number): number;
  /** Source offset just after view character `i - 1`: use it for the end of a span. */
  toSourceEnd(i: number): number;
}

const DOUBLE_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\uff02', '\u00ab', '\u00bb']);
const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u2039', '\u203a', '\u0060', '\u00b4']);
const ZERO_WIDTH = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);
const DASHES = new Set(['\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);

/**
 * Two straight apostrophes written as a double quotation mark, as some newspapers'
 * archives do (''It costs $100,000 a month,'' Mr. Chipok said). The first apostrophe reads
 * `"` and the second is dropped. Three in a row hold a single mark too: opening, the double
 * comes first (''\'Tis …); closing, the single does (… said, 'You weren't in line,'''): there
 * the first apostrophe stays and the next two make the pair.
 */
function isApostrophePair(source: string, i: number): boolean {
  if (source.charCodeAt(i + 1) !== 39) return false;
  if (source.charCodeAt(i + 2) !== 39) return true;
  const before = i === 0 ? 32 : source.charCodeAt(i - 1);
  return before <= 32 || before === 40 || before === 91 || before === 0xa0;
}

/**
 * What a normalised character stood for in the source, where that matters: quotation
 * stages need to know a guillemet opened (`«`) or closed (`»`) even though both read `"`.
 */
export function buildView(source: string): TextView {
  let out = '';
  // map[i] = source offset of view char i; built only when the view differs in length.
  const map: number[] = [];
  /** View offsets of characters that stand for two source characters (an apostrophe pair). */
  const wide = new Set<number>();
  let identity = true;
  let chunkStart = 0;
  const len = source.length;
  const flush = (upTo: number): void => {
    if (upTo > chunkStart) out += source.slice(chunkStart, upTo);
  };
  for (let i = 0; i < len; i++) {
    const ch = source[i]!;
    const code = ch.charCodeAt(0);
    // two apostrophes read as one `"` at the first one's offset; the second is dropped
    const pair = code === 39 && isApostrophePair(source, i);
    if (code < 0x80 && code !== 13 && !pair) {
      if (!identity) map.push(i);
      continue;
    }
    let repl: string | null = null;
    if (pair) repl = '"';
    else if (code === 13) repl = source[i + 1] === '\n' ? '' : '\n';
    else if (DOUBLE_QUOTES.has(ch)) repl = '"';
    else if (SINGLE_QUOTES.has(ch)) repl = "'";
    else if (ZERO_WIDTH.has(ch)) repl = '';
    else if (ch === '\u00a0' || ch === '\u202f' || ch === '\u2007' || (code >= 0x2000 && code <= 0x200a) || ch === '\u3000') repl = ' ';
    else if (ch === '\u2028' || ch === '\u2029' || ch === '\u0085') repl = '\n';
    else if (DASHES.has(ch)) repl = ch === '\u2212' ? '-' : ch; // keep dashes: they are cues
    else if (ch === '\u2026') repl = '...';
    else if (code >= 0xd800 && code <= 0xdfff) {
      // keep surrogate pairs as they are; a lone surrogate becomes U+FFFD of the same length
      const next = source.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        if (!identity) { map.push(i, i + 1); }
        i++;
        continue;
      }
      repl = '\ufffd';
    }
    if (repl === null || repl === ch) {
      if (!identity) map.push(i);
      continue;
    }
    if (identity) {
      identity = false;
      for (let k = 0; k < i; k++) map.push(k);
    }
    flush(i);
    if (pair) wide.add(out.length);
    // replacement text: every char of it maps to source offset i
    if (repl.length === 1 && repl !== ch) {
      out += repl;
      map.push(i);
    } else {
      for (let k = 0; k < repl.length; k++) map.push(i);
      out += repl;
    }
    // a replaced char's view text must not also be copied by the next flush
    chunkStart = i + 1;
    if (pair) {
      chunkStart++;
      i++;
    }
  }
  if (identity) {
    return { text: source, toSource: (i) => i, toSourceEnd: (i) => i };
  }
  flush(len);
  // The flushes above only copy runs of unreplaced chars, and map got one entry per view char.
  map.push(len);
  const arr = Int32Array.from(map);
  return {
    text: out,
    toSource: (i) => (i <= 0 ? 0 : i >= arr.length ? len : arr[i]!),
    toSourceEnd: (i) => (i <= 0 ? 0 : i >= arr.length ? len : arr[i - 1]! + (wide.has(i - 1) ? 2 : 1)),
  };
}
