import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';
import { listed, type Seen } from './helpers/quotes.js';

// Issue 13: speakers behind a party-state tag or a parenthesis, and cues inside a fronted
// adverbial ("In a statement announcing the pick, …"), which report only up to the comma
// that closes it. Each row lists every quote of its input (PolNeAR dev failures, rewritten).

const ROWS: Array<[string, string, Seen[]]> = [
  ['a party-state tag with an abbreviation period', '"Our assumption is that the veto will be overridden," Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.',
    [['Our assumption is that the veto will be overridden', 'Mitch McConnell', 'said', 'Mitch McConnell']]],
  ['a parenthesis and an apposition', '"They would just go get them," Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview.',
    [['They would just go get them', 'Jim Jordan', 'said', 'Jim Jordan']]],
  ['an inverted cue and a party-state tag', '"We will win," said Sen. Tim Scott, R-S.C., on Tuesday.',
    [['We will win', 'Tim Scott', 'said', 'Tim Scott']]],
  ['a participle in a fronted prepositional phrase', 'In a Facebook message posted Friday, Cruz said he could not allow Hillary Clinton to become president.',
    [['he could not allow Hillary Clinton to become president', 'Cruz', 'said', 'Cruz']]],
  ['a fronted phrase whose cue has only a noun phrase', 'In a statement announcing the pick, the Association of Flight Attendants called Clinton a "champion" for its members.',
    [['Clinton a "champion"', 'Association of Flight Attendants', 'called', 'Association of Flight Attendants']]],
  ['a fronted subordinate clause with a cue of its own', 'Before city officials had weighed in with any explanation, Donald Trump said at an event that "a bomb" had gone off in New York.',
    [['"a bomb" had gone off in New York', 'Donald Trump', 'said', 'Donald Trump']]],
  ['a fronted clause keeps its own content up to the comma', 'After Trump said the economy was weak, markets fell.',
    [['the economy was weak', 'Trump', 'said', 'Trump']]],
  ['a gerund clause in a fronted clause', 'While Trump has admitted using the tax code, he does not defend it.',
    [['using the tax code', 'Trump', 'admitted', 'Trump']]],
  ['"as" introduces the content after the comma', 'As Smith said last week, the plan has failed.',
    [['the plan has failed', 'Smith', 'said', 'Smith']]],
  ['a coordinated clause with an attribution of its own', 'Prime Minister Justin Trudeau confirmed that the cause of the crash is still unknown, but he assured Canadians that it will be investigated.',
    [['the cause of the crash is still unknown', 'Justin Trudeau', 'confirmed', 'Justin Trudeau'], ['it will be investigated', 'he', 'assured', 'Justin Trudeau']]],
  ['a coordinated clause without a cue goes on', 'He said the talks had stalled and the deal was off.',
    [['the talks had stalled and the deal was off', 'He', 'said', null]]],
  ['a relative clause\'s speaker reports what that clause says, not the words before it', 'Mullen was asked about a freeze in aid to Egypt, a move that Senator John McCain has said is under consideration. "That is not mine to decide," said Mullen.',
    [['a freeze in aid to Egypt, a move that Senator John McCain has said is under consideration', null, 'asked', null], ['That is not mine to decide', 'Mullen', 'said', 'Mullen']]],
  ['a gerund phrase as the reported clause\'s subject, and a title read as an adjective', 'The chief said being involved in violence is never easy for anyone.',
    [['being involved in violence is never easy for anyone', 'The chief', 'said', 'chief']]],
  ['a name modifying a noun after a possessive is no antecedent', 'After meeting with his wife, Loden waived his Miranda rights and confessed. He said he killed the youth to preserve his public appearance.',
    [['he killed the youth to preserve his public appearance', 'He', 'said', 'Loden']]],
  ['a quotation after a colon is not its lead-in\'s content', 'The official raised his hand and asked if he could ask me a question: "I heard the mosques would close," he said.',
    [['if he could ask me a question', 'The official', 'asked', 'official'], ['I heard the mosques would close', 'he', 'said', 'official']]],
  ['words no one said: a negation before "to" and the cue', 'May embellished the theme, suggesting that officers never have occasion to say "You are nicked, sunshine."',
    [['officers never have occasion to say "You are nicked, sunshine."', 'May', 'suggesting', 'May']]],
  ['a quotation ending with the comma that closes a fronted clause', 'When Walter and his team say "any funded need," they mean it literally.',
    [['any funded need', 'his team', 'say', 'team']]],
  ['an inverted present-tense cue right after the quotation', '"We love cats!" reply Burton and Nick.',
    [['We love cats!', 'Burton', 'reply', 'Burton']]],
];

describe('speakers: asides after the name, cues in a fronted adverbial', () => {
  it.each(ROWS)('%s', (_kind, text, quotes) => {
    const g = extract(text);
    expectValidGraph(g);
    expect(listed(g)).toEqual(quotes);
  });
});

describe('entities: a family name written first, repeated alone', () => {
  it('"Zhuang Wenxiu … Zhuang was quoted as saying" ties the lone name to the person, though the tagger reads it as a place', () => {
    const text = 'BEIJING, Dec. 7 (Xinhua) -- The satellite was launched on Monday, said Zhuang Wenxiu, the chief designer.\n"It marks a new stage," Zhuang was quoted as saying.';
    const g = extract(text);
    const persons = g.nodes.filter((n) => n.type === 'person').map((n) => n.text);
    expect(persons).toEqual(['Zhuang Wenxiu', 'Zhuang']);
    expect(listed(g)).toEqual([
      ['The satellite was launched on Monday', 'Zhuang Wenxiu', 'said', 'Zhuang Wenxiu'],
      ['It marks a new stage', 'Zhuang', 'was quoted as saying', 'Zhuang Wenxiu'],
    ]);
  });
});
