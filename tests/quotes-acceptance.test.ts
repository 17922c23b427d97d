import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { SHAPES } from '../src/stages/quotes/shapes/index.js';

// Issue 12's acceptance, as tests: no file of the quotes stage over 500 lines, at least ten
// shape files (one shape a file, each in the registry), and each shape's counter-examples
// giving no quote through extract either (its examples run through extract in quotes-shapes).

const QUOTES = resolve(import.meta.dirname, '..', 'src', 'stages', 'quotes');
const MAX_LINES = 500;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|json)$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('the quotes stage as files', () => {
  const all = files(QUOTES).filter((f) => f.endsWith('.ts'));

  it(`has no source file over ${MAX_LINES} lines`, () => {
    expect(all.length).toBeGreaterThan(20);
    const long = all.map((f) => [relative(QUOTES, f), readFileSync(f, 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('has at least ten shape files, one shape each, every one in the registry and the registry in them', () => {
    const dir = join(QUOTES, 'shapes');
    // index.ts is the registry; cue-site.ts is what the cue shapes read around a cue, no shape of its own
    const shapeFiles = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'cue-site.ts').map((f) => basename(f, '.ts')).sort();
    expect(shapeFiles.length).toBeGreaterThanOrEqual(10);
    expect(shapeFiles).toEqual(SHAPES.map((s) => s.id).sort());
    for (const id of shapeFiles) {
      const text = readFileSync(join(dir, `${id}.ts`), 'utf8');
      expect(text.match(/\bid: '([^']+)'/g), id).toEqual([`id: '${id}'`]);
    }
  });
});

const COUNTER = SHAPES.flatMap((shape) => shape.counterExamples.map((text) => [shape.id, text] as const));

describe('no counter-example gives a quote through extract', () => {
  it.each(COUNTER)('%s: %j', (_id, text) => {
    expect(extract(text).nodes.filter((n) => n.type === 'quote')).toEqual([]);
  });
});
