/**
 * `npx tsx scripts/bench-parallel.ts [--repeat N] [--no-build]`: extractParallel (quotegraph/node)
 * with 2 workers against `quotegraph extract --jobs 2` over PolNeAR train (840 articles), both
 * from the built package (dist/), in alternating rounds so that both meet the same load; the
 * best wall time of each; and extractParallel under `node --no-turbo-inlining`, the V8 flag the
 * CLI sets for its own process (src/cli/v8-flags.ts). Both write every graph as a JSONL line (the library's to /dev/null
 * after JSON.stringify, the CLI's to a file), so they do the same work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberOption } from './args.js';
import { ROOT, SHARED_DATA } from './eval/paths.js';

const args = process.argv.slice(2);
const repeat = Math.max(1, numberOption('--repeat', 2));
const TRAIN = join(SHARED_DATA, 'polnear', 'train', 'text');
if (!existsSync(TRAIN)) {
  console.log(`bench-parallel skipped: no PolNeAR at ${TRAIN}`);
  process.exit(0);
}
if (!args.includes('--no-build')) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const dir = mkdtempSync(join(tmpdir(), 'quotegraph-bench-parallel-'));
const files = readdirSync(TRAIN).filter((f) => f.endsWith('.txt')).sort().map((f) => join(TRAIN, f));
const script = join(dir, 'parallel.mjs');
writeFileSync(script, [
  `import { readFileSync, writeSync, openSync } from 'node:fs';`,
  `import { extractParallel } from ${JSON.stringify(join(ROOT, 'dist', 'node.js'))};`,
  `const files = ${JSON.stringify(files)};`,
  `const out = openSync('/dev/null', 'w');`,
  `async function* texts() { for (const f of files) yield readFileSync(f, 'utf8'); }`,
  `let n = 0;`,
  `for await (const g of extractParallel(texts(), { workers: 2 })) { writeSync(out, JSON.stringify(g) + '\\n'); n++; }`,
  `if (n !== files.length) { console.error('graphs: ' + n); process.exit(1); }`,
].join('\n'));

function timed(cmd: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, cmd, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

const lib: number[] = [];
const tuned: number[] = [];
const cli: number[] = [];
for (let i = 0; i < repeat; i++) {
  cli.push(timed([join(ROOT, 'dist', 'cli.js'), 'extract', TRAIN, '--jobs', '2', '--out', join(dir, 'graphs.jsonl')]));
  lib.push(timed([script]));
  // the CLI sets this V8 flag for its process (src/cli/v8-flags.ts); a library does not set the flags of its user's process
  tuned.push(timed(['--no-turbo-inlining', script]));
}
rmSync(dir, { recursive: true, force: true });
const best = (xs: number[]): number => Math.min(...xs);
console.log(`PolNeAR train, ${files.length} articles, best of ${repeat} alternating rounds:`);
console.log(`  quotegraph extract --jobs 2   ${best(cli).toFixed(1)} s (${cli.map((x) => x.toFixed(1)).join(', ')})`);
console.log(`  extractParallel, 2 workers    ${best(lib).toFixed(1)} s (${lib.map((x) => x.toFixed(1)).join(', ')})`);
console.log(`  extractParallel, node --no-turbo-inlining  ${best(tuned).toFixed(1)} s (${tuned.map((x) => x.toFixed(1)).join(', ')})`);
console.log(`  extractParallel / CLI: ${(best(lib) / best(cli)).toFixed(3)}; with --no-turbo-inlining: ${(best(tuned) / best(cli)).toFixed(3)}`);
