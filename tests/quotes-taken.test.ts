import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDefaultPipeline } from '../src/index.js';
import { resolveOptions } from '../src/pipeline/options.js';
import { pairMarks } from '../src/stages/quotes/marks.js';
import { select } from '../src/stages/quotes/select.js';
import type { Shape, Yield } from '../src/stages/quotes/shape.js';
import { compileTrigger } from '../src/stages/quotes/trigger.js';
import type { Attribution } from '../src/stages/quotes/types.js';

// Issue 12 step 2: no `Stretch.used`. Shapes do not mark quotations; the stage's writing step
// records what the quotes it wrote took (FindContext.taken), and select drops the candidates of
// shapes that yield to 'taken' where their words lie in such a quotation.

const QUOTES = resolve(import.meta.dirname, '..', 'src', 'stages', 'quotes');

function shape(id: string, yields: Yield[]): Shape {
  return { id, level: 'sentence', trigger: compileTrigger('.'), reads: '.', examples: [], counterExamples: [], yields, find: () => [] };
}

function att(first: number, last: number, rule: string): Attribution {
  return { pieces: [{ first, last, form: 'direct' }], cue: { first: first - 1, last: first, lemma: ':', kind: 'clause' }, speaker: [0, 1], nested: false, sentence: 0, rule };
}

describe("select and 'taken'", () => {
  const taken = (a: Attribution): boolean => a.pieces.some((p) => p.first <= 5 && p.last > 5);
  it('drops a candidate of a shape that yields to taken where its words lie in a taken quotation', () => {
    const kept = select([{ att: att(4, 8, 'colon'), shape: shape('colon', ['taken']) }, { att: att(10, 12, 'dash'), shape: shape('dash', ['taken']) }], taken);
    expect(kept.map((a) => a.rule)).toEqual(['dash']);
  });
  it('keeps the candidate of a shape that does not yield to taken', () => {
    const kept = select([{ att: att(4, 8, 'a'), shape: shape('a', ['content']) }, { att: att(4, 8, 'b'), shape: shape('b', ['taken', 'content']) }], taken);
    expect(kept.map((a) => a.rule)).toEqual(['a']);
  });
  it('a dropped candidate blocks nothing after it', () => {
    const kept = select([{ att: att(4, 8, 'colon'), shape: shape('colon', ['taken']) }, { att: att(6, 9, 'later'), shape: shape('later', ['content']) }], taken);
    expect(kept.map((a) => a.rule)).toEqual(['later']);
  });
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('no shared mutable flag', () => {
  it('a quotation as pairMarks gives it carries no used flag', () => {
    const doc = getDefaultPipeline().edit({ drop: ['quotes', 'credits', 'assemble'] }).runDoc('He said: "We will win." She said "no."', resolveOptions(undefined));
    const marks = pairMarks(doc);
    expect(marks.stretches.length).toBe(2);
    for (const st of marks.stretches) expect(Object.keys(st).sort()).toEqual(['close', 'continued', 'continues', 'first', 'last', 'open', 'single']);
  });
  it('only the writing step (index.ts, unattributed.ts) adds to what is taken; no file reads or writes a used flag', () => {
    const adders: string[] = [];
    const used: string[] = [];
    for (const f of files(QUOTES)) {
      const text = readFileSync(f, 'utf8');
      if (/\btaken\.add\(/.test(text)) adders.push(relative(QUOTES, f));
      if (/\.used\b/.test(text)) used.push(relative(QUOTES, f));
    }
    expect(adders.sort()).toEqual(['index.ts', 'unattributed.ts']);
    expect(used).toEqual([]);
  });
});
