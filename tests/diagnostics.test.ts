/**
 * The diagnostics catalogue: every code the source reports is in `DIAGNOSTICS` and in the table
 * of docs/annotation-graph.md (and nothing else is), each diagnostic of a graph carries the
 * catalogue's severity and stage, and the schema takes graphs written before those fields.
 */
import Ajv from 'ajv';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, ERROR_CODES, defineStage, extract } from '../src/index.js';
import { extractHtml } from '../src/html/index.js';

const ROOT = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Codes reported in src/: `diagnostic('code', …)` (the builder's method and the catalogue's function) and the CLI's input notes. */
function reportedCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/diagnostic\(\s*'([^']+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/code: '(input-[a-z-]+)'/g)) codes.add(m[1]!);
  }
  codes.add('E_STAGE_FAILED'); // reported through the STAGE_FAILED constant
  return [...codes].sort();
}

/** The codes of the table under "## Diagnostics" in docs/annotation-graph.md, with their severity and stage columns. */
function documented(): Array<[string, string, string]> {
  const doc = readFileSync(join(ROOT, 'docs', 'annotation-graph.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Diagnostics'), doc.indexOf('\n## ', doc.indexOf('## Diagnostics') + 1));
  return [...section.matchAll(/^\| `([^`]+)` \| (\w+) \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!, m[3]!.trim()]);
}

describe('the DIAGNOSTICS catalogue', () => {
  it('lists exactly the codes the source reports', () => {
    expect(Object.keys(DIAGNOSTICS).sort()).toEqual(reportedCodes());
    expect(Object.keys(DIAGNOSTICS).sort()).toEqual([
      'E_STAGE_FAILED', 'W_HTML_DATE', 'W_HTML_DEEP', 'W_HTML_NO_TEXT', 'W_HTML_UNREADABLE', 'W_HTML_WIDE',
      'input-encoding', 'input-field', 'input-published', 'layout-no-story', 'quote-nesting-cut', 'quote-unclosed', 'quote-unopened', 'sentence-too-long',
    ]);
  });

  it('is documented code for code, with the same severity and stage, in docs/annotation-graph.md', () => {
    const table = documented();
    expect(table.map(([code]) => code)).toEqual(Object.keys(DIAGNOSTICS));
    for (const [code, severity, stage] of table) {
      const info = DIAGNOSTICS[code as keyof typeof DIAGNOSTICS];
      expect([code, severity, code === 'E_STAGE_FAILED' ? 'the stage that threw' : stage]).toEqual([code, info.severity, code === 'E_STAGE_FAILED' ? 'the stage that threw' : info.stage]);
    }
  });

  it('has E_STAGE_FAILED in ERROR_CODES too', () => {
    expect(Object.hasOwn(ERROR_CODES, 'E_STAGE_FAILED')).toBe(true);
  });
});

describe('diagnostics in graphs', () => {
  it('carry the catalogue\'s severity and stage, keys in the documented order', () => {
    const g = extract(`He said: \u201cWe will not move.\n\nThe end.\u201d ok \u201d\n\n${'word '.repeat(300)}end.`);
    expect(g.diagnostics.map((d) => [d.code, d.severity, d.stage, d.start, d.end])).toEqual([
      ['sentence-too-long', 'warning', 'segment', 45, 1549],
      ['quote-unclosed', 'warning', 'quotes', 9, 27],
      ['quote-unopened', 'warning', 'quotes', 37, 38],
      ['quote-unopened', 'warning', 'quotes', 42, 43],
    ]);
    expect(g.diagnostics.map((d) => Object.keys(d))).toEqual(g.diagnostics.map(() => ['code', 'severity', 'stage', 'message', 'start', 'end']));
  });

  it('from extractHtml: stage html', () => {
    const g = extractHtml('<html><head><meta property="article:published_time" content="Feb 30, 2016"></head><body></body></html>');
    expect(g.diagnostics.map((d) => [d.code, d.severity, d.stage])).toEqual([['W_HTML_NO_TEXT', 'warning', 'html'], ['W_HTML_DATE', 'warning', 'html']]);
  });

  it('a stage of your own: a code outside the catalogue gets its stage name; a stage that throws, E_STAGE_FAILED with its name', () => {
    const mine = defineStage({ name: 'my-stage', requires: ['sentences'], provides: [], run(doc) { doc.graph.diagnostic('my-finding', 'found it', 0, 3, { rule: 'r1' }); } });
    const broken = defineStage({ name: 'broken', requires: [], provides: [], run() { throw new Error('boom'); } });
    const g = extract('One. Two.', { pipeline: { add: [{ stage: mine, after: 'segment' }, { stage: broken, after: 'my-stage' }] } });
    expect(g.diagnostics).toEqual([
      { code: 'my-finding', severity: 'warning', stage: 'my-stage', message: 'found it', start: 0, end: 3, rule: 'r1' },
      { code: 'E_STAGE_FAILED', severity: 'error', stage: 'broken', message: 'stage "broken" failed on this text (boom); its annotations may be missing or partial' },
    ]);
  });

  it('the schema takes the new fields, and still takes a graph written before them (format version 1 only grew)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'annotation-graph.v1.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const g = extract('He said: \u201cWe will not move.\n\nThe end.\u201d ok \u201d');
    expect(validate(g)).toBe(true);
    const old = { ...g, diagnostics: g.diagnostics.map(({ code, message, start, end }) => ({ code, message, start, end })) };
    expect(validate(old)).toBe(true);
    expect(validate({ ...g, diagnostics: [{ ...g.diagnostics[0], severity: 'fatal' }] })).toBe(false);
  });
});
