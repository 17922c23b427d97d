import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { names } from './helpers/names.js';


// [span shape, input, every name mention expected, in order]
const SHAPES: Array<[string, string, Array<[string, string]>]> = [
  ['particles inside a name ("von der")', 'European Commission President Ursula von der Leyen said the bloc would act.', [['organization', 'European Commission'], ['person', 'Ursula von der Leyen']]],
  ['a surname that starts with particles', 'The plan was drafted before von der Leyen took office.', [['person', 'von der Leyen']]],
  ['"bin" inside a name', 'Saudi Crown Prince Mohammed bin Salman met the envoy in Riyadh.', [['person', 'Mohammed bin Salman'], ['place', 'Riyadh']]],
  ['"van" inside a name', 'Dutch coach Louis van Gaal named his squad on Friday.', [['person', 'Louis van Gaal']]],
  ['a double-barrelled surname after a title', 'Deputy Mayor Henrike Talbot-Ravensworth said the budget was final.', [['person', 'Henrike Talbot-Ravensworth']]],
  ['two name words side by side are one name', 'Her co-sponsor, Sen. Harlan Brightwater, R-Idaho, was more cautious.', [['person', 'Harlan Brightwater'], ['place', 'Idaho']]],
  ['a hyphenated title before a name', 'UN Secretary-General Kofi Annan arrived on Monday.', [['organization', 'UN'], ['person', 'Kofi Annan']]],
  ['a name set off before a title is a person', 'Peregrine Attwater-Moss, chief executive of Severnvale Water, said the fine would be paid.', [['person', 'Peregrine Attwater-Moss'], ['organization', 'Severnvale Water']]],
  ['a party and state after a lawmaker: the state is a place', 'Rep. Jo Smith, D-New York, agreed with Sen. Harlan Brightwater (R-Idaho).', [['person', 'Jo Smith'], ['place', 'New York'], ['person', 'Harlan Brightwater'], ['place', 'Idaho']]],
  ['an abbreviated state after a lawmaker is left alone', 'Rep. Ann Lee, D-Calif., agreed.', [['person', 'Ann Lee']]],
  ["a transcript's speaker labels are persons", 'WALLACE: Do you agree?\n\nPENCE: No.\n\nWALLACE: Why?\n\nPENCE: Because.', [['person', 'WALLACE'], ['person', 'PENCE'], ['person', 'WALLACE'], ['person', 'PENCE']]],
  ["a first name's business is one organization", "The robbery happened at Joe's Pizza in Brooklyn.", [['organization', "Joe's Pizza"], ['place', 'Brooklyn']]],
  ["a person's possessive before an organization stays a person", "Hillary Clinton's campaign hired Wade Hollingbrook.", [['person', 'Hillary Clinton'], ['person', 'Wade Hollingbrook']]],
  ['a dateline with a colon is a place, not a speaker label', 'WARSAW: Polish authorities said on Tuesday that the missile was Ukrainian.', [['place', 'WARSAW']]],
  ['a role from the speaker lexicon before a name', 'Trader Amaka Nwosu-Eze said prices had doubled.', [['person', 'Amaka Nwosu-Eze']]],
];

describe('entity span shapes', () => {
  for (const [shape, text, expected] of SHAPES) {
    it(shape, () => {
      expect(names(text)).toEqual(expected);
    });
  }
});
