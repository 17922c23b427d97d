import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { furnitureTally } from '../scripts/eval/furniture.js';
import { datelinesAndCredits, layoutOf, type ExpectedLayout } from '../scripts/eval/layout.js';

const spanOf = (text: string, part: string): { start: number; end: number } => {
  const start = text.indexOf(part);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + part.length };
};

describe('the furniture row of eval --only layout', () => {
  const text = [
    'Skip to main content',
    'MANILA (Reuters) - Typhoon Kalmaegi forced the evacuation of thousands of coastal villages on Friday, officials said.',
    'Reporting by Karen Lema; Editing by Andrew HeavensOur Standards: The Thomson Reuters Trust Principles.',
    'Share this story',
  ].join('\n');
  const graph = extract(text);

  it('counts furniture kept out, cutting a line where an expected span starts inside it', () => {
    const boilerplate = [spanOf(text, 'Skip to main content'), spanOf(text, 'Our Standards: The Thomson Reuters Trust Principles.'), spanOf(text, 'Share this story')];
    expect(furnitureTally(text, boilerplate, graph)).toEqual({ tally: { tp: 3, fp: 0, fn: 0, lines: 5 }, problems: [] });
  });

  it('counts a furniture line read as story, and a story line left out', () => {
    // as if the skip link were story and the share prompt were not expected furniture
    const boilerplate = [spanOf(text, 'Reporting by Karen Lema')];
    const { tally, problems } = furnitureTally(text, boilerplate, graph);
    // the rest of the credit line ("; Editing by Andrew HeavensOur Standards: …") holds a sentence: story, read as story
    expect(tally).toEqual({ tp: 0, fp: 2, fn: 1, lines: 5 });
    expect(problems).toEqual([
      'story line left out: "Skip to main content"',
      'furniture read as story: "Reporting by Karen Lema"',
      'story line left out: "Share this story"',
    ]);
  });
});

describe('the dateline and credit rows of eval --only layout', () => {
  const text = 'LONDON, Dec 7 (Reuters) - The fund cut its forecast on Tuesday, officials said.\n\n(Reporting by Karen Lema; Editing by Andrew Heavens)';
  const found = layoutOf(extract(text));

  it('counts found against expected by article span, place span, role and name; pending left out', () => {
    const expected: ExpectedLayout = {
      articles: [{
        start: 0, end: text.length,
        dateline: { start: 0, end: 6, text: 'LONDON' },
        credits: [
          { role: 'agency', name: 'Reuters' },
          { role: 'reporting', name: 'Karen Lema' },
          { role: 'editing', name: 'Andrew Heavens' },
          { role: 'writing', name: 'Anna Ruiz' },
          { role: 'photo', name: 'Nobody', pending: true },
        ],
      }],
      boilerplate: [],
    };
    expect(found.map((a) => [a.start, a.end, a.dateline?.text, a.credits.map((c) => `${c.role}:${c.name}`)])).toEqual([
      [0, text.length, 'LONDON', ['agency:Reuters', 'reporting:Karen Lema', 'editing:Andrew Heavens']],
    ]);
    expect(datelinesAndCredits(expected, found)).toEqual({ datelines: { expected: 1, found: 1, right: 1 }, credits: { expected: 4, found: 3, right: 3 } });
  });

  it('a dateline or credit on an article of another span is found but not right', () => {
    const expected: ExpectedLayout = { articles: [{ start: 0, end: 50, dateline: { start: 0, end: 6, text: 'LONDON' }, credits: [{ role: 'agency', name: 'Reuters' }] }], boilerplate: [] };
    expect(datelinesAndCredits(expected, found)).toEqual({ datelines: { expected: 1, found: 1, right: 0 }, credits: { expected: 1, found: 3, right: 0 } });
  });
});
