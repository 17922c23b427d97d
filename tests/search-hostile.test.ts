import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT, runCli } from './helpers/cli.js';
import { quoteGraph } from './index-db.helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-search-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const db = join(tmp, 'quotes.db');

// A quote that clears the screen and reverses the text after it, a title that sets the
// window title, a document id with a C1 control, and a speaker named with a bidi override.
const QUOTE = 'We will win \u001b[2J now \u202eniw';
const TITLE = 'News \u001b]0;pwned\u0007 today';
const ID = 'evil\u009b31m.txt';
const SPEAKER = 'Smith\u202e';

beforeAll(() => {
  const graphs = join(tmp, 'graphs.jsonl');
  writeFileSync(graphs, `${JSON.stringify(quoteGraph(ID, TITLE, '2022-03-01', [{ quote: QUOTE, says: 'Smith', entity: { name: SPEAKER, aliases: ['Smith'] } }]))}\n`);
  const r = runCli(['index', graphs, '--db', db]);
  expect(r.status).toBe(0);
}, SPAWN_TIMEOUT);

describe('search output escapes hostile text (17.18)', () => {
  it('the text output shows every control, escape and bidi override as a visible escape', () => {
    const r = runCli(['search', 'win', '--db', db]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe([
      '1. "We will win \\x1b[2J now \\u{202e}niw"',
      '   — Smith\\u{202e}',
      '   News \\x1b]0;pwned\\x07 today · 2022-03-01 · evil\\x9b31m.txt',
      '',
    ].join('\n'));
  }, SPAWN_TIMEOUT);

  it('--json stays exact: the same characters, as JSON escapes them', () => {
    const r = runCli(['search', 'win', '--db', db, '--json']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const hits = JSON.parse(r.stdout) as Array<{ quote: string; speaker: string; title: string; document: string }>;
    expect(hits.map((h) => [h.quote, h.speaker, h.title, h.document])).toEqual([[QUOTE, SPEAKER, TITLE, ID]]);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect(r.stdout).toContain('"document": "evil\\u009b31m.txt"');
  }, SPAWN_TIMEOUT);
});
