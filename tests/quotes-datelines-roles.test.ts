import { describe, expect, it } from 'vitest';
import { extract, type AnnotationGraph } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';
import { quoteRows } from './helpers/quotes.js';

// Issue 13: a dateline in title case with a parenthesis is not part of a quote; a body's name
// joined by "of" and "and" speaks; roles are titles as written, acronyms in their case, and
// never fragments. Each row lists every quote of its input: [content, speaker as written, cue as
// written, speaker's entity, its roles].

type Row = [string, string | null, string | null, string | null, string[]];

function rows(graph: AnnotationGraph): Row[] {
  const node = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const listed = quoteRows(graph);
  return graph.nodes.filter((n) => n.type === 'quote').map((q, i): Row => {
    const [, speaker, cue] = listed[i]!;
    const edge = graph.edges.find((e) => e.type === 'speaker' && e.from === q.id);
    const mention = edge ? node.get(edge.to) : undefined;
    const link = mention ? graph.edges.find((e) => e.type === 'mentionOf' && e.from === mention.id) : undefined;
    const entity = link ? node.get(link.to) : mention;
    return entity?.type === 'entity' ? [q.text, speaker, cue, entity.name, [...(entity.roles ?? [])]] : [q.text, speaker, cue, null, []];
  });
}

const CASES: Array<[string, string, Row[]]> = [
  ['a title-case dateline with a place in parentheses', 'Ankara (Turkey): The death toll from the earthquake rose to 45, officials said.',
    [['The death toll from the earthquake rose to 45', 'officials', 'said', 'officials', ['officials']]]],
  ['a title-case dateline with an agency', 'Washington (AFP) \u2013 The Senate passed the bill, a spokesman said.',
    [['The Senate passed the bill', 'a spokesman', 'said', 'spokesman', ['spokesman']]]],
  ['a capitals dateline', 'WARSAW (Reuters) - Poland will close its border, the minister said.',
    [['Poland will close its border', 'the minister', 'said', 'minister', ['minister']]]],
  ['a name and a colon is no dateline', 'Kasich resisted: "Ohio governors do not have the power."',
    [['Ohio governors do not have the power.', 'Kasich', ':', 'Kasich', []]]],
  ['a body joined by "of" and "and"', 'The fire had burned 4,000 acres by Tuesday, the California Department of Forestry and Fire Protection said.',
    [['The fire had burned 4,000 acres by Tuesday', 'California Department of Forestry and Fire Protection', 'said', 'California Department of Forestry and Fire Protection', []]]],
  ['an acronym keeps its case in a role', 'Former CIA director John Brennan said the report was flawed.',
    [['the report was flawed', 'John Brennan', 'said', 'John Brennan', ['former CIA director']]]],
  ['an office with "of"', 'Secretary of State John Kerry said the talks had failed.',
    [['the talks had failed', 'John Kerry', 'said', 'John Kerry', ['secretary of state']]]],
  ['an office with "of" and a place', 'Mayor of London Sadiq Khan said the trains would run.',
    [['the trains would run', 'Sadiq Khan', 'said', 'Sadiq Khan', ['mayor of London']]]],
  ['a body with "of" has no role', 'The Bank of England said rates would rise.',
    [['rates would rise', 'Bank of England', 'said', 'Bank of England', []]]],
  ['a word before a name that holds no title is no role', '"We will fight," that Smith said.',
    [['We will fight', 'Smith', 'said', 'Smith', []]]],
  ['a description ending in a preposition is no role', 'Reporters asked about her distaste for Trump. "It is real," the senator said.',
    [['It is real', 'the senator', 'said', 'senator', ['senator']]]],
];

describe('quotes: datelines, bodies and roles', () => {
  it.each(CASES)('%s', (_what, input, expected) => {
    const g = extract(input);
    expectValidGraph(g);
    expect(rows(g)).toEqual(expected);
  });
});
