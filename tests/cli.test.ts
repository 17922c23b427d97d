import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnnotationGraph } from '../src/index.js';
import { createRunner } from '../src/cli/extract/runner.js';
import { idHash, parseShard } from '../src/cli/extract/shard.js';
import { decodeText } from '../src/cli/extract/decode.js';
import { expectValidGraph } from './helpers/graph.js';

const ROOT = join(import.meta.dirname, '..');
const BAD = join(ROOT, 'tests', 'fixtures', 'corpus-bad');
/** Tests that start the CLI several times get longer than the default, for busy machines. */
const SPAWN_TIMEOUT = 180_000;
const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI from source, as `quotegraph …` would run from dist. */
function cli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const graphsIn = (jsonl: string): Array<AnnotationGraph & { id: string }> =>
  jsonl.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as AnnotationGraph & { id: string });

// The bad-input corpus, read with --max-bytes 4k so that oversize.txt (8 KB) is over the limit.
const WRITTEN = ['good/harbour-strike.txt', 'good/library-reopens.txt', 'latin1.txt', 'wire-001', 'records.json#1', 'wire-101', 'wire-104', 'utf16.txt'];
// [input as named on standard error, reason]
const SKIPPED: Array<[string, string]> = [
  ['bad.json', 'malformed JSON'],
  ['binary.txt', 'binary file (not text)'],
  ['empty.txt', 'empty file'],
  ['oversize.txt', 'over the size limit (8190 bytes > --max-bytes 4096)'],
  ['records.jsonl:2', 'malformed JSON'],
  ['records.jsonl:3 (id wire-103)', 'no text in field "text"'],
  ['unreadable.txt', 'unreadable: no such file (or a broken link)'],
];

describe('quotegraph extract over a folder of good and bad inputs', () => {
  const out = join(tmp, 'bad.jsonl');
  const run = cli(['extract', BAD, '--max-bytes', '4k', '--jobs', '2', '--out', out]);
  const graphs = graphsIn(readFileSync(out, 'utf8'));

  it('exits 3 and writes every good document in input order', () => {
    expect(run.status).toBe(3);
    expect(graphs.map((g) => g.id)).toEqual(WRITTEN);
  });

  it.each(SKIPPED)('skips %s, naming it with the reason', (name, reason) => {
    const line = run.stderr.split('\n').find((l) => l.startsWith(`quotegraph: skipped ${name}: `));
    expect(line).toContain(reason);
  });

  it('ends with a summary line giving the counts and naming the skipped inputs', () => {
    const summary = run.stderr.trim().split('\n').at(-1)!;
    expect(summary).toMatch(/^quotegraph: 8 written, 7 skipped in [\d.]+ s \(.*2 jobs, CPU [\d.]+ s, peak memory \d+ MB\); skipped: /);
    for (const [name] of SKIPPED) expect(summary).toContain(`${name} (`);
  });

  it('writes only valid graphs', () => {
    for (const g of graphs) expectValidGraph(g);
  });

  // [id, text starts with, diagnostics]
  const DECODED: Array<[string, string, string[]]> = [
    ['latin1.txt', 'Café owners protest new terrace fees\n\n\u201cWe cannot pay twice', ['input-encoding: not valid UTF-8: decoded as Windows-1252 (Latin-1)']],
    ['utf16.txt', 'Ferry service resumes after storm', ['input-encoding: decoded as UTF-16LE (byte-order mark)']],
    ['wire-104', 'Bridge closed for inspection', ['input-published: field "published" ("last Tuesday") is not a date; ignored']],
    ['wire-001', 'Rail fares to rise in July', []],
  ];
  it.each(DECODED)('decodes %s with its diagnostics', (id, start, diagnostics) => {
    const g = graphs.find((x) => x.id === id)!;
    expect(g.text.startsWith(start)).toBe(true);
    expect(g.diagnostics.filter((d) => d.code.startsWith('input-')).map((d) => `${d.code}: ${d.message}`)).toEqual(diagnostics);
  });

  it('takes the publication date from the record', () => {
    expect(graphs.find((g) => g.id === 'wire-001')!.meta.published).toBe('2024-05-02');
  });
});

