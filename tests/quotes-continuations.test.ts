import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';
import { listed, type Seen } from './helpers/quotes.js';

// Issue 13, continuations: quotation paragraphs that go on after an attribution are the same
// speaker's words, when that speaker is a pronoun no name resolves ("He told the BBC: …") and
// across one short sentence of narration about the speaker ("He looked puzzled."). Each row
// lists every quote of its input: [content, speaker mention, cue, speaker's entity].

const ROWS: Array<[string, string, Seen[]]> = [
  ['a pronoun no name resolves carries its next paragraph', 'He told the BBC: "We are looking at data on an hourly basis.\n\n"That does not mean we are complacent."',
    [['We are looking at data on an hourly basis.', 'He', 'told', null], ['That does not mean we are complacent.', 'He', null, null]]],
  ['a resolved speaker across a short narration sentence about them', 'Smith, the mayor, spoke on Monday. "We will rebuild," he said.\n\nHe looked puzzled.\n\n"It will take years."',
    [['We will rebuild', 'he', 'said', 'Smith'], ['It will take years.', null, null, 'Smith']]],
  ['the speaker\'s name opening the narration sentence', '"We will rebuild," Anna Smith said.\n\nSmith paused.\n\n"It will take years."',
    [['We will rebuild', 'Anna Smith', 'said', 'Anna Smith'], ['It will take years.', null, null, 'Anna Smith']]],
  ['narration about something else ends the run', '"We will rebuild," Smith said.\n\nThe city council met on Tuesday.\n\n"It will take years."',
    [['We will rebuild', 'Smith', 'said', 'Smith']]],
  ['a narration sentence with a quotation of its own is no gap', '"We will rebuild," Smith said.\n\nHe called it "a plan".\n\n"It will take years."',
    [['We will rebuild', 'Smith', 'said', 'Smith'], ['it "a plan"', 'He', 'called', 'Smith'], ['It will take years.', null, null, 'Smith']]],
];

describe('quotes: continuations', () => {
  it.each(ROWS)('%s', (_kind, text, quotes) => {
    const g = extract(text);
    expectValidGraph(g);
    expect(listed(g)).toEqual(quotes);
  });
});
