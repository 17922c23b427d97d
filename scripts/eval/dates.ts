/**
 * Date mentions on PolNeAR dev against Stanford CoreNLP's DATE entities (silver, not
 * gold: CoreNLP's spans include "the week", "now"), and their values against CoreNLP's
 * normalisation where it fixes a year. Each article is read with its publication date
 * from metadata.tsv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/index.js';
import { SHARED_DATA } from './paths.js';
import type { EvalSuite } from './suite.js';

interface CoreNlpEntity { type: string; start: number; end: number; text: string; norm?: string }

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export const datesSuite: EvalSuite = {
  name: 'dates',
  needsSharedData: true,
  // a little under the figures measured on 2026-11-27 (0.715, 0.684, 1.000)
  thresholds: { 'polnear.exactF1': 0.70, 'polnear.overlapRecall': 0.67, 'polnear.valueAgreement': 0.97 },
  run() {
    const root = join(SHARED_DATA, 'polnear');
    const published = new Map<string, string>();
    for (const row of readFileSync(join(root, 'metadata.tsv'), 'utf8').trim().split('\n').slice(1)) {
      const cols = row.split('\t');
      if (cols[1] && cols[5]) published.set(cols[1], cols[5]);
    }
    let tp = 0;
    let overlap = 0;
    let sys = 0;
    let gold = 0;
    let valued = 0;
    let valueRight = 0;
    for (const line of readFileSync(join(root, 'dev', 'corenlp-ner.jsonl'), 'utf8').trim().split('\n')) {
      const rec = JSON.parse(line) as { id: string; entities: CoreNlpEntity[] };
      const text = readFileSync(join(root, 'dev', 'text', `${rec.id}.txt`), 'utf8');
      const date = published.get(rec.id);
      const graph = extract(text, date ? { published: date } : undefined);
      const found = graph.nodes.filter((n) => n.type === 'date');
      const expected = rec.entities.filter((e) => e.type === 'DATE');
      sys += found.length;
      gold += expected.length;
      for (const e of expected) {
        const exact = found.find((f) => f.start === e.start && f.end === e.end);
        if (exact) tp++;
        const over = exact ?? found.find((f) => f.start < e.end && f.end > e.start);
        if (over) overlap++;
        // CoreNLP's own value where it fixed the year: 2016-09-26, 2016-09, 2016
        if (over && 'value' in over && over.value !== undefined && e.norm && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(e.norm)) {
          valued++;
          if (over.value === e.norm) valueRight++;
        }
      }
    }
    const p = ratio(tp, sys);
    const r = ratio(tp, gold);
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    const overlapRecall = ratio(overlap, gold);
    const values = ratio(valueRight, valued);
    console.log(`  PolNeAR dev vs CoreNLP DATE: exact-span precision ${p.toFixed(3)}, recall ${r.toFixed(3)}, F1 ${f1.toFixed(3)}; overlap recall ${overlapRecall.toFixed(3)}`);
    console.log(`  values equal to CoreNLP's where it fixed a year: ${valueRight}/${valued} (${values.toFixed(3)})`);
    return { 'polnear.exactF1': f1, 'polnear.overlapRecall': overlapRecall, 'polnear.valueAgreement': values };
  },
};
