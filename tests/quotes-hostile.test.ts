import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../scripts/eval/paths.js';
import { extract, type AnnotationGraph } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';

// Issue 17, item 13: text endings the quotes stage threw on (E_STAGE_FAILED, and the quotes not
// yet written were lost). Each row gives the whole quote list and the whole diagnostic list.

/** [content, form, cue text, speaker as written or =Entity]. */
type Seen = [string, string, string | null, string | null];

function quotesOf(g: AnnotationGraph): Seen[] {
  const byId = new Map(g.nodes.map((n) => [n.id, n] as const));
  return g.nodes.flatMap((n): Seen[] => {
    if (n.type !== 'quote') return [];
    const c = g.edges.find((e) => e.type === 'cue' && e.from === n.id);
    const s = g.edges.find((e) => e.type === 'speaker' && e.from === n.id);
    const cue = c ? byId.get(c.to) : undefined;
    const sp = s ? byId.get(s.to) : undefined;
    const speaker = sp === undefined ? null : sp.type === 'entity' ? `=${sp.name}` : 'text' in sp ? sp.text : null;
    return [[n.text, n.form, cue && 'text' in cue ? cue.text : null, speaker]];
  });
}

const WIN: Seen = ['We will win', 'direct', 'said', 'Smith'];
const ATTRIBUTED = '\u201cWe will win,\u201d Smith said.';

// [what it exercises, input, quotes, diagnostic codes]
const CASES: Array<[string, string, Seen[], string[]]> = [
  // the two endings of the issue
  ['a lone opening mark in a paragraph after an attributed quote', `${ATTRIBUTED}\n\n\u201c`, [WIN], ['quote-unclosed']],
  ['an inverted cue before a final comma', 'Why? asked Smith,', [], []],
  // lone marks and mark soups at the end
  ['a lone opening mark in the same paragraph', `${ATTRIBUTED} \u201c`, [WIN], ['quote-unclosed']],
  ['a straight double mark alone in the last paragraph', `${ATTRIBUTED}\n\n"`, [WIN], ['quote-unclosed']],
  ['a straight single mark alone in the last paragraph', `${ATTRIBUTED}\n\n'`, [WIN], []],
  ['a guillemet alone in the last paragraph', `${ATTRIBUTED}\n\n\u00ab`, [WIN], ['quote-unclosed']],
  ['a low-high mark alone in the last paragraph', `${ATTRIBUTED}\n\n\u201e`, [WIN], ['quote-unclosed']],
  ['a single curly mark alone in the last paragraph', `${ATTRIBUTED}\n\n\u2018`, [WIN], []],
  ['open, close, open at the end', `${ATTRIBUTED}\n\n\u201c\u201d\u201c`, [WIN], ['quote-unopened']],
  ['four opening marks at the end', `${ATTRIBUTED}\n\n\u201c\u201c\u201c\u201c`, [WIN], ['quote-unopened', 'quote-unopened']],
  ['three straight marks after the sentence', '"We will win," Smith said. """', [WIN], ['quote-unclosed']],
  ['lone opening marks in two last paragraphs', `${ATTRIBUTED}\n\n\u201c\n\n\u201c`, [WIN], ['quote-unclosed']],
  ['an opening mark after the cue\'s comma', '\u201cWe will win,\u201d Smith said, \u201c', [WIN], ['quote-unclosed']],
  ['a one-word continuation paragraph', `${ATTRIBUTED}\n\n\u201cAnd`, [WIN, ['And', 'direct', null, '=Smith']], ['quote-unclosed']],
  ['a text that is one opening mark', '\u201c', [], ['quote-unclosed']],
  ['a text that is one straight mark', '"', [], ['quote-unclosed']],
  ['a text that is one closing mark', '\u201d', [], ['quote-unopened']],
  ['an empty quotation', '\u201c\u201d', [], []],
  ['two paragraphs of one opening mark', '\n\n\u201c\n\n\u201c', [], ['quote-unclosed']],
  // a cue at the very end
  ['a cue ending the text', 'Smith said', [], []],
  ['a cue and a comma ending the text', 'Smith said,', [], []],
  ['a colon cue ending the text', '\u201cWe will win,\u201d Smith said:', [WIN], []],
  ['a colon cue, then a lone mark', 'Smith said:\n\n\u201c', [], ['quote-unclosed']],
  ['an inverted cue with no speaker', '\u201cWe will win,\u201d said', [], []],
  ['an inverted question cue with no speaker', '\u201cWe will win,\u201d asked', [], []],
  ['a question, then "asked"', 'Why? asked', [], []],
  ['a question, then the speaker, cue and comma', 'Why? Smith asked,', [], []],
  ['an inverted cue, a comma and a lone mark', 'Why? asked Smith, \u201c', [], ['quote-unclosed']],
  ['"according to" ending the text', 'The plan, according to', [], []],
  ['an addressee cue ending the text', 'Smith told', [], []],
  ['"asked" alone', 'Asked', [], []],
];

describe('quotes: hostile text endings', () => {
  it.each(CASES)('%s', (_what, text, quotes, diagnostics) => {
    const g = extract(text);
    expectValidGraph(g);
    expect(quotesOf(g)).toEqual(quotes);
    expect(g.diagnostics.map((d) => d.code)).toEqual(diagnostics);
  });
});

const TRAIN = join(SHARED_DATA, 'polnear', 'train', 'text');

describe('quotes: a lone mark or a bare cue appended to PolNeAR train articles', () => {
  const files = existsSync(TRAIN) ? readdirSync(TRAIN).filter((f) => f.endsWith('.txt')).sort().slice(0, 100) : [];
  const spans = (g: AnnotationGraph): string[] => g.nodes.flatMap((n) => (n.type === 'quote' ? [`${n.start}:${n.end}:${n.form}:${n.text}`] : []));

  it('has the first 100 train articles', () => {
    expect(files).toHaveLength(100);
  });

  it.each(['\n\n\u201c', '\n\nWhy? asked Smith,'])('appending %j loses no quote and fails no stage', (ending) => {
    const lost: string[] = [];
    const failed: string[] = [];
    let kept = 0;
    for (const f of files) {
      const text = readFileSync(join(TRAIN, f), 'utf8');
      const before = spans(extract(text));
      const g = extract(text + ending);
      if (g.diagnostics.some((d) => d.code === 'E_STAGE_FAILED')) failed.push(f);
      const after = new Set(spans(g));
      for (const q of before) if (after.has(q)) kept++;
      else lost.push(`${f} ${q}`);
    }
    expect({ lost, failed }).toEqual({ lost: [], failed: [] });
    expect(kept).toBeGreaterThan(1000);
  }, 60_000);
});
