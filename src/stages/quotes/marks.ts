import type { Doc } from '../../pipeline/doc.js';
import type { Token } from '../../text/tokenize.js';

/**
 * A stretch of text between quotation marks: `[first, last)` are the content tokens,
 * `open`/`close` the mark tokens (`close` is -1 where the quotation is left open).
 */
export interface Stretch {
  readonly open: number;
  close: number;
  readonly first: number;
  last: number;
  readonly single: boolean;
  /** Opened in an earlier paragraph that left it open ("…" paragraphs of one long quotation). */
  continued: boolean;
  /** Left open at the end of its paragraph, continued by the next one. */
  continues: boolean;
}

export interface QuotationMarks {
  readonly stretches: Stretch[];
  /** For each token, the index of the stretch whose marks or content hold it, else -1. */
  readonly stretchOf: Int32Array;
}

const OPENERS = new Set(['\u201c', '\u2018', '\u00ab', '\u201e', '\u201a', '\u2039']);
const CLOSERS = new Set(['\u201d', '\u2019', '\u00bb', '\u203a']);
const OPEN_CONTEXT = new Set(['(', '[', '{', '-', '\u2013', '\u2014', '\u2015', '/', ':', '"', "'"]);

interface MarkInfo {
  readonly i: number;
  readonly single: boolean;
  readonly canOpen: boolean;
  readonly canClose: boolean;
}

/** The quotation marks of one paragraph with their possible roles, or none for a non-mark. */
function markAt(doc: Doc, i: number, blockFirst: number, blockLast: number): MarkInfo | undefined {
  const t = doc.tokens[i]!;
  if (t.text !== '"' && t.text !== "'") return undefined;
  const single = t.text === "'";
  const prev: Token | undefined = i > blockFirst ? doc.tokens[i - 1] : undefined;
  const next: Token | undefined = i + 1 < blockLast ? doc.tokens[i + 1] : undefined;
  const leftTight = prev !== undefined && !t.spaceBefore;
  const rightTight = next !== undefined && !next.spaceBefore;
  // 5'10" and 12" are feet and inches, not quotation marks
  if (leftTight && prev.kind === 'number') return undefined;
  const ch = doc.text[t.start] ?? '';
  // an opening mark written where a closing one belongs: “ right after the words, before a space or punctuation
  if (OPENERS.has(ch)) return { i, single, canOpen: !(ch === '\u201c' && leftTight && (!rightTight || next.kind === 'punctuation')), canClose: ch === '\u201c' };
  // a closing mark written where an opening one belongs: ” at the start of a paragraph or after a space, before a word
  if (CLOSERS.has(ch)) return { i, single, canOpen: !single && !leftTight && rightTight, canClose: true };
  const canOpen = rightTight && (!leftTight || OPEN_CONTEXT.has(prev.text));
  const nextIsPunct = next !== undefined && next.kind === 'punctuation' && !OPEN_CONTEXT.has(next.text);
  const canClose = leftTight && (!rightTight || nextIsPunct);
  if (single) return canOpen || canClose ? { i, single, canOpen, canClose } : undefined;
  return { i, single, canOpen: canOpen || !canClose, canClose: canClose || !canOpen };
}

/**
 * Pairs quotation marks paragraph by paragraph. Double marks pair first; single marks
 * pair outside double quotations only (inside they are quotes within the quote). A
 * paragraph that leaves a quotation open continues only into a next paragraph that
 * opens with a mark; otherwise the quotation ends with the sentence it opened in and
 * a diagnostic says so. Linear in the number of tokens.
 */
