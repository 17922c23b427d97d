import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/pipeline/options.js';
import { Pipeline } from '../src/pipeline/pipeline.js';
import { nameSpans } from '../src/stages/entities/kinds.js';
import type { TaggedSpan } from '../src/stages/entities/tagger.js';
import { layoutStage } from '../src/stages/layout/index.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { tokenizeStage } from '../src/stages/tokenize/index.js';
import { names } from './helpers/names.js';

// [shape, input, every name mention expected, in order] (src/stages/entities/list-items.ts, kinds.ts)
const SHAPES: Array<[string, string, Array<[string, string]>]> = [
  ['a list item the tagger missed takes the kind of the others', 'Papers such as Sky, the Telegraph, Sun, Mail, Guardian reported it.', [['organization', 'Sky'], ['organization', 'Telegraph'], ['organization', 'Sun'], ['organization', 'Mail'], ['organization', 'Guardian']]],
  ['a sentence-initial item is no name', 'Yesterday, France, Germany and Italy agreed.', [['place', 'France'], ['place', 'Germany'], ['place', 'Italy']]],
  ['a dateline\'s month is no list item', 'HEMPSTEAD, N.Y., Sept. 26 (UPI) - The candidate was removed.', [['place', 'HEMPSTEAD'], ['place', 'N.Y.'], ['agency', 'UPI']]],
  ['a dash after a name is no part of it', '"That\'s right, Donald \u2014 USA, baby," Melanie said.', [['person', 'Donald'], ['place', 'USA'], ['person', 'Melanie']]],
  ['an update note\'s verb is no part of a name', 'Adds Goldfajn comments, details\n\nBRASILIA, Dec 7 (Reuters) - Brazil central bank chief Ilan Goldfajn said on Thursday that rates would fall.', [['person', 'Goldfajn'], ['place', 'BRASILIA'], ['agency', 'Reuters'], ['place', 'Brazil'], ['person', 'Ilan Goldfajn']]],
];

describe('list and edge shapes', () => {
  for (const [shape, text, expected] of SHAPES) {
    it(shape, () => {
      expect(names(text)).toEqual(expected);
    });
  }
});

/** nameSpans over a tagger's output given by hand: [type, first token, last token (exclusive)]. */
function fromTagged(text: string, tagged: Array<[TaggedSpan['type'], number, number]>): Array<[string, string]> {
  const doc = new Pipeline([tokenizeStage, layoutStage, segmentStage]).runDoc(text, resolveOptions(undefined));
  const spans = nameSpans(doc.tokens, doc.blocks, tagged.map(([type, first, last]) => ({ type, first, last })));
  return spans.map((s) => [s.kind, doc.tokens.slice(s.first, s.last).map((t) => t.text).join(' ')]);
}

describe('trimming what the tagger read past a name', () => {
  it('the first half of a contraction ("Won\u2019t" read as "Wo" "n\u2019t")', () => {
    // tokens: Pence : Gennifer Flowers Wo n’t Be at Debate
    expect(fromTagged('Pence: Gennifer Flowers Won\u2019t Be at Debate', [['PER', 0, 1], ['PER', 2, 5]])).toEqual([['person', 'Pence'], ['person', 'Gennifer Flowers']]);
  });
  it('an en or em dash at the end', () => {
    expect(fromTagged('Right, Donald \u2014 USA, and Ivanka \u2013 go.', [['PER', 2, 4], ['LOC', 4, 5], ['PER', 7, 9]])).toEqual([['person', 'Donald'], ['place', 'USA'], ['person', 'Ivanka']]);
  });
});
