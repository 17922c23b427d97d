/**
 * `npm run bench:html`: extractHtml's cost in seconds per MB over each hostile page
 * shape of tests/helpers/hostile-html.ts (many children of one element, entities,
 * deep nesting), at two sizes so that growth shows. The bound is 5 s/MB on every shape.
 * Options: --kb N (the larger size, default 1024; the smaller is a quarter of it).
 */
import { extractHtml } from '../src/index.js';
import { HOSTILE_SHAPES } from '../tests/helpers/hostile-html.js';
import { numberOption } from './args.js';

const kb = numberOption('--kb', 1024);
const BOUND = 5;
// the first calls load the lexicons and models and compile the code each shape runs: not a cost of the page
// (each shape once at a sixteenth of the smaller size)
for (const make of Object.values(HOSTILE_SHAPES)) extractHtml(make((kb / 64) * 1024));
let worst = 0;
for (const [name, make] of Object.entries(HOSTILE_SHAPES)) {
  const cells: string[] = [];
  for (const size of [kb / 4, kb]) {
    const html = make(size * 1024);
    const mb = Buffer.byteLength(html) / 1_048_576;
    const t0 = performance.now();
    const g = extractHtml(html);
    const s = (performance.now() - t0) / 1000;
    worst = Math.max(worst, s / mb);
    cells.push(`${mb.toFixed(2)} MB ${s.toFixed(2)} s = ${(s / mb).toFixed(2)} s/MB (${g.text.length} chars, ${g.diagnostics.map((d) => d.code).join(' ') || 'no diagnostics'})`);
  }
  console.log(`${name.padEnd(14)} ${cells.join(' | ')}`);
}
console.log(`worst ${worst.toFixed(2)} s/MB; bound ${BOUND} s/MB: ${worst <= BOUND ? 'held' : 'NOT held'}`);
process.exitCode = worst <= BOUND ? 0 : 1;