export function pairMarks(doc: Doc): QuotationMarks {
  const stretches: Stretch[] = [];
  const stretchOf = new Int32Array(doc.tokens.length).fill(-1);
  const paragraphs = paragraphsOf(doc);
  let carried = false;
  for (let p = 0; p < paragraphs.length; p++) {
    const [bf, bl] = paragraphs[p]!;
    const marks: MarkInfo[] = [];
    for (let i = bf; i < bl; i++) {
      const m = markAt(doc, i, bf, bl);
      if (m) marks.push(m);
    }
    const doubles = marks.filter((m) => !m.single);
    let openAt = -1;
    let openContinued = false;
    const startedHere = stretches.length;
    const pushStretch = (open: number, close: number, continued: boolean): void => {
      stretches.push({ open, close, first: open + 1, last: close < 0 ? bl : close, single: false, continued, continues: false });
    };
    for (const m of doubles) {
      if (openAt < 0) {
        if (!m.canOpen) {
          doc.graph.diagnostic('quote-unopened', 'A closing quotation mark with no opening mark before it in its paragraph.', doc.tokens[m.i]!.start, doc.tokens[m.i]!.end);
          continue;
        }
        openAt = m.i;
        openContinued = carried && m.i === bf;
      } else if (m.canClose && (!m.canOpen || doc.text[doc.tokens[m.i]!.start] !== '\u201c' || doc.text[doc.tokens[openAt]!.start] === '\u201e')) {
        pushStretch(openAt, m.i, openContinued);
        openAt = -1;
      } else {
        // a second opening mark while one is open: the first was never closed
        unclosed(doc, openAt, m.i);
        pushStretch(openAt, -1, openContinued);
        stretches[stretches.length - 1]!.last = Math.min(endOfSentence(doc, openAt), m.i);
        openAt = m.i;
        openContinued = false;
      }
    }
    carried = false;
    if (openAt >= 0) {
      const next = paragraphs[p + 1];
      const nextFirst = next ? markAt(doc, next[0], next[0], next[1]) : undefined;
      pushStretch(openAt, -1, openContinued);
      const s = stretches[stretches.length - 1]!;
      if (nextFirst && !nextFirst.single && nextFirst.canOpen) {
        s.continues = true;
        carried = true;
      } else {
        unclosed(doc, openAt, bl);
        s.last = endOfSentence(doc, openAt);
      }
    }
    for (let k = startedHere; k < stretches.length; k++) mark(stretchOf, stretches[k]!, k);
    pairSingles(doc, marks.filter((m) => m.single && stretchOf[m.i] === -1), stretches, stretchOf);
  }
  stretches.sort((a, b) => a.open - b.open);
  stretchOf.fill(-1);
  stretches.forEach((s, k) => mark(stretchOf, s, k));
  return { stretches, stretchOf };
}

function pairSingles(doc: Doc, singles: MarkInfo[], stretches: Stretch[], stretchOf: Int32Array): void {
  let openAt = -1;
  for (const m of singles) {
    if (openAt < 0) {
      if (m.canOpen && !m.canClose) openAt = m.i;
    } else if (m.canClose) {
      // a single pair may not span a double quotation (an apostrophe before it and one after)
      let clear = true;
      for (let k = openAt + 1; k < m.i && clear; k++) if (stretchOf[k] !== -1) clear = false;
      if (clear && m.i > openAt + 1) {
        const s: Stretch = { open: openAt, close: m.i, first: openAt + 1, last: m.i, single: true, continued: false, continues: false };
        stretches.push(s);
        mark(stretchOf, s, stretches.length - 1);
      }
      openAt = m.canOpen && !clear ? m.i : -1;
    } else if (m.canOpen) {
      openAt = m.i;
    }
  }
  void doc;
}

function mark(stretchOf: Int32Array, s: Stretch, k: number): void {
  const end = s.close >= 0 ? s.close + 1 : s.last;
  for (let t = s.open; t < end; t++) stretchOf[t] = k;
}

function unclosed(doc: Doc, openAt: number, upTo: number): void {
  const t = doc.tokens[openAt]!;
  const end = doc.tokens[Math.max(openAt, upTo - 1)]?.end ?? t.end;
  doc.graph.diagnostic('quote-unclosed', 'An opening quotation mark is never closed in its paragraph; the quotation is taken to end with its sentence.', t.start, end);
}

function endOfSentence(doc: Doc, t: number): number {
  const s = doc.sentences[doc.sentenceOfToken(t)];
  return s ? s.last : t + 1;
}

/** Token ranges of the paragraphs (blocks) that hold sentences, in order. */
export function paragraphsOf(doc: Doc): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (const b of doc.blocks) {
    while (s < doc.sentences.length && doc.sentences[s]!.last <= b.first) s++;
    const sent = doc.sentences[s];
    if (sent && sent.first < b.last) out.push([b.first, b.last]);
  }
  return out;
}
