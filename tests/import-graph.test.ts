import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// No import circle anywhere in src/, type imports included: each folder is a layer that
// only looks down. The test reads every import / export-from of every source file.
const SRC = resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function importsOf(file: string, known: Set<string>, text = readFileSync(file, 'utf8')): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec === undefined) continue;
    const base = resolve(dirname(file), spec).replace(/\.js$/, '');
    const target = [`${base}.ts`, `${base}.mts`, join(base, 'index.ts')].find((c) => known.has(c));
    if (target) out.push(target);
  }
  return out;
}

/** Every cycle's members, as paths relative to src/ (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(comp.map((c) => relative(SRC, c)).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('import graph of src/', () => {
  const files = sourceFiles(SRC);
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f, known)]));

  it('reads the imports it should (the check is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get(join(SRC, 'extract.ts'))!.length).toBeGreaterThan(0);
  });

  it('has no import circle, type imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('reads type-only imports, multi-line ones, type re-exports and import() types', () => {
    // shape.ts reads shapes/cue-site.ts for a type only
    expect(graph.get(join(SRC, 'stages/quotes/shape.ts'))).toContain(join(SRC, 'stages/quotes/shapes/cue-site.ts'));
    const from = join(SRC, 'stages/quotes/x.ts');
    const text = [
      "import type {\n  Attribution,\n  FindContext,\n} from './types.js';",
      "export type { Shape } from './shape.js';",
      "let m: typeof import('./marks.js');",
      "import './lexicon.js';",
    ].join('\n');
    expect(importsOf(from, known, text).map((t) => relative(SRC, t))).toEqual(['stages/quotes/types.ts', 'stages/quotes/shape.ts', 'stages/quotes/marks.ts', 'stages/quotes/lexicon.ts']);
  });

  it('finds every circle where there is one (a pair, a longer ring, a file importing itself)', () => {
    const f = (n: string): string => join(SRC, `${n}.ts`);
    const g = new Map([[f('a'), [f('b')]], [f('b'), [f('a')]], [f('c'), [f('d')]], [f('d'), [f('e')]], [f('e'), [f('c')]], [f('s'), [f('s')]], [f('t'), [f('a')]]]);
    expect(cycles(g).sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual([['a.ts', 'b.ts'], ['c.ts', 'd.ts', 'e.ts'], ['s.ts']]);
  });

  /** Every import, as [importer, imported] paths relative to src/, whose importer matches `from`. */
  const edgesFrom = (from: RegExp): Array<[string, string]> =>
    [...graph].flatMap(([f, targets]) => (from.test(relative(SRC, f)) ? targets.map((t): [string, string] => [relative(SRC, f), relative(SRC, t)]) : []));

  it('keeps the runner below the stages: pipeline/ imports no stage, no model and not the default order', () => {
    const below = /^(?:errors\.ts|graph\/|text\/|pipeline\/)/;
    expect(edgesFrom(/^pipeline\//).length).toBeGreaterThan(5);
    expect(edgesFrom(/^pipeline\//).filter(([, to]) => !below.test(to))).toEqual([]);
  });

  it('keeps the mention and entity model out of the stages: model/ imports no stage', () => {
    expect(edgesFrom(/^model\//).map(([, to]) => to)).toContain('pipeline/doc.ts');
    expect(edgesFrom(/^model\//).filter(([, to]) => /^(?:stages\/|default-pipeline|call|extract|index)/.test(to))).toEqual([]);
  });

  it('lets stages reach into pipeline/ only for the stage interface and the document types', () => {
    const fromStages = edgesFrom(/^stages\//).filter(([, to]) => to.startsWith('pipeline/'));
    expect(fromStages.length).toBeGreaterThan(10);
    expect(fromStages.filter(([, to]) => to !== 'pipeline/stage.ts' && to !== 'pipeline/doc.ts')).toEqual([]);
    expect(edgesFrom(/^stages\//).filter(([, to]) => /^(?:default-pipeline|call|extract|index)\.ts$/.test(to))).toEqual([]);
  });
});
