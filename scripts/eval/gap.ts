/**
 * GAP (Webster et al. 2018), scored as its own scorer does in the snippet-context setting:
 * each example's paragraph goes through `extract` (with its `coref` stage); the pronoun at
 * `Pronoun-offset` is looked up among the graph's pronoun mentions and its `mentionOf` entity,
 * and the name at `A-offset` /
 * `B-offset` among the graph's mentions (the system finds its own mentions; a name it did not
 * find cannot be chosen). For A and for B: does the pronoun refer to it? Precision, recall
 * and F1 over the TRUE pairs, masculine and feminine apart, overall, and the bias F/M.
 * Development is where the sieve's weights are tuned; validation is reported; test is held out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/index.js';
import { SHARED_DATA } from './paths.js';
import type { EvalSuite } from './suite.js';

export interface Counts { tp: number; fp: number; fn: number }

const FEMININE = new Set(['she', 'her', 'hers']);

export function f1(c: Counts): number {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

type Graph = ReturnType<typeof extract>;

/** The entity id of the person mention covering `[start, start + length)`, if the graph has one. */
function entityAt(graph: Graph, entityOf: ReadonlyMap<string, string>, start: number, length: number): string | undefined {
  const end = start + length;
  for (const n of graph.nodes) {
    if (n.type !== 'person' || n.start >= end || n.end <= start) continue;
    const id = entityOf.get(n.id);
    if (id) return id;
  }
  return undefined;
}

/** The entity id the pronoun mention at `start` refers to, if the graph resolved it. */
function pronounEntity(graph: Graph, entityOf: ReadonlyMap<string, string>, start: number): string | undefined {
  for (const n of graph.nodes) {
    if (n.type === 'person' && n.form === 'pronoun' && n.start === start) return entityOf.get(n.id);
  }
  return undefined;
}

/** One GAP example: the paragraph, the pronoun, and the two names with whether each is its referent. */
export interface GapRow {
  readonly id: string;
  readonly text: string;
  readonly pronoun: string;
  readonly pronounOffset: number;
  readonly names: ReadonlyArray<{ readonly name: string; readonly offset: number; readonly gold: boolean }>;
}

/** The examples of a GAP .tsv file. */
export function readGapRows(file: string): GapRow[] {
  return readFileSync(file, 'utf8').trim().split('\n').slice(1).map((row) => {
    const c = row.split('\t');
    return {
      id: c[0]!, text: c[1]!, pronoun: c[2]!, pronounOffset: Number(c[3]),
      names: [{ name: c[4]!, offset: Number(c[5]), gold: c[6] === 'TRUE' }, { name: c[7]!, offset: Number(c[8]), gold: c[9] === 'TRUE' }],
    };
  });
}

/** Whether a GAP pronoun is feminine (the dataset's two halves). */
export const isFeminine = (pronoun: string): boolean => FEMININE.has(pronoun.toLowerCase());

export interface GapScore { masculine: number; feminine: number; overall: number; bias: number; examples: number }

export function scoreGap(file: string): GapScore {
  const rows = readGapRows(file);
  const m: Counts = { tp: 0, fp: 0, fn: 0 };
  const f: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const row of rows) {
    const graph = extract(row.text);
    const entityOf = new Map<string, string>();
    for (const e of graph.edges) if (e.type === 'mentionOf') entityOf.set(e.from, e.to);
    const target = pronounEntity(graph, entityOf, row.pronounOffset);
    const counts = isFeminine(row.pronoun) ? f : m;
    for (const { gold, offset, name } of row.names) {
      const predicted = target !== undefined && entityAt(graph, entityOf, offset, name.length) === target;
      if (predicted && gold) counts.tp++;
      else if (predicted) counts.fp++;
      else if (gold) counts.fn++;
    }
  }
  const all = { tp: m.tp + f.tp, fp: m.fp + f.fp, fn: m.fn + f.fn };
  const masculine = f1(m);
  const feminine = f1(f);
  return { masculine, feminine, overall: f1(all), bias: masculine === 0 ? 0 : feminine / masculine, examples: rows.length };
}

function print(label: string, s: GapScore): void {
  console.log(`${label} (${s.examples} examples): F1 masculine ${s.masculine.toFixed(3)}, feminine ${s.feminine.toFixed(3)}, overall ${s.overall.toFixed(3)}, bias F/M ${s.bias.toFixed(3)}`);
}

export const gapSuite: EvalSuite = {
  name: 'gap',
  needsSharedData: true,
  thresholds: {
    'validation.overallF1': 0.685,
    'validation.masculineF1': 0.675,
    'validation.feminineF1': 0.69,
    // 1 − |1 − bias F/M|: 0.95 holds the bias between 0.95 and 1.05 (issue 13)
    'validation.biasBalance': 0.95,
    'development.overallF1': 0.75,
  },
  run() {
    const root = join(SHARED_DATA, 'gap');
    const dev = scoreGap(join(root, 'gap-development.tsv'));
    print('GAP development (tuning)', dev);
    const valid = scoreGap(join(root, 'gap-validation.tsv'));
    print('GAP validation', valid);
    return {
      'validation.overallF1': valid.overall,
      'validation.masculineF1': valid.masculine,
      'validation.feminineF1': valid.feminine,
      'validation.bias': valid.bias,
      'validation.biasBalance': 1 - Math.abs(1 - valid.bias),
      'development.overallF1': dev.overall,
    };
  },
};
