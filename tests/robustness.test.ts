/**
 * Property-style robustness: random and adversarial strings always give a schema-valid
 * graph whose spans lie inside the text — never a crash, a hang or a span outside it.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { expectValidGraph } from './helpers/graph.js';
import { rng } from './helpers/rng.js';

const PIECES = [
  'said', ' ', '\n', '\n\n', '"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', '\u201e', ':', ',', '.', '...', '\u2026',
  ' – ', '—', '(Reuters)', 'AFP', 'Lavrov', 'he', 'the minister', 'told reporters', 'according to', 'that', 'WARSAW:', 'U.S.',
  'Mr.', '\u00a0', '\u200b', '\r\n', '\t', '\u0000', '\u0007', '\ud800', '\udc00', '\ud83d\ude00', '\u0301', '\ufeff', 'é', '中文',
  'February 24, 2022', 'on Wednesday', '2 hours ago', '(', ')', '[', '-', 'By', 'Reporting by', ';', 'Editing by',
];

function randomText(next: () => number, length: number): string {
  let s = '';
  while (s.length < length) {
    if (next() < 0.15) s += String.fromCharCode(Math.floor(next() * 0x10000));
    else s += PIECES[Math.floor(next() * PIECES.length)]!;
  }
  return s;
}

function expectSound(text: string): void {
  const g = extract(text);
  expect(g.text).toBe(text);
  expectValidGraph(g);
  // a stage that threw is caught by the runner; here it still counts as a failure
  expect(g.diagnostics.filter((d) => d.code === 'E_STAGE_FAILED')).toEqual([]);
}

describe('robustness', () => {
  it('handles 300 random strings of news-like pieces and arbitrary UTF-16', () => {
    const next = rng(20261127);
    for (let i = 0; i < 300; i++) expectSound(randomText(next, 1 + Math.floor(next() * 400)));
  });

  it.each([
    ['empty', ''],
    ['white space only', ' \n\t\r\n\u00a0\u200b '],
    ['control characters', '\u0000\u0001\u0002 said \u001f "x" \u007f'],
    ['lone surrogates', '\ud800 Lavrov said "\udc00 no" \udbff'],
    ['10,000 quotation marks', '"'.repeat(10_000)],
    ['10,000 alternating curly marks', '\u201c\u201d'.repeat(5_000)],
    ['10,000 apostrophes between words', "a'".repeat(10_000)],
    ['a very long word', 'x'.repeat(100_000)],
    ['a very long word with a quote inside', `${'y'.repeat(50_000)}"${'z'.repeat(50_000)}`],
    ['a line of 100,000 commas', ','.repeat(100_000)],
    ['only capitalised words', 'Lavrov Said Moscow Kremlin '.repeat(4_000)],
    ['no punctuation at all', 'the minister said talks would go on '.repeat(3_000)],
    ['unclosed quotation in every paragraph', '"He said this would never end\n\n'.repeat(2_000)],
    ['only line breaks', '\n'.repeat(50_000)],
    ['combining marks stacked', `a${'\u0301'.repeat(10_000)} said.`],
  ])('%s', (_what, text) => {
    expectSound(text);
  });
});
