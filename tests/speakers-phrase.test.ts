import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';
import { listed, type Seen } from './helpers/quotes.js';

// Issue 13, first kind: the speaker is the head of the speaker phrase (its first noun group);
// of-/in-phrases, "close to …", appositions and relative clauses modify it. Each row lists
// every quote of its input: [content, speaker mention as written, cue as written, speaker's entity name].

const ROWS: Array<[string, string, Seen[]]> = [
  ['of-phrase after an inverted name', '"We have no suspects yet," said Officer Tusk of the Walrus Police Department.',
    [['We have no suspects yet', 'Tusk', 'said', 'Tusk']]],
  ['of-phrase before the cue', 'Officer Tusk of the Walrus Police Department said the man had fled.',
    [['the man had fled', 'Tusk', 'said', 'Tusk']]],
  ['a role in apposition, carried to the next quote', 'Jim Eglinski, Yellowhead MP, said the plan would fail. "It is a mess," he said.',
    [['the plan would fail', 'Jim Eglinski', 'said', 'Jim Eglinski'], ['It is a mess', 'he', 'said', 'Jim Eglinski']]],
  ['an aside renaming an of-object', "Raymond Dalio, co-chief investment officer of the world's largest hedge fund, Bridgewater Associates, said the market would fall.",
    [['the market would fall', 'Raymond Dalio', 'said', 'Raymond Dalio']]],
  ['an in-phrase after a common noun', 'The US embassy in Dar es Salaam said the office would close.',
    [['the office would close', 'The US embassy in Dar es Salaam', 'said', 'US embassy in Dar es Salaam']]],
  ['"and" inside a body\'s name after "according to"', 'The death toll rose to 45, according to the Disaster and Emergency Management Authority (AFAD).',
    [['The death toll rose to 45', 'Disaster and Emergency Management Authority', 'according to', 'Disaster and Emergency Management Authority']]],
  ['"of" and "and" inside a body\'s name', 'The Department of Health and Human Services said the rule was final.',
    [['the rule was final', 'Department of Health and Human Services', 'said', 'Department of Health and Human Services']]],
  ['"close to" after the head', 'Two Palestinian sources close to the discussions told AFP that a deal was near.',
    [['a deal was near', 'Two Palestinian sources close to the discussions', 'told', 'two Palestinian sources close to the discussions']]],
  ['"familiar with" after the head', 'People familiar with the matter said the deal was near.',
    [['the deal was near', 'People familiar with the matter', 'said', 'people familiar with the matter']]],
  ['an honorific before a month-like surname', '"We will leave the union," Ms. May said.',
    [['We will leave the union', 'May', 'said', 'May']]],
  ['a given name before a month-like surname', 'Theresa May said the deal was dead.',
    [['the deal was dead', 'Theresa May', 'said', 'Theresa May']]],
  ['a name and an occasion', 'Macron in a speech said the talks had failed.',
    [['the talks had failed', 'Macron', 'said', 'Macron']]],
  ['a plural noun and a place', 'Officials in Washington said the talks had failed.',
    [['the talks had failed', 'Officials in Washington', 'said', 'officials in Washington']]],
  ['a time phrase is no head', 'Moscow said it was ready, a day after Ankara accused Moscow of stalling a deal.',
    [['it was ready', 'Moscow', 'said', 'Moscow'], ['Moscow of stalling a deal', 'Ankara', 'accused', 'Ankara']]],
  ['a name in an aside after a description', "A Russian-installed official in Ukraine's Kherson region, Yevgeny Shchukarev-Lind, said two ships had been damaged.",
    [['two ships had been damaged', 'Yevgeny Shchukarev-Lind', 'said', 'Yevgeny Shchukarev-Lind']]],
  ['a thing that is a verb\'s object does not speak: its subject does', 'Following a meeting, the Security Council issued a statement calling the test "a clear violation".',
    [['the test "a clear violation"', 'Security Council', 'calling', 'Security Council']]],
  ['the object past adverbs', 'Trump unleashed a series of tweets early Friday saying that Clinton had shown bad judgment.',
    [['Clinton had shown bad judgment', 'Trump', 'saying', 'Trump']]],
  ['the object of a preposition after the verb', '"We will get there," Lynch said at a recent news conference announcing that her department was suing.',
    [['We will get there', 'Lynch', 'said', 'Lynch'], ['her department was suing', 'Lynch', 'announcing', 'Lynch']]],
  ['a person who is an object keeps the cue', 'The senator forced Stumpf to admit that no one had been held accountable.',
    [['no one had been held accountable', 'Stumpf', 'admit', 'Stumpf']]],
  ['a participle after a comma speaks for the subject, not the place before it', 'Hillary Clinton spoke out on Tuesday about a shooting in Tulsa, Oklahoma, arguing that the killings were intolerable.',
    [['the killings were intolerable', 'Hillary Clinton', 'arguing', 'Hillary Clinton']]],
  ['a participle after an aside speaks for the subject', 'Attorney General Roy Cooper, the governor\'s opponent, backed the plan on Friday, as well, saying that transparency "breaks down barriers".',
    [['transparency "breaks down barriers"', 'Roy Cooper', 'saying', 'Roy Cooper']]],
  ['a relative clause with commas after a name and its role', 'Saffron Cordery, the deputy chief executive of NHS Providers, which represents hospitals, ambulance, community and mental health services, said hard decisions may have to be made.',
    [['hard decisions may have to be made', 'Saffron Cordery', 'said', 'Saffron Cordery']]],
  ['a relative clause on a body after an opening adverb', 'However, the NHS Confederation, which represents the healthcare system in England, Wales and Northern Ireland, told the Guardian that immediate action was required.',
    [['immediate action was required', 'NHS Confederation', 'told', 'NHS Confederation']]],
  ['a relative clause after an "of" aside', 'Chris Garrard, of the campaign group Culture Unstained, which obtained the emails, said the deal was a big step forward.',
    [['the deal was a big step forward', 'Chris Garrard', 'said', 'Chris Garrard']]],
  ['a reporting cue\'s object before a colon is spoken of, not the speaker', 'Lambie blasts Hanson: "You will be held accountable."',
    [['You will be held accountable.', 'Lambie', ':', 'Lambie']]],
  ['another verb\'s object before a colon is the one quoted', 'The surge does not surprise pollster Daron Shaw: "Lesser-known candidates always gain."',
    [['Lesser-known candidates always gain.', 'Daron Shaw', ':', 'Daron Shaw']]],
  ['a share is one phrase', 'One in three said the party does not care about them.',
    [['the party does not care about them', 'One in three', 'said', 'one in three']]],
];

describe('speakers: the head of the speaker phrase', () => {
  it.each(ROWS)('%s', (_what, input, quotes) => {
    const g = extract(input);
    expectValidGraph(g);
    expect(listed(g)).toEqual(quotes);
  });

  it('an honorific is never an entity of its own', () => {
    for (const input of ['"We will leave the union," Ms. May said.', 'Ms. May said the deal was dead. Mrs. June agreed, Mr. August said.']) {
      const names = extract(input).nodes.flatMap((n) => (n.type === 'entity' ? [n.name] : []));
      expect(names.filter((n) => /^(Ms|Mrs|Mr)\.?$/.test(n))).toEqual([]);
    }
  });
});