describe('quotegraph extract: order, shards, resume, standard input', () => {
  const files = [join(ROOT, 'test-corpus', 'articles'), join(BAD, 'good'), join(BAD, 'records.jsonl')];

  it('writes the same output whatever the number of jobs', () => {
    const one = cli(['extract', ...files, '--jobs', '1']);
    const two = cli(['extract', ...files, '--jobs', '2']);
    expect(one.status).toBe(3);
    expect(two.stdout).toBe(one.stdout);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'test-corpus', 'manifest.json'), 'utf8')) as Array<{ file: string }>;
    const ids = graphsIn(one.stdout).map((g) => g.id);
    for (const { file } of manifest) expect(ids).toContain(file.replace(/^articles\//, ''));
  }, SPAWN_TIMEOUT);

  it('splits the inputs into disjoint shards that cover them all', () => {
    const all = graphsIn(cli(['extract', ...files, '--jobs', '1']).stdout).map((g) => g.id);
    const shards = [1, 2, 3].map((k) => graphsIn(cli(['extract', ...files, '--jobs', '1', '--shard', `${k}/3`]).stdout).map((g) => g.id));
    expect(shards.flat().sort()).toEqual([...all].sort());
    for (const s of shards) expect(s.length).toBeLessThan(all.length);
  }, SPAWN_TIMEOUT);

  it('resumes a killed run: keeps whole lines, drops a cut one, appends the rest', () => {
    const full = join(tmp, 'full.jsonl');
    const part = join(tmp, 'part.jsonl');
    cli(['extract', ...files, '--jobs', '1', '--out', full]);
    const lines = readFileSync(full, 'utf8').split('\n');
    writeFileSync(part, `${lines.slice(0, 3).join('\n')}\n${lines[3]!.slice(0, 50)}`);
    const r = cli(['extract', ...files, '--jobs', '2', '--out', part, '--resume']);
    expect(r.stderr).toContain(', 3 already in the output');
    expect(readFileSync(part, 'utf8')).toBe(readFileSync(full, 'utf8'));
  }, SPAWN_TIMEOUT);

  it('reads text from standard input', () => {
    const r = cli(['extract', '-', '--published', '2024-01-05'], 'Talks resumed on Monday. "We are hopeful," the mediator said.');
    expect(r.status).toBe(0);
    const [g] = graphsIn(r.stdout);
    expect([g!.id, g!.text.slice(0, 24), g!.meta.published]).toEqual(['stdin', 'Talks resumed on Monday.', '2024-01-05']);
    expectValidGraph(g!);
  }, SPAWN_TIMEOUT);

  it('reads JSONL records from standard input', () => {
    const r = cli(['extract', '-', '--stdin-format', 'jsonl', '--id-field', 'key', '--text-field', 'body'], `${JSON.stringify({ key: 'a1', body: 'First text.' })}\n${JSON.stringify({ key: 'a2', body: 'Second text.' })}\n`);
    expect(r.status).toBe(0);
    expect(graphsIn(r.stdout).map((g) => [g.id, g.text])).toEqual([['a1', 'First text.'], ['a2', 'Second text.']]);
  }, SPAWN_TIMEOUT);

  it('reads an HTML page through extractHtml', () => {
    const page = join(tmp, 'page.html');
    writeFileSync(page, '<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1><p>The port reopened on Monday, officials said.</p></article></body></html>');
    const r = cli(['extract', page, '--jobs', '1']);
    expect(r.status).toBe(0);
    const [g] = graphsIn(r.stdout);
    expect(g!.text).toContain('The port reopened on Monday, officials said.');
    expect(g!.text).not.toContain('<p>');
    expectValidGraph(g!);
  }, SPAWN_TIMEOUT);
});

describe('quotegraph index, search and report', () => {
  const graphs = join(tmp, 'good.jsonl');
  const db = join(tmp, 'good.db');
  const page = join(tmp, 'good.html');

  it('indexes extracted graphs, finds a quote with its speaker and writes the page', () => {
    expect(cli(['extract', join(BAD, 'good'), join(BAD, 'records.json'), '--jobs', '1', '--out', graphs]).status).toBe(0);
    // A malformed line and a line that is no graph are skipped, named with their line numbers.
    writeFileSync(graphs, `${readFileSync(graphs, 'utf8')}{"format": "quotegraph"\n{"hello": 1}\n`);
    const indexed = cli(['index', graphs, '--db', db]);
    expect(indexed.status).toBe(3);
    expect(indexed.stderr).toContain('indexed 4 documents');
    expect(indexed.stderr).toContain('line 5: malformed JSON');
    expect(indexed.stderr).toContain('line 6: not a quotegraph annotation graph');
    // Indexing the same graphs again replaces them.
    expect(cli(['index', graphs, '--db', db]).stderr).toContain('indexed 4 documents');

    const found = cli(['search', 'cranes moving', '--db', db, '--json']);
    expect(found.status).toBe(0);
    const hits = JSON.parse(found.stdout) as Array<{ quote: string; speaker: string; document: string }>;
    expect(hits.map((h) => [h.quote, h.speaker, h.document])).toEqual([
      ['The cranes are moving again and the backlog should be cleared by the weekend', 'Ingrid Solberg', 'harbour-strike.txt'],
    ]);
    const text = cli(['search', 'cranes', '--db', db]);
    expect(text.stdout).toContain('1. "The cranes are moving again');
    expect(cli(['search', 'zebra', '--db', db]).stdout).toBe('no quotes found:\n  no quote holds the word "zebra"\n');

    const report = cli(['report', '--db', db, '--out', page]);
    expect(report.status).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('Ingrid Solberg');
  }, SPAWN_TIMEOUT);
});

