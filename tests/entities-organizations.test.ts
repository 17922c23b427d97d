import { describe, expect, it } from 'vitest';
import { names } from './helpers/names.js';

// [shape, input, every name mention expected, in order] (src/stages/entities/org-rules.ts, spans.ts)
const SHAPES: Array<[string, string, Array<[string, string]>]> = [
  ['"the" and a run ending with an institution\'s head noun', 'Analysts at the Tax Policy Center said the plan was costly.', [['organization', 'Tax Policy Center']]],
  ['a head noun joined by "of" to its field', 'Officials at the Department of Justice declined to comment.', [['organization', 'Department of Justice']]],
  ['a head noun joined by "on"', 'The Commission on Presidential Debates set the rules.', [['organization', 'Commission on Presidential Debates']]],
  ['a committee named by its chamber', 'He told the Senate Intelligence Committee on Monday that it was false.', [['organization', 'Senate Intelligence Committee']]],
  ['a foundation named after a person is no person', 'Donors gave money to the Clinton Foundation last year.', [['organization', 'Clinton Foundation']]],
  ['a demonym before a company\'s legal name belongs to it', 'South African Breweries Ltd said on Monday it would sell the unit.', [['organization', 'South African Breweries Ltd']]],
  ['a demonym before an institution stays apart', 'The Russian Foreign Ministry said Moscow would respond.', [['organization', 'Foreign Ministry'], ['place', 'Moscow']]],
  ['a company named by a head noun', 'Russian Railways said freight volumes fell.', [['organization', 'Russian Railways']]],
  ['"in" ends a hyphenated Korean given name', 'South Korean President Moon Jae-in met Kim Dae-jung in Seoul.', [['person', 'Moon Jae-in'], ['person', 'Kim Dae-jung'], ['place', 'Seoul']]],
  ['"-in-law" is no part of a name', 'She met her son-in-law, Jared Kushner, in Paris.', [['person', 'Jared Kushner'], ['place', 'Paris']]],
];

describe('organization shapes', () => {
  for (const [shape, text, expected] of SHAPES) {
    it(shape, () => {
      expect(names(text)).toEqual(expected);
    });
  }
});
