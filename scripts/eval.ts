/**
 * `npm run eval` prints the project's quality figures; `npm run eval -- --check` also
 * fails (exit 1) when a figure falls under its threshold. `--only NAME[,NAME]` runs those
 * suites; the timing suite (`speed`) runs only when named, since `npm run bench` is where
 * speed is measured.
 */
import { existsSync } from 'node:fs';
import { SHARED_DATA } from './eval/paths.js';
import { SUITES } from './eval/suites.js';

const args = process.argv.slice(2);
const check = args.includes('--check');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1]?.split(',') : undefined;
const haveShared = existsSync(SHARED_DATA);

let failures = 0;
const all: Record<string, number> = {};
for (const suite of SUITES) {
  if (only ? !only.includes(suite.name) : suite.optIn) continue;
  if (suite.needsSharedData && !haveShared) {
    console.log(`\n## ${suite.name}: skipped (no ${SHARED_DATA})`);
    continue;
  }
  console.log(`\n## ${suite.name}`);
  const t0 = performance.now();
  const figures = await suite.run();
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  for (const [k, v] of Object.entries(figures)) all[`${suite.name}.${k}`] = v;
  if (!check) continue;
  for (const [figure, min] of Object.entries(suite.thresholds)) {
    const v = figures[figure];
    if (v === undefined || Number.isNaN(v) || v < min) {
      console.log(`CHECK FAILED ${suite.name}.${figure} = ${v?.toFixed(4) ?? 'missing'} < ${min}`);
      failures++;
    } else {
      console.log(`check ok ${suite.name}.${figure} = ${v.toFixed(4)} >= ${min}`);
    }
  }
}
if (check) console.log(failures === 0 ? '\neval --check: all thresholds held' : `\neval --check: ${failures} threshold(s) failed`);
process.exitCode = failures > 0 ? 1 : 0;
