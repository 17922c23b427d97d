/**
 * Issue 14: page furniture by line shape, one row per shape, and stories found after it.
 * Each furniture row asserts the kind the line has and that, on a page between a story's
 * paragraphs, it yields no sentence while the story's sentences are all there.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { layoutOf } from '../scripts/eval/layout.js';
import { furnitureOf, type FurnitureKind } from '../src/stages/layout/furniture.js';
import { timestampOf } from '../src/stages/layout/shapes.js';
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
  ['BBC image caption', 'Image caption, Evacuees wait at a school in Tacloban on Friday', 'caption'],
  ['Guardian caption with its photographer', 'Villagers shelter in a church in Leyte. Photograph: Ezra Acayan/Getty Images', 'caption'],
  ['audio player', 'Listen · 3:52', 'readingTime'],
  ['NPR programme line', 'Heard on Morning Edition', 'readingTime'],
  ['minutes of audio', '3-Minute Listen', 'readingTime'],
  ['audio buttons', 'Embed', 'prompt'],
  ['transcript label', 'Transcript', 'prompt'],
  ['sponsor message', 'Sponsor Message', 'prompt'],
  ['reuse link', 'Reuse this content', 'prompt'],
  ['newsletter promotion end', 'after newsletter promotion', 'prompt'],
  ['newsletter privacy notice', 'Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.', 'legal'],
  ['NPR transcript notice', 'NPR transcripts are created on a rush deadline by an NPR contractor. This text may not be in its final form.', 'legal'],
  ['back to the home page', 'The Guardian - Back to home', 'navigation'],
  ['section name of a paper', 'UK news', 'navigation'],
  ['topics heading', 'Explore more on these topics', 'related'],
  ['aggregator break', 'Story continues', 'prompt'],
  ['Canadian Press first-published line', 'This report by The Canadian Press was first published Dec. 8, 2026.', 'legal'],
  ['AFP desk slug', 'bur/ab/jxb', 'slug'],
  ['DW skip link', 'Skip next section', 'navigation'],
  ['a short link on its own line', 'https://p.dw.com/p/4XyZ', 'navigation'],
  ['permalink', 'Permalink https://p.dw.com/p/4XyZ', 'navigation'],
  ['feedback prompt', 'Send us your feedback', 'prompt'],
  ['print button and its label', 'Print Print this page', 'prompt'],
  ['DW related heading', 'Related Subjects', 'related'],
  ['keywords heading', 'Keywords', 'related'],
  ['France 24 caption with its photo credit', 'Residents wade through floodwater in Garissa, Kenya. © Tony Karumba-Otieno, AFP', 'caption'],
  ['France 24 byline label', 'Text by:', 'bylineLabel'],
  ['reading time in minutes alone', '2 min', 'readingTime'],
  ['advertising label', 'Advertising', 'prompt'],
  ['read-more heading', 'Read more', 'related'],
  ['AFP desk slug with a pair of initials joined', 'bur-ho/sn', 'slug'],
  ['a rule line between parts of a story', '___', 'rule'],
  ['a rule of stars', '* * *', 'rule'],
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

/** The one article a page holds (the test fails if it holds another). */
const onlyArticle = (page: string): ReturnType<typeof layoutOf>[number] => {
  const g = extract(page);
  expectValidGraph(g);
  const [a, ...more] = layoutOf(g);
  expect(more).toEqual([]);
  return a!;
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
    const a = onlyArticle(page);
    expect(a.dateline?.text).toBe('SAN DIEGO');
    expect(a.credits.map((c) => `${c.role}:${c.name}`)).toEqual(['agency:AP']);
    expect(page.slice(a.start, a.end).startsWith('SAN DIEGO (AP)')).toBe(true);
  });

  it('keeps the headline, its timestamp, the byline and its outlet-and-place line in one article', () => {
    const page = [
      'Home | News | Sport | Weather',
      'Typhoon closes schools across the Visayas',
      '2 hours ago',
      'Share',
      'By Jonah Ferreira-Lim',
      'BBC News, Manila',
      'Image caption, Evacuees wait at a school in Tacloban on Friday',
      LEAD,
      BODY,
      'Related topics',
      'Philippines',
      'Asia',
      'More on this story',
      'Why typhoons are getting stronger',
    ].join('\n');
    const a = onlyArticle(page);
    expect(a).toMatchObject({ title: 'Typhoon closes schools across the Visayas', outlet: 'BBC News', published: '2 hours ago', dateline: { text: 'MANILA' } });
    expect(a.credits.map((c) => `${c.role}:${c.name}`)).toEqual(['byline:Jonah Ferreira-Lim', 'agency:Reuters']);
    expect(page.slice(a.start, a.end).endsWith(BODY)).toBe(true);
    expect(sentences(page)).toEqual(['Typhoon closes schools across the Visayas', 'By Jonah Ferreira-Lim', LEAD, BODY]);
  });

  it('reads a deck and two timestamps under the byline as the same article, and a newsletter blurb as furniture', () => {
    const page = [
      'Typhoon closes schools across the Visayas',
      'Parents in coastal towns say they were given less than a day to find somewhere safe for their children',
      'By Jonah Ferreira-Lim, south-east Asia correspondent',
      'Tue 8 Dec 2026 11.42 GMT',
      'First published on Tue 8 Dec 2026 07.00 GMT',
      LEAD,
      BODY,
      'Sign up to First Edition',
      'Our morning email breaks down the key stories of the day',
      'Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.',
      'after newsletter promotion',
    ].join('\n');
    const a = onlyArticle(page);
    expect(a).toMatchObject({ title: 'Typhoon closes schools across the Visayas', published: 'Tue 8 Dec 2026 11.42 GMT', dateline: { text: 'MANILA' } });
    expect(sentences(page)).toEqual([
      'Typhoon closes schools across the Visayas',
      'Parents in coastal towns say they were given less than a day to find somewhere safe for their children',
      'By Jonah Ferreira-Lim, south-east Asia correspondent',
      LEAD,
      BODY,
    ]);
  });

  it('reads section and place labels over a headline as navigation, and a desk sign-off before the agencies as the credit', () => {
    const page = [
      'Skip next section',
      'Germany',
      'Middle East',
      'Typhoon closes schools across the Visayas',
      LEAD,
      BODY,
      'ab/sms (dpa, Reuters)',
      'Send us your feedback',
    ].join('\n');
    const a = onlyArticle(page);
    expect(a).toMatchObject({ title: 'Typhoon closes schools across the Visayas', dateline: { text: 'MANILA' } });
    expect(a.credits.map((c) => `${c.role}:${c.name}`)).toEqual(['agency:Reuters', 'agency:dpa']);
    expect(sentences(page)).toEqual(['Typhoon closes schools across the Visayas', LEAD, BODY, 'ab/sms (dpa, Reuters)']);
  });

  it('keeps a short headline straight over its story: no longer line above the story, no label', () => {
    expect(onlyArticle(['Typhoon Kalmaegi', LEAD, BODY].join('\n')).title).toBe('Typhoon Kalmaegi');
    expect(sentences(['Typhoon Kalmaegi', LEAD, BODY].join('\n'))).toEqual(['Typhoon Kalmaegi', LEAD, BODY]);
  });

  it('reads France 24\'s issued-on and modified-on lines as timestamps, the first the article\'s, and an outlet under "Text by:" as the byline\'s', () => {
    expect(['Issued on: 27/11/2026 - 11:20', 'Modified on: 27/11/2026 - 14:05', 'Modified: 27/11/2026 - 14:05'].map(timestampOf)).toEqual(['27/11/2026 - 11:20', '27/11/2026 - 14:05', '27/11/2026 - 14:05']);
    const page = ['Africa', 'Typhoon closes schools across the Visayas', 'Issued on: 27/11/2026 - 11:20', 'Modified: 27/11/2026 - 14:05', 'Text by:', 'FRANCE 24', '2 min', LEAD, BODY, 'bur-ho/sn', 'Advertising'].join('\n');
    expect(onlyArticle(page)).toMatchObject({ title: 'Typhoon closes schools across the Visayas', outlet: 'France 24', published: 'Issued on: 27/11/2026 - 11:20', dateline: { text: 'MANILA' } });
    expect(sentences(page)).toEqual(['Typhoon closes schools across the Visayas', LEAD, BODY]);
  });

  it('reads an AP page: a timestamp with the time first, two bylined names in capitals credited in title case, a rule line and the contribution below', () => {
    const page = [
      'Typhoon closes schools across the Visayas',
      'By EVA VERGARA-LUNDQVIST and PATRICIA LUNA-OYELOWO',
      'Updated 3:42 PM EST, December 8, 2026',
      LEAD,
      BODY,
      '___',
      'Associated Press writer Daniel Politi-Marsh in Buenos Aires contributed to this report.',
    ].join('\n');
    const a = onlyArticle(page);
    expect(a).toMatchObject({ title: 'Typhoon closes schools across the Visayas', published: 'Updated 3:42 PM EST, December 8, 2026', dateline: { text: 'MANILA' } });
    expect(a.credits.map((c) => `${c.role}:${c.name}`)).toEqual(['byline:Eva Vergara-Lundqvist', 'byline:Patricia Luna-Oyelowo', 'agency:Reuters', 'agency:AP', 'reporting:Daniel Politi-Marsh']);
    expect(sentences(page)).toEqual([page.split('\n')[0], page.split('\n')[1], LEAD, BODY, page.split('\n')[6]]);
  });

  it('reads a regional paper\'s timestamp with its first-published time', () => {
    const g = extract(['Floods close the Pacific Highway', 'Updated December 8 2026 - 3:15pm, first published 1:40pm', LEAD, BODY].join('\n'));
    expect(layoutOf(g)[0]).toMatchObject({ title: 'Floods close the Pacific Highway', published: 'Updated December 8 2026 - 3:15pm, first published 1:40pm' });
  });
});
