/**
 * White space, defined once for the whole library: what JavaScript's `\s` matches
 * (ASCII space, tab, line breaks, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
 * U+202F, U+205F, U+3000, U+FEFF), plus U+0085 (next line) and U+200B (zero-width
 * space), which print as nothing. The tokenizer skips it, the graph builder trims it
 * from spans, and `checkGraph` reports a span that starts or ends with it.
 */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
