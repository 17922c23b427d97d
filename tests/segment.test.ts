import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';

const sentences = (text: string): string[] => {
  const g = extract(text);
  expectValidGraph(g);
  return g.nodes.filter((n) => n.type === 'sentence').map((n) => text.slice(n.start, n.end));
};

// [what it exercises, input, expected sentences]
const CASES: Array<[string, string, string[]]> = [
  ['two plain sentences', 'The talks ended. Both sides left.', ['The talks ended.', 'Both sides left.']],
  ['headline line without a full stop', 'Russia warns talks are futile\nLavrov spoke on Tuesday.', ['Russia warns talks are futile', 'Lavrov spoke on Tuesday.']],
  ['U.S. inside a sentence', 'The U.S. President spoke. He left.', ['The U.S. President spoke.', 'He left.']],
  ['U.S. ending a sentence', 'He flew to the U.S. The trip was short.', ['He flew to the U.S.', 'The trip was short.']],
  ['Mr. and initials', 'Mr. J. R. Smith said it. Dr. Jones agreed.', ['Mr. J. R. Smith said it.', 'Dr. Jones agreed.']],
  ['No. before a number', 'He lives at No. 10 Downing Street. It is old.', ['He lives at No. 10 Downing Street.', 'It is old.']],
  ['month abbreviation', 'BEIJING, Nov. 26 (Xinhua) -- China said it would act. Officials agreed.', ['BEIJING, Nov. 26 (Xinhua) -- China said it would act.', 'Officials agreed.']],
  ['closing quote after the full stop', '"We will go." He left.', ['"We will go."', 'He left.']],
  ['quotation across sentences', '"This is not about reform. It\'s about retribution," he said.', ['"This is not about reform.', 'It\'s about retribution," he said.']],
  ['ellipsis inside a sentence', 'The administration, which... seeks help, agreed.', ['The administration, which... seeks help, agreed.']],
  ['trailing agency credit', 'Moscow opposed it. – AFP', ['Moscow opposed it.', '– AFP']],
  ['credit after a closing quote', 'He said "a weak world."— REUTERS', ['He said "a weak world."', '— REUTERS']],
  ['dateline stays in its sentence', 'WARSAW: Polish authorities confirmed it. Police came.', ['WARSAW: Polish authorities confirmed it.', 'Police came.']],
  ['every line break between paragraphs ends a sentence', 'First line\n\nSecond line\nThird line', ['First line', 'Second line', 'Third line']],
  ['hard-wrapped line continues', 'The minister said the talks\nwould resume on Monday.', ['The minister said the talks\nwould resume on Monday.']],
  ['list lines', '- first item\n- second item', ['- first item', '- second item']],
  ['question and exclamation', 'Is it over? No! It goes on.', ['Is it over?', 'No!', 'It goes on.']],
  ['CRLF line ends', 'One line.\r\nAnother line.', ['One line.', 'Another line.']],
  ['curly quotes', '\u201cWe will go.\u201d He left.', ['\u201cWe will go.\u201d', 'He left.']],
  ['a state abbreviation after a party letter', 'Sen. Lindsey Graham (R-S.C.) said it. Sen. Bob Menendez (D-N.J.) agreed.', ['Sen. Lindsey Graham (R-S.C.) said it.', 'Sen. Bob Menendez (D-N.J.) agreed.']],
];

describe('sentence segmentation', () => {
  it.each(CASES)('%s', (_what, input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });

  it('cuts a sentence over 250 tokens at a clause break, with a diagnostic', () => {
    const text = `${'word '.repeat(200)}then, ${'more '.repeat(200)}end.`;
    const g = extract(text);
    expectValidGraph(g);
    const found = g.nodes.filter((n) => n.type === 'sentence').map((n) => text.slice(n.start, n.end));
    expect(found).toEqual([`${'word '.repeat(200)}then,`, `${'more '.repeat(200)}end.`]);
    expect(g.diagnostics.map((d) => [d.code, d.start, d.end])).toEqual([['sentence-too-long', 0, text.length]]);
  });

  it('returns no sentences for empty or blank text', () => {
    expect(sentences('')).toEqual([]);
    expect(sentences(' \n\n\t ')).toEqual([]);
  });
});

describe('tokens do not depend on earlier documents', () => {
  it("splits a possessive 's even after the same word was seen whole in single quotes", async () => {
    const { tokenizeStage } = await import('../src/stages/tokenize/index.js');
    const { Doc } = await import('../src/pipeline/doc.js');
    const tokensOf = (text: string): string[] => {
      const doc = new Doc(text, { timings: false });
      tokenizeStage.run(doc);
      return doc.tokens.map((t) => t.text);
    };
    const before = tokensOf("Zyxwvut's plan failed.");
    tokensOf("They called it 'Zyxwvut's' plan.");
    expect(tokensOf("Zyxwvut's plan failed.")).toEqual(before);
    expect(before).toEqual(['Zyxwvut', "'s", 'plan', 'failed', '.']);
    expect(tokensOf('Burns\u2019s view')).toEqual(['Burns', '\u2019s'.replace('\u2019', "'"), 'view']);
  });
});
