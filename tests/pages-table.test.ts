/**
 * Issue 14: page furniture by line shape, one row per shape, and stories found after it.
 * Each furniture row asserts the kind the line has and that, on a page between a story's
 * paragraphs, it yields no sentence while the story's sentences are all there.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { layoutOf } from '../scripts/eval/layout.js';
import { furnitureOf, type FurnitureKind } from '../src/stages/layout/furniture.js';
import { expectValidGraph } from './helpers/graph.js';

const LEAD = 'MANILA (Reuters) - Typhoon Kalmaegi forced the evacuation of thousands of coastal villages on Friday, officials said.';
const BODY = 'Rescue teams were sent to the worst-hit provinces, and schools in the capital were closed until further notice.';

// [what it exercises, line, expected kind]
const FURNITURE: Array<[string, string, FurnitureKind]> = [
  ['Reuters file photo caption', 'FILE PHOTO: A man wades through a flooded street in Manila, Philippines, October 2, 2025. REUTERS/Lisa Marie David/File Photo', 'caption'],
  ['AP photo caption', 'Residents carry belongings past a collapsed house in Cebu, Thursday, Nov. 6, 2025. (AP Photo/Jim Gomez)', 'caption'],
  ['caption with a photo credit in parentheses', 'Villagers wait for relief goods in Leyte. (Photo: AFP)', 'caption'],
  ['photo credit alone', 'Getty Images', 'photoCredit'],
  ['photo credit via Getty', 'Ted Aljibe/AFP via Getty Images', 'photoCredit'],
  ['photo credit with a label', 'Image source, Reuters', 'photoCredit'],
  ['reading time', 'Estimated read time: 2 minutes', 'readingTime'],
  ['minutes read', '4 min read', 'readingTime'],
  ['save prompt', 'Save Story', 'prompt'],
  ['language switch', 'Leer en español', 'prompt'],
  ['newsletter prompt', 'Sign up for our morning briefing newsletter', 'prompt'],
  ['cookie notice', 'We use cookies to improve your experience on our site.', 'prompt'],
  ['subscription notice', 'You have reached your limit of free articles this month.', 'prompt'],
  ['skip link', 'Skip to main content', 'navigation'],
  ['breadcrumb', 'Home > World > Asia Pacific', 'navigation'],
  ['section name', 'World', 'navigation'],
  ['related heading', 'Related Coverage', 'related'],
  ['related link', 'Read more: Philippines braces for second storm in a week', 'related'],
  ['arrow link', '► Typhoon season: how storms are named', 'related'],
  ['archived-story notice', 'This archived news story is available only for your personal, non-commercial use. Information in the story may be outdated.', 'legal'],
  ['AP redistribution notice', 'Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.', 'legal'],
  ['Reuters standards line', 'Our Standards: The Thomson Reuters Trust Principles.', 'legal'],
  ['contact line', 'Error • 850-555-0142 | info@wcoastnews.com', 'contact'],
];

// lines of a story that look a little like furniture and are not
const NOT_FURNITURE: Array<[string, string]> = [
  ['a dateline over a caption-like end', 'MANILA (Reuters) - The photo agency said it had filed pictures (Photo: AFP) overnight.'],
  ['a sentence naming Getty Images', 'Getty Images said on Friday it would license the pictures to newspapers across Asia.'],
  ['a sentence about reading', 'Read the report, the minister told lawmakers, and you will see why the dams failed.'],
  ['a sentence about cookies', 'The bakery sold cookies to rescue workers through the night.'],
  ['a headline with a label', 'Opinion: The typhoon warnings came too late for the coast'],
];

const sentences = (text: string): string[] => {
  const g = extract(text);
  expectValidGraph(g);
  return g.nodes.filter((n) => n.type === 'sentence').map((n) => g.text.slice(n.start, n.end));
};

describe('furniture line shapes', () => {
  it.each(FURNITURE)('%s', (_what, line, kind) => {
    expect(furnitureOf(line)).toBe(kind);
    // above, between and below the story: never a sentence of it
    // paragraphs apart, as pages are copied (lines of one width would read as hard-wrapped text)
    const story = sentences(`${LEAD}\n\n${BODY}`);
    expect(story).toEqual([LEAD, BODY]);
    for (const page of [`${line}\n\n${LEAD}\n\n${BODY}`, `${LEAD}\n\n${line}\n\n${BODY}`, `${LEAD}\n\n${BODY}\n\n${line}`]) {
      expect(sentences(page)).toEqual(story);
    }
  });

  it.each(NOT_FURNITURE)('not furniture: %s', (_what, line) => {
    // the line is read as the story's own text: sentences cover all of it
    const got = sentences(`${line}\n\n${BODY}`).join(' ');
    expect(got).toContain(line.replace(/^MANILA \(Reuters\) - /, ''));
  });
});

describe('the story after the page above it', () => {
  it('finds the AP dateline and credit after a save prompt, a language switch, a reading time and a notice', () => {
    const page = [
      'Save Story',
      'Leer en español',
      'Estimated read time: 2 minutes',
      'This archived news story is available only for your personal, non-commercial use. Information in the story may be outdated or superseded by additional information.',
      'SAN DIEGO (AP) — The Latest on the wildfires burning north of the city, where crews worked through the night to protect homes.',
      'Fire officials said the blaze had grown to 4,000 acres by Saturday morning.',
    ].join('\n');
    const g = extract(page);
    expectValidGraph(g);
    const [a, ...more] = layoutOf(g);
    expect(more).toEqual([]);
    expect(a!.dateline?.text).toBe('SAN DIEGO');
    expect(a!.credits.map((c) => `${c.role}:${c.name}`)).toEqual(['agency:AP']);
    expect(g.text.slice(a!.start, a!.end).startsWith('SAN DIEGO (AP)')).toBe(true);
  });
});
