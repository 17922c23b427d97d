import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';

/** The date mentions of a text as [text, value]. */
const datesOf = (text: string, published?: string): Array<[string, string | undefined]> => {
  const g = extract(text, published ? { published } : undefined);
  expectValidGraph(g);
  return g.nodes.flatMap((n) => (n.type === 'date' ? [[n.text, n.value] as [string, string | undefined]] : []));
};

// Wednesday 20 August 2025, noon UTC
const REF = '2025-08-20T12:00:00Z';

// [what it exercises, input, reference, expected [text, value] pairs]
const CASES: Array<[string, string, string | undefined, Array<[string, string | undefined]>]> = [
  ['full date', 'Putin launched the invasion on February 24, 2022, officials said.', undefined, [['February 24, 2022', '2022-02-24']]],
  ['month and year', 'He launched his February 2022 invasion of Ukraine.', undefined, [['February 2022', '2022-02']]],
  ['year after "in"', 'In 2022, a missile landed in the village.', undefined, [['2022', '2022']]],
  ['year before a noun', 'This follows a 2023 event near the border.', undefined, [['2023', '2023']]],
  ['year after a possessive', 'Documents from his 1995 tax return were leaked.', undefined, [['1995', '1995']]],
  ['year before a noun that years go with', 'Obama made a landmark 2012 visit to Rangoon.', undefined, [['2012', '2012']]],
  ['a decade has no ISO value', 'Prices last rose like this in the 1990s.', undefined, [['the 1990s', undefined]]],
  ['a count is not a year', 'Nearly 2000 people were evacuated.', undefined, []],
  ['money is not a year', 'The fine was $2000 in total.', undefined, []],
  ['possessive weekday', "He spoke after Monday's conversation with Putin.", REF, [['Monday', '2025-08-18']]],
  ['"on" weekday is the latest one', 'Russia said on Wednesday it was barring entry.', REF, [['Wednesday', '2025-08-20']]],
  ['bare weekday in the past', 'The minister said Friday that talks had stalled.', REF, [['Friday', '2025-08-15']]],
  ['weekday after a future cue', 'The Treasury is expected to name more firms on Friday.', REF, [['Friday', '2025-08-22']]],
  ['"next" weekday', 'The court term begins next Monday.', REF, [['next Monday', '2025-08-25']]],
  ['last month', 'Exports fell last month, the ministry said.', REF, [['last month', '2025-07']]],
  ['hours ago with a time of reference', 'The fire broke out 2 hours ago.', REF, [['2 hours ago', '2025-08-20T10:00Z']]],
  ['days ago', 'The fire started three days ago.', REF, [['three days ago', '2025-08-17']]],
  ['yesterday', 'The bank cut rates yesterday.', REF, [['yesterday', '2025-08-19']]],
  ['this year', 'Exports could fall 15% this year.', REF, [['this year', '2025']]],
  ['month and day take the reference year', 'Obama leaves office on Jan. 20.', '2016-09-26', [['Jan. 20', '2017-01-20']]],
  ['dateline date', 'NEW DELHI, Nov 26 (Reuters) - India said it would act.', '2025-11-26', [['Nov 26', '2025-11-26']]],
  ['relative date without reference has no value', 'Russia said on Wednesday it would act.', undefined, [['Wednesday', undefined]]],
  ['"May" as a name is no date', 'Theresa May said the vote would go ahead.', REF, []],
  ['"May" with a day is a date', 'The vote is on May 5, 2026.', REF, [['May 5, 2026', '2026-05-05']]],
  ['"earlier" belongs to the date', 'She said earlier this month that it was over.', REF, [['earlier this month', '2025-08']]],
  ['USA TODAY is not today', 'Heidi Przybyla wrote for USA TODAY about it.', REF, []],
];

describe('date mentions', () => {
  it.each(CASES)('%s', (_what, input, reference, expected) => {
    expect(datesOf(input, reference)).toEqual(expected);
  });

  it('resolves against a date the page states when no reference is given', () => {
    expect(datesOf('The Star\nPublished: November 26, 2025\nRussia bars entry to 21 people\nMOSCOW (Reuters) - Russia said on Wednesday it was barring entry to 21 people.')).toEqual([
      ['November 26, 2025', '2025-11-26'],
      ['Wednesday', '2025-11-26'],
    ]);
  });

  it('reads every date of a long text, sentence after sentence', () => {
    const sentence = 'On Monday, officials said that in 2023 and on February 24, 2022 the talks stalled last month. ';
    expect(datesOf(sentence.repeat(2000), REF)).toHaveLength(4 * 2000);
  });

  it('reads dates in a line with no sentence breaks at all', () => {
    const line = 'on Monday and in 2023 and '.repeat(3000);
    expect(datesOf(line, REF)).toHaveLength(2 * 3000);
  });
});
