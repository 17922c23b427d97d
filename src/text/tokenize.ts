import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { APOSTROPHE, isWordChar, splitPossessives } from './possessive.js';
import { isSpace } from './space.js';
import type { Token } from './token.js';
import type { TextView } from './view.js';

export type { Token } from './token.js';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | undefined;
/** wink-nlp with only what tokens need: POS tags (segmentation is ours; its tags are the same without wink's sentence pass). */
function wink(): Wink {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/**
 * Longest run handed to wink-nlp in one call. Text with no line breaks at all (a
 * 1 MB single line) is cut at the nearest space so that no call is unbounded.
 */
const CHUNK = 20_000;

/**
 * Tokenises the view; every token maps back to source offsets. The tokens of a text are
 * the same whatever was tokenised before it in the process (see `splitPossessives`).
 */
export function tokenize(view: TextView): Token[] {
  const text = view.text;
  const tokens: Token[] = [];
  let pos = 0;
  let pendingBreaks = 0;
  while (pos < text.length) {
    let end = Math.min(text.length, pos + CHUNK);
    if (end < text.length) {
      // prefer a paragraph break, then a line break, then a space, inside the chunk
      const cut = Math.max(text.lastIndexOf('\n', end), text.lastIndexOf(' ', end));
      if (cut > pos) end = cut + 1;
    }
    pendingBreaks = tokenizeSegment(view, pos, end, tokens, pendingBreaks);
    pos = end;
  }
  return splitPossessives(tokens);
}

/**
 * A run of non-space characters longer than this (a URL gone wrong, a base64 blob, text
 * with no spaces at all) is one opaque token: wink-nlp slows down on very long words.
 */
const LONG_RUN = 200;

/** Tokenises `[from, to)`, passing long space-free runs through as single tokens. */
function tokenizeSegment(view: TextView, from: number, to: number, tokens: Token[], breaksIn: number): number {
  const text = view.text;
  let breaks = breaksIn;
  let pos = from;
  let runStart = from;
  // one pass over the characters: a run of LONG_RUN or more non-space characters is cut out
  for (let i = from; i <= to; i++) {
    if (i < to && !isSpace(text.charCodeAt(i))) continue;
    if (i - runStart >= LONG_RUN) {
      if (runStart > pos) breaks = tokenizeChunk(view, pos, runStart, tokens, breaks);
      const vstart = runStart;
      const vend = i;
      const prev = text.charCodeAt(vstart - 1);
      tokens.push({
        i: tokens.length, start: view.toSource(vstart), end: view.toSourceEnd(vend), vstart, vend,
        text: text.slice(vstart, vend), kind: 'word', pos: 'X', breaks, spaceBefore: breaks > 0 || prev === 32 || prev === 9,
      });
      breaks = 0;
      pos = vend;
    }
    runStart = i + 1;
  }
  return pos < to ? tokenizeChunk(view, pos, to, tokens, breaks) : breaks;
}

function allSpace(value: string): boolean {
  if (value.length === 0) return false;
  for (let c = 0; c < value.length; c++) if (!isSpace(value.charCodeAt(c))) return false;
  return true;
}

const CONTRACTED = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'here', 'where', 'how', 'let', 'this', 'when', 'why', 'everyone', 'everybody', 'nobody', 'somebody', 'someone', 'nothing', 'something', 'everything', 'one', 'i', 'you', 'we', 'they']);
/**
 * Puts a space before every "'s" that ends a word ("party's" → "party 's") in the text
 * handed to wink-nlp, and returns where. wink-nlp remembers every unknown word it reads in
 * a process-wide lexicon, and one that once came whole ("'party's'" in single quotes) is
 * kept whole ever after, with another part of speech; apart, the tokens and their tags
 * are the same whatever documents came before.
 */
function apartApostropheS(text: string): { text: string; inserted: Set<number> } {
  const inserted = new Set<number>();
  let out = '';
  let last = 0;
  for (let i = 1; i + 1 < text.length; i++) {
    if (text.charCodeAt(i) !== APOSTROPHE || (text.charCodeAt(i + 1) | 32) !== 115) continue;
    if (!isWordChar(text.charCodeAt(i - 1)) || (i + 2 < text.length && isWordChar(text.charCodeAt(i + 2)))) continue;
    // contractions wink-nlp knows ("it's", "that's", "let's") keep its reading of the clitic
    let w = i - 1;
    while (w > 0 && isWordChar(text.charCodeAt(w - 1))) w--;
    if (CONTRACTED.has(text.slice(w, i).toLowerCase())) continue;
    out += text.slice(last, i);
    inserted.add(out.length);
    out += ' ';
    last = i;
  }
  if (last === 0) return { text, inserted };
  return { text: out + text.slice(last), inserted };
}

function tokenizeChunk(view: TextView, from: number, to: number, tokens: Token[], breaksIn: number): number {
  const nlp = wink();
  const its = nlp.its;
  const { text: chunk, inserted } = apartApostropheS(view.text.slice(from, to));
  const doc = nlp.readDoc(chunk);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const kinds = doc.tokens().out(its.type) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  let offset = from;
  // position in the chunk wink read, which holds the spaces `apartApostropheS` put in
  let at = 0;
  let breaks = breaksIn;
  let spaceBefore = breaksIn > 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    const sp = spaces[k] ?? '';
    at += sp.length;
    const real = sp.length - (sp.length > 0 && inserted.has(at - 1) ? 1 : 0);
    offset += real;
    if (real > 0) spaceBefore = true;
    const kind = kinds[k] ?? 'word';
    at += value.length;
    if (kind === 'tabCRLF' || allSpace(value)) {
      for (let c = 0; c < value.length; c++) if (value.charCodeAt(c) === 10) breaks++;
      offset += value.length;
      spaceBefore = true;
      continue;
    }
    // wink keeps the text lossless; if it ever does not, resynchronise on the view
    if (view.text.startsWith(value, offset) === false) {
      const found = view.text.indexOf(value, offset);
      if (found < 0 || found >= to) continue;
      offset = found;
    }
    const vstart = offset;
    const vend = offset + value.length;
    tokens.push({
      i: tokens.length,
      start: view.toSource(vstart),
      end: view.toSourceEnd(vend),
      vstart,
      vend,
      text: value,
      kind,
      pos: tags[k] ?? 'X',
      breaks,
      spaceBefore,
    });
    offset = vend;
    breaks = 0;
    spaceBefore = false;
  }
  // trailing white space of the chunk counts toward the next chunk's first token
  const tail = view.text.slice(offset, to);
  for (let c = 0; c < tail.length; c++) if (tail.charCodeAt(c) === 10) breaks++;
  return breaks;
}
