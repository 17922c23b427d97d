import { extract } from '../../src/index.js';
import { loadManifest, readArticle, readExpected } from './corpus.js';
import type { EvalSuite } from './suite.js';

interface ExpectedSentence { start: number; end: number; text: string }

/** Sentence-boundary F1: sentence end offsets found against those expected by hand. */
function boundaryScores(expected: readonly ExpectedSentence[], found: readonly { start: number; end: number }[]): { tp: number; fp: number; fn: number } {
  const gold = new Set(expected.map((s) => s.end));
  const sys = new Set(found.map((s) => s.end));
  let tp = 0;
  for (const e of sys) if (gold.has(e)) tp++;
  return { tp, fp: sys.size - tp, fn: gold.size - tp };
}

const f1 = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

export const segmentationSuite: EvalSuite = {
  name: 'segmentation',
  needsSharedData: false,
  thresholds: { 'seed.f1': 0.95, 'corpus.f1': 0.95 },
  run() {
    const total = { tp: 0, fp: 0, fn: 0 };
    let seed = 0;
    for (const entry of loadManifest()) {
      const expected = readExpected<ExpectedSentence[]>(entry.id, 'sentences');
      if (!expected) continue;
      const graph = extract(readArticle(entry), entry.published ? { published: entry.published } : undefined);
      const found = graph.nodes.filter((n) => n.type === 'sentence');
      const s = boundaryScores(expected, found);
      total.tp += s.tp;
      total.fp += s.fp;
      total.fn += s.fn;
      if (entry.id === 'daily8-russia-ukraine-page') seed = f1(s);
      console.log(`  ${entry.id.padEnd(40)} boundary F1 ${f1(s).toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
    }
    console.log(`  seed page boundary F1 ${seed.toFixed(3)}; whole corpus ${f1(total).toFixed(3)}`);
    return { 'seed.f1': seed, 'corpus.f1': f1(total) };
  },
};