// [what, arguments, message on standard error]
const USAGE: Array<[string, string[], string]> = [
  ['no command', [], 'Usage:'],
  ['unknown command', ['frobnicate'], 'unknown command "frobnicate"'],
  ['no input', ['extract'], 'extract needs at least one input'],
  ['unknown option', ['extract', 'x.txt', '--fast'], 'unknown option --fast'],
  ['jobs not a number', ['extract', 'x.txt', '--jobs', 'two'], '--jobs takes a whole number'],
  ['shard out of range', ['extract', 'x.txt', '--shard', '4/3'], '--shard takes K/N'],
  ['resume without out', ['extract', 'x.txt', '--resume'], '--resume needs --out'],
  ['bad published date', ['extract', 'x.txt', '--published', 'yesterday'], '--published takes a date'],
  ['bad size', ['extract', 'x.txt', '--max-bytes', 'lots'], '--max-bytes takes a size'],
  ['index without db', ['index', 'g.jsonl'], 'index needs --db'],
  ['search without db', ['search', 'x'], 'search needs --db'],
  ['search with a bad date', ['search', 'x', '--db', 'x.db', '--from', 'May'], '--from takes a date'],
  ['report without out', ['report', '--db', 'x.db'], 'report needs --out'],
];

describe('usage errors exit 2', () => {
  it.each(USAGE)('%s', (_what, args, message) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  }, SPAWN_TIMEOUT);
});

describe('a crash in one document is that document’s error', () => {
  it.each([1, 2])('with %i job(s)', async (jobs) => {
    const runner = await createRunner(jobs);
    try {
      const results = await Promise.all([
        runner.run({ id: 'ok', text: 'It rained.', html: false, notes: [] }),
        // extract() throws on an impossible publication date: the task fails, not the run.
        runner.run({ id: 'bad', text: 'It rained.', html: false, notes: [], published: '2024-13-45' }),
        runner.run({ id: 'ok2', text: 'It snowed.', html: false, notes: [] }),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      expect(results[1]).toMatchObject({ ok: false, error: expect.stringContaining('extraction failed') });
    } finally {
      await runner.close();
    }
  });
});

// [what, bytes, decoded text or skip reason]
const DECODE: Array<[string, number[], string]> = [
  ['UTF-8', [...Buffer.from('Zürich talks')], 'utf-8:Zürich talks'],
  ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, ...Buffer.from('Hi there')], 'utf-8:Hi there'],
  ['Windows-1252 curly quotes', [0x93, 0x48, 0x69, 0x94], 'windows-1252:\u201cHi\u201d'],
  ['Latin-1 accent', [0x63, 0x61, 0x66, 0xe9], 'windows-1252:café'],
  ['UTF-16LE with BOM', [0xff, 0xfe, 0x48, 0, 0x69, 0], 'utf-16le:Hi'],
  ['UTF-16BE with BOM', [0xfe, 0xff, 0, 0x48, 0, 0x69], 'utf-16be:Hi'],
  ['NUL bytes', [0x48, 0, 0x69], 'binary'],
  ['nothing', [], 'empty'],
  ['white space only', [0x20, 0x0a, 0x09], 'empty'],
];

describe('decoding input bytes', () => {
  it.each(DECODE)('%s', (_what, bytes, expected) => {
    const d = decodeText(Uint8Array.from(bytes));
    expect(d.ok ? `${d.encoding}:${d.text}` : d.reason).toBe(expected);
  });
});

describe('shards', () => {
  it.each([['1/1', { k: 1, n: 1 }], ['3/8', { k: 3, n: 8 }], ['0/2', undefined], ['3/2', undefined], ['a/b', undefined]] as const)('parses %s', (s, expected) => {
    expect(parseShard(s)).toEqual(expected);
  });

  it('hashes ids the same way everywhere (FNV-1a over UTF-8)', () => {
    expect([idHash(''), idHash('a'), idHash('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
  });
});
