import { configuration } from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { SKIPPED_PARSERS, SKIPPED_PROBES } from '../src/stages/dates/resolve.js';
import { extract } from '../src/index.js';

// The dates stage leaves six of chrono's casual parsers out, known by probes because a minifier
// renames their classes (a browser build once kept them all: "Thursday afternoon" became a date
// mention where Node gave "Thursday"). Here, unminified, the probes must pick exactly the named
// parsers, one each, so a chrono upgrade that changes what a parser reads fails this test.
describe('the chrono parsers the dates stage leaves out', () => {
  it('are exactly the six named ones, one parser per probe', () => {
    expect(SKIPPED_PARSERS.map((p) => p.constructor.name).sort()).toEqual(Object.keys(SKIPPED_PROBES).sort());
    const all = configuration.createCasualConfiguration().parsers.map((p) => p.constructor.name);
    expect(all.length - SKIPPED_PARSERS.length).toBe(12);
  });

  it('keep a weekday with its part of the day to the day ("Thursday afternoon" → "Thursday")', () => {
    const g = extract('The talks ended on Thursday afternoon.', { published: '2022-01-14' });
    const dates = g.nodes.filter((n) => n.type === 'date');
    expect(dates.map((d) => [d.text, d.value])).toEqual([['Thursday', '2022-01-13']]);
  });
});
