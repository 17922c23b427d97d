/**
 * The fuzzer of issue 17 (`npm run fuzz`, and a fast slice in tests/fuzz.test.ts): seeded
 * hostile inputs of four families (random Unicode, quotation-mark soups, mutated PolNeAR
 * articles, HTML) through extract / extractHtml and query, each graph checked by the
 * project's own checker (`checkGraph`). A case fails when a call throws, the graph is
 * unsound, a stage failed, or the graph's text is not the input (plain text).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkGraph, extract, query, type AnnotationGraph } from '../../src/index.js';
import { extractHtml } from '../../src/html/index.js';
import { rng } from './rng.js';

export type Family = 'unicode' | 'quote-soup' | 'polnear' | 'html';
export const FAMILIES: readonly Family[] = ['unicode', 'quote-soup', 'polnear', 'html'];

const PIECES = [
  'said', ' ', '\n', '\n\n', '"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', '\u201e', '\u201a', '\u2039', '\u203a',
  ':', ',', '.', '?', '!', '...', '\u2026', ' – ', '—', '(Reuters)', 'Smith', 'he', 'asked', 'told reporters', 'according to', 'that',
  '\u00a0', '\u200b', '\r\n', '\t', '\u0000', '\u001b]0;x\u0007', '\u202e', '\ud800', '\udc00', '\ud83d\ude00', '\u0301', '\ufeff',
];
const TAGS = ['p', 'div', 'span', 'br', 'article', 'h1', 'blockquote', 'q', 'script', 'style', 'time', 'meta', 'a', 'li', 'table', 'td'];

const POLNEAR = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'polnear', 'train', 'text');
let articles: string[] | undefined;
/** PolNeAR train articles (read in place; train only), or none when the corpus is absent. */
function polnear(): string[] {
  if (articles) return articles;
  const dir = [POLNEAR, '/work/shared/data/polnear/train/text'].find((d) => {
    try {
      return readdirSync(d).length > 0;
    } catch {
      return false;
    }
  });
  articles = dir ? readdirSync(dir).sort().slice(0, 200).map((f) => readFileSync(join(dir, f), 'utf8')) : [];
  return articles;
}

const pick = <T>(next: () => number, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;

function soup(next: () => number, length: number, unicode: number): string {
  let s = '';
  while (s.length < length) s += next() < unicode ? String.fromCharCode(Math.floor(next() * 0x10000)) : pick(next, PIECES);
  return s;
}

/** An article with a few pieces inserted, characters deleted and a slice repeated. */
function mutated(next: () => number): string {
  const all = polnear();
  if (all.length === 0) return soup(next, 400, 0.1);
  let s = pick(next, all);
  for (let k = 1 + Math.floor(next() * 6); k > 0; k--) {
    const at = Math.floor(next() * (s.length + 1));
    const r = next();
    if (r < 0.5) s = s.slice(0, at) + pick(next, PIECES) + s.slice(at);
    else if (r < 0.8) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(next() * 40));
    else s = s.slice(0, at) + s.slice(at, at + 60).repeat(2 + Math.floor(next() * 4)) + s.slice(at);
  }
  return s;
}

function html(next: () => number): string {
  let s = next() < 0.5 ? '<!doctype html><html><head><title>' + soup(next, 20, 0.1) + '</title></head><body>' : '';
  for (let k = Math.floor(next() * 30); k > 0; k--) {
    const tag = pick(next, TAGS);
    const r = next();
    s += r < 0.4 ? `<${tag}>` : r < 0.7 ? `</${tag}>` : r < 0.8 ? `&${pick(next, ['amp', 'quot', 'ldquo', '#8221', '#x0', 'bogus'])};` : soup(next, 60, 0.05);
  }
  return s;
}

/** The input of case `i` of a family, from the run's seed. */
export function generate(family: Family, seed: number, i: number): string {
  const next = rng((seed ^ Math.imul(i + 1, 0x9e3779b1) ^ (FAMILIES.indexOf(family) << 28)) >>> 0);
  switch (family) {
    case 'unicode': return soup(next, Math.floor(next() * 300), 0.9);
    case 'quote-soup': return soup(next, Math.floor(next() * 400), 0.05);
    case 'polnear': return mutated(next);
    case 'html': return html(next);
  }
}

/** Runs one case: undefined when sound, else what went wrong. */
export function runCase(family: Family, input: string): string | undefined {
  let g: AnnotationGraph;
  try {
    g = family === 'html' ? extractHtml(input) : extract(input);
  } catch (err) {
    return `threw: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (family !== 'html' && g.text !== input) return 'graph text is not the input';
  const problems = checkGraph(g);
  if (problems.length > 0) return `unsound: ${problems.slice(0, 3).join('; ')}`;
  const failed = g.diagnostics.filter((d) => d.code === 'E_STAGE_FAILED');
  if (failed.length > 0) return `stage failed: ${failed.map((d) => d.message).join('; ')}`;
  try {
    const q = query(g);
    for (const n of g.nodes) {
      if (n.type === 'quote') q.speakerOf(n.id);
      if (n.type === 'entity') {
        q.quotesOf(n.id);
        q.mentionsOf(n.id);
        q.findEntities(n.name);
      }
    }
  } catch (err) {
    return `query threw: ${err instanceof Error ? err.message : String(err)}`;
  }
  return undefined;
}
