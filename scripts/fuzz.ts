/**
 * `npm run fuzz` (issue 17): seeded hostile inputs through extract / extractHtml and query,
 * each graph checked by checkGraph (tests/helpers/fuzz.ts). Prints the cases and failures per
 * family; exits 1 on any failure. Options: --cases N (default 100,000, split over the four
 * families), --seed S (default 17).
 */
import { FAMILIES, generate, runCase } from '../tests/helpers/fuzz.js';
import { numberOption } from './args.js';

const cases = numberOption('--cases', 100_000);
const seed = numberOption('--seed', 17);
const per = Math.ceil(cases / FAMILIES.length);
let total = 0;
let failures = 0;
const t0 = performance.now();
for (const family of FAMILIES) {
  let failed = 0;
  let chars = 0;
  for (let i = 0; i < per; i++) {
    const input = generate(family, seed, i);
    chars += input.length;
    const problem = runCase(family, input);
    if (problem !== undefined) {
      failed++;
      if (failed <= 5) console.log(`FAIL ${family} #${i} (seed ${seed}): ${problem}\n  input ${JSON.stringify(input.slice(0, 300))}`);
    }
  }
  total += per;
  failures += failed;
  console.log(`${family.padEnd(10)} ${per} cases, ${(chars / 1e6).toFixed(1)} M chars, ${failed} failures`);
}
console.log(`fuzz: ${total} cases, ${failures} failures, seed ${seed}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.exitCode = failures === 0 ? 0 : 1;
