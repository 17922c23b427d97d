/**
 * Lines an aggregator glued together: "Editing by Andrew HeavensOur Standards: The
 * Thomson Reuters Trust Principles." lost the line break between a credit and the
 * site's next line. Where a word's tail opens such page text (`gluedEnd`, with the
 * openers of `src/lexicon/credit-glue.json`), the word is cut there and the tail starts
 * a line of its own, so that the credit names "Andrew Heavens" and the rest is the page's.
 */
import type { Token } from '../../text/tokenize.js';
import type { TextView } from '../../text/view.js';
import { gluedEnd } from '../credits/lines.js';

/** Where `tok` should be cut (a view offset), or undefined. */
function glueIn(tok: Token, view: TextView): number | undefined {
  if (tok.kind !== 'word' || tok.text.length < 3 || !caseTurn(view.text, tok.vstart, tok.vend)) return undefined;
  // the opener may run past the word ("HeavensOur" + " Standards"): read on to the line's end
  const stop = view.text.indexOf('\n', tok.vstart);
  const line = view.text.slice(tok.vstart, Math.min(stop < 0 ? view.text.length : stop, tok.vend + MAX_OPENER));
  const cut = gluedEnd(line);
  return cut > 0 && cut < tok.vend - tok.vstart ? tok.vstart + cut : undefined;
}

/**
 * Whether a capital follows a lower-case letter inside `[start, end)`: `gluedEnd` cuts only
 * there, so every other word is passed over without reading the rest of its line (reading
 * it for every word made a long line cost its length squared).
 */
function caseTurn(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) continue;
    const before = text.charCodeAt(i - 1);
    if (before >= 97 && before <= 122) return true;
  }
  return false;
}

/** Longer than any opener of credit-glue.json. */
const MAX_OPENER = 40;

/** The tokens with each glued word cut in two, the second part opening a new line. */
export function unglue(tokens: readonly Token[], view: TextView): Token[] {
  const out: Token[] = [];
  for (const tok of tokens) {
    const at = glueIn(tok, view);
    if (at === undefined) {
      out.push(out.length === tok.i ? tok : { ...tok, i: out.length });
      continue;
    }
    const cut = view.toSource(at);
    out.push({ ...tok, i: out.length, end: cut, vend: at, text: view.text.slice(tok.vstart, at) });
    out.push({ ...tok, i: out.length, start: cut, vstart: at, text: view.text.slice(at, tok.vend), breaks: 1, spaceBefore: false });
  }
  return out;
}
