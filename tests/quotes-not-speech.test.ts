import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { quoteLexicon, cueHas } from '../src/stages/quotes/lexicon.js';
import { expectValidGraph } from './helpers/graph.js';
import { quoteRows, type QuoteRow } from './helpers/quotes.js';

// Issue 13, "not speech": a cue whose object is only a plain noun phrase reports speech only
// where the phrase quotes (or, for most cues, is what was said); the frames are flags in
// src/lexicon/cues.json (plain-object, act-object, habitual-naming). Each row lists every
// quote of its input as [content, speaker mention as written, cue as written].

type Said = QuoteRow;

const ROWS: Array<[string, Said[]]> = [
  // plain-object: a noun phrase after the cue is not what was said
  ['Smith claimed victory on Tuesday.', []],
  ['He was declaring victory at a press conference.', []],
  ['The president dismissed allegations of fraud.', []],
  ['The opposition disputed the reported victory.', []],
  ['She has been reporting on Russia for six years.', []],
  // …but a clause or a quotation after them is
  ['Trump claimed that the vote was rigged.', [['the vote was rigged', 'Trump', 'claimed']]],
  ['The president dismissed the allegations as "a hoax".', [['the allegations as "a hoax"', 'The president', 'dismissed']]],
  // act-object: an act on people, not words about them
  ['Police attacked protesters in the square.', []],
  ['Trump attacked Machado in early-morning tweets.', [['Machado in early-morning tweets', 'Trump', 'attacked']]],
  ['He attacked her opponent as a fraud.', [['her opponent as a fraud', 'He', 'attacked']]],
  // not a cue of speech at all
  ['The mayor laid out his plans for the city.', []],
  ['He added five points to his lead.', []],
  // habitual-naming: a nickname, where calling someone something in the past tense is speech
  ['They call him the crowbar robber.', []],
  ['Trump called Clinton a liar.', [['Clinton a liar', 'Trump', 'called']]],
  ['She wrote a book called "The Long Walk".', []],
  // a claim no one in the text made
  ['The claim that the vote was rigged was false.', []],
  ['He said the claim that the vote was false was wrong.', [['the claim that the vote was false was wrong', 'He', 'said']]],
  ['The mayor renewed her warning that prices would rise.', [['prices would rise', 'her', 'warning']]],
];

describe('quotes: cues that are not speech', () => {
  it.each(ROWS)('%s', (input, quotes) => {
    const g = extract(input);
    expectValidGraph(g);
    expect(quoteRows(g)).toEqual(quotes);
  });

  it('keeps the frames as cue flags', () => {
    const lex = quoteLexicon();
    const flagged = (flag: Parameters<typeof cueHas>[2]) => ['claim', 'declare', 'dismiss', 'dispute', 'report', 'attack', 'call', 'say'].filter((l) => cueHas(lex, l, flag));
    expect(flagged('plain-object')).toEqual(['claim', 'declare', 'dismiss', 'dispute', 'report']);
    expect(flagged('act-object')).toEqual(['attack']);
    expect(flagged('habitual-naming')).toEqual(['call']);
  });
});
