/**
 * `npm run bench:memory` (issue 17.4): memory stays flat over a corpus of fresh vocabulary.
 * wink-nlp's lexicon grows with every distinct word it meets (about 170 bytes a word) and
 * never shrinks, so a long run used to exhaust a worker's heap; the CLI now recycles a
 * worker whose heap passed a bound (src/cli/extract/runner.ts). This writes N seeded
 * records (default 30,000) of about 250 words each, almost all never seen before, as one
 * JSONL file, runs the built `quotegraph extract FILE --jobs 2 --out OUT`, watches the output
 * grow, and checks: every record written, peak memory (the summary's max RSS, workers
 * included) under 600 MB, and throughput over the last 1,000 records at least 0.8 of that
 * over the first 1,000 (counted from the first line written, so model loading is left out).
 * Options: --records N, --no-build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../tests/helpers/rng.js';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const recordsAt = args.indexOf('--records');
const N = recordsAt >= 0 ? Number(args[recordsAt + 1]) : 30_000;
const WINDOW = Math.min(1000, Math.floor(N / 4));
const PEAK_BOUND_MB = 600;
const RATIO_BOUND = 0.8;
if (!Number.isInteger(N) || N < 8) throw new Error(`--records takes a whole number ≥ 8, not ${String(args[recordsAt + 1])}`);

if (!args.includes('--no-build')) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const random = rng(17_4);
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'va', 'quel', 'sim', 'dra', 'po', 'nix', 'tel', 'bru', 'fa', 'gor', 'hes', 'jin', 'zu', 'wex', 'yar'];
/** A word almost surely never seen: four to six random syllables. */
const fresh = (): string => {
  let w = '';
  for (let k = 4 + Math.floor(random() * 3); k > 0; k--) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w;
};
const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const words = (n: number): string => Array.from({ length: n }, fresh).join(' ');

/** A news-like record: attributed quotes around fresh words, about 250 words. */
function record(i: number): string {
  const name = `${cap(fresh())} ${cap(fresh())}`;
  const sentences: string[] = [`${cap(fresh())} ${words(12)} in ${cap(fresh())} on Monday.`];
  for (let s = 0; s < 10; s++) {
    sentences.push(s % 2 === 0
      ? `"The ${words(8)} will ${words(6)}," ${s === 0 ? name : name.split(' ')[1]} said.`
      : `${cap(fresh())} officials said the ${words(10)} was ${words(4)}.`);
  }
  return JSON.stringify({ id: `r${i}`, text: sentences.join(' ') });
}

const TMP = join(ROOT, 'bench', 'tmp');
mkdirSync(TMP, { recursive: true });
const input = join(TMP, 'fresh-vocabulary.jsonl');
const out = join(TMP, 'fresh-vocabulary.graphs.jsonl');
const lines: string[] = [];
for (let i = 0; i < N; i++) lines.push(record(i));
writeFileSync(input, `${lines.join('\n')}\n`);
rmSync(out, { force: true });
console.log(`${N} records, ${(statSync(input).size / 1_048_576).toFixed(1)} MB, in ${input}`);

// Times at which the output reached each line count, read as it grows.
const at: number[] = [];
let count = 0;
let offset = 0;
const buf = Buffer.alloc(1 << 20);
function poll(): void {
  let fd: number;
  try {
    fd = openSync(out, 'r');
  } catch {
    return;
  }
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, offset)) > 0; offset += n) {
      for (let k = 0; k < n; k++) if (buf[k] === 10) at[++count] = performance.now();
    }
  } finally {
    closeSync(fd);
  }
}
const t0 = performance.now();
const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'extract', input, '--jobs', '2', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
const timer = setInterval(poll, 50);
const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
clearInterval(timer);
poll();
const seconds = (performance.now() - t0) / 1000;
const summary = stderr.trim().split('\n').at(-1) ?? '';
const m = /(\d+) written, (\d+) skipped.*peak memory (\d+) MB/.exec(summary);
console.log(summary);
if (!m) {
  console.log(`no summary (exit ${status}): ${stderr.slice(-2000)}`);
  process.exit(1);
}
const written = Number(m[1]);
const peakMb = Number(m[3]);
const rate = (from: number, to: number): number => (to - from) / ((at[to]! - at[from]!) / 1000);
const first = count > WINDOW ? rate(1, 1 + WINDOW) : NaN;
const last = count > WINDOW ? rate(count - WINDOW, count) : NaN;
const ratio = last / first;
// Every window's rate, so a recycling pause or a busy machine shows where it fell.
const windows: string[] = [];
for (let from = 1; from + WINDOW <= count; from += WINDOW) windows.push(rate(from, from + WINDOW).toFixed(0));
console.log(`docs/s by ${WINDOW} records: ${windows.join(' ')}`);
const checks: Array<[string, boolean]> = [
  [`all written: ${written} of ${N} (${count} lines in the output, exit ${status})`, written === N && count === N],
  [`peak memory ${peakMb} MB < ${PEAK_BOUND_MB} MB`, peakMb < PEAK_BOUND_MB],
  [`throughput last ${WINDOW} ${last.toFixed(1)} docs/s, first ${WINDOW} ${first.toFixed(1)} docs/s: ratio ${ratio.toFixed(2)} ≥ ${RATIO_BOUND}`, ratio >= RATIO_BOUND],
];
for (const [what, ok] of checks) console.log(`${ok ? 'held' : 'NOT held'}: ${what}`);
console.log(`${seconds.toFixed(1)} s in all`);
rmSync(input, { force: true });
rmSync(out, { force: true });
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
