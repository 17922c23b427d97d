import { describe, expect, it } from 'vitest';
import { select, type Candidate } from '../src/stages/quotes/select.js';
import type { Shape, Yield } from '../src/stages/quotes/shape.js';
import { compileTrigger } from '../src/stages/quotes/trigger.js';
import type { Attribution } from '../src/stages/quotes/types.js';

// Issue 12 step 2: select decides between a sentence's overlapping candidates by declared precedence.

function shape(id: string, opts: { yields?: Yield[]; nests?: boolean; exclusive?: boolean } = {}): Shape {
  return { id, level: 'sentence', trigger: compileTrigger('.'), reads: '.', examples: [], counterExamples: [], find: () => [], ...opts };
}

/** An attribution with one piece [first, last) and a cue [cueFirst, cueFirst + 1). */
function att(first: number, last: number, cueFirst: number, rule: string): Attribution {
  return { pieces: [{ first, last, form: 'indirect' }], cue: { first: cueFirst, last: cueFirst + 1, lemma: 'say', kind: 'clause' }, speaker: [0, 1], nested: false, sentence: 0, rule };
}

const rules = (atts: Attribution[]): Array<[string | undefined, boolean]> => atts.map((a) => [a.rule, a.nested]);

describe('select', () => {
  const cueShape = shape('leading-cue');
  it('keeps a candidate that yields to nothing, whatever came before', () => {
    const c: Candidate[] = [{ att: att(3, 9, 2, 'a'), shape: cueShape }, { att: att(4, 8, 7, 'b'), shape: shape('b') }];
    expect(rules(select(c))).toEqual([['a', false], ['b', false]]);
  });

  it('drops a candidate whose words overlap a kept one, where its shape yields to content', () => {
    const colon = shape('colon', { yields: ['content'] });
    expect(rules(select([{ att: att(3, 9, 2, 'a'), shape: cueShape }, { att: att(8, 12, 7, 'colon'), shape: colon }]))).toEqual([['a', false]]);
    expect(rules(select([{ att: att(3, 9, 2, 'a'), shape: cueShape }, { att: att(9, 12, 8, 'colon'), shape: colon }]))).toEqual([['a', false], ['colon', false]]);
  });

  it('drops a candidate whose cue lies in or right after a kept cue, where its shape yields to the cue', () => {
    const noun = shape('noun', { yields: ['cue'] });
    expect(rules(select([{ att: att(3, 9, 2, 'a'), shape: cueShape }, { att: att(10, 12, 3, 'noun'), shape: noun }]))).toEqual([['a', false]]);
    expect(rules(select([{ att: att(3, 9, 2, 'a'), shape: cueShape }, { att: att(10, 12, 4, 'noun'), shape: noun }]))).toEqual([['a', false], ['noun', false]]);
  });

  it('marks nested a candidate whose words start inside a kept one, where its shape nests', () => {
    const noun = shape('noun', { yields: ['cue'], nests: true });
    expect(rules(select([{ att: att(3, 12, 2, 'a'), shape: cueShape }, { att: att(8, 12, 6, 'noun'), shape: noun }]))).toEqual([['a', false], ['noun', true]]);
  });

  it('gives the sentence to an exclusive shape', () => {
    const headline = shape('headline', { exclusive: true });
    expect(rules(select([{ att: att(2, 5, 1, 'headline'), shape: headline }, { att: att(6, 9, 5, 'a'), shape: cueShape }]))).toEqual([['headline', false]]);
  });
});
