import { describe, expect, it } from 'vitest';
import { extract, type AnnotationGraph } from '../src/index.js';
import { loadManifest, readArticle, readExpected } from '../scripts/eval/corpus.js';
import { expectValidGraph } from './helpers/graph.js';

interface ExpectedQuote {
  start: number;
  end: number;
  text: string;
  form: string;
  cue: { start: number; end: number; text: string; lemma: string } | null;
  speaker: { start: number; end: number; text: string } | null;
  entity: string | null;
  pending?: boolean;
}
interface ExpectedQuotes { quotes: ExpectedQuote[]; notQuotes?: Array<{ start: number; end: number; text: string }> }

/** Each system quote as the expectation files describe one. */
function describeQuotes(g: AnnotationGraph): ExpectedQuote[] {
  const byId = new Map(g.nodes.map((n) => [n.id, n] as const));
  return g.nodes.flatMap((n) => {
    if (n.type !== 'quote') return [];
    const ce = g.edges.find((e) => e.type === 'cue' && e.from === n.id);
    const se = g.edges.find((e) => e.type === 'speaker' && e.from === n.id);
    const c = ce ? byId.get(ce.to) : undefined;
    const s = se ? byId.get(se.to) : undefined;
    let speaker: ExpectedQuote['speaker'] = null;
    let entity: string | null = null;
    if (s?.type === 'entity') entity = s.name;
    else if (s && 'text' in s) {
      speaker = { start: s.start, end: s.end, text: s.text };
      const me = g.edges.find((e) => e.type === 'mentionOf' && e.from === s.id);
      const e = me ? byId.get(me.to) : undefined;
      entity = e?.type === 'entity' ? e.name : null;
    }
    const cue = c?.type === 'cue' ? { start: c.start, end: c.end, text: c.text, lemma: c.lemma } : null;
    return [{ start: n.start, end: n.end, text: n.text, form: n.form, cue, speaker, entity }];
  });
}

const entries = loadManifest().filter((e) => readExpected<ExpectedQuotes>(e.id, 'quotes'));

/**
 * Quotes the system gives today that the hand-checked expectations do not name (issue 12 step 8):
 * [document, start, end, why]. Every other system quote must be an expected one (pending ones included),
 * and each of these must still come out, so that a fix removes its line here.
 */
const KNOWN_UNLISTED: ReadonlyArray<readonly [string, number, number, string]> = [
  ['reuters-nairobi-tea-farmers', 28, 64, 'the headline "growers threaten to withhold leaf …" read as a commissive ("pledged to …"); the expectations leave the headline out'],
  ['reuters-nairobi-tea-farmers', 1164, 1230, 'wrong extent: the pending quote "the ministry was reviewing the auction rules" runs on into ", but she gave no date"'],
  ['page-guardian-glasgow-rents', 735, 776, 'a second, nested quote inside the indirect quote 708-776 ("told … that tenants could not be asked to absorb …"): "asked" read as a cue of its own'],
];

describe('quotes: test-corpus expectations', () => {
  it('has expectations for the seed page', () => {
    expect(entries.map((e) => e.id)).toContain('daily8-russia-ukraine-page');
  });

  it.each(entries.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const expected = readExpected<ExpectedQuotes>(entry.id, 'quotes')!;
    const text = readArticle(entry);
    const g = extract(text, entry.published ? { published: entry.published } : undefined);
    expectValidGraph(g);
    const found = describeQuotes(g);
    for (const q of expected.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    // every quote checked by hand and not pending comes out exactly: span, form, cue, speaker, entity
    // and nothing else comes out but the known unlisted quotes, which still do
    const known = KNOWN_UNLISTED.filter(([id]) => id === entry.id);
    const unlisted = found.filter((f) => !expected.quotes.some((q) => q.start === f.start && q.end === f.end)).map((f) => [entry.id, f.start, f.end, f.text]);
    expect(unlisted).toEqual(known.map(([id, a, b]) => [id, a, b, text.slice(a, b)]));
    const wanted = expected.quotes.filter((q) => !q.pending).map(({ pending: _p, ...q }) => q);
    const got = wanted.map((q) => found.find((f) => f.start === q.start && f.end === q.end) ?? { missing: q.text });
    expect(got).toEqual(wanted);
    // titles and scare quotes never come out as quotes
    for (const n of expected.notQuotes ?? []) {
      expect(found.filter((f) => f.start >= n.start - 1 && f.end <= n.end + 1).map((f) => f.text)).toEqual([]);
    }
  });
});
