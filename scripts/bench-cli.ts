/**
 * `npm run bench:cli`: the figures of the corpus command and the quote index (issue 6),
 * measured on the built CLI (`dist/cli.js`) over PolNeAR in ../shared/data:
 * - extract documents/s with --jobs 1 and --jobs 2 over train (840 articles), best of
 *   --repeat runs each, and the speed-up;
 * - peak memory (the process's max RSS, workers included) on train, and on train two and
 *   four times over (as JSONL records), to show memory stays flat as the corpus grows;
 * - index build time for the train + dev graphs (924) and search latency (in process,
 *   over a set of queries, and one `quotegraph search` process end to end).
 * - the ceiling for --jobs 2 on this machine at this moment: two independent --jobs 1
 *   processes on --shard 1/2 and --shard 2/2 at once (nothing shared, no pool), timed in the
 *   same rounds as --jobs 1 and --jobs 2, so the three figures meet the same load;
 * - quotegraph serve's figures as `npm run bench:serve` last wrote them (bench/serve-results.json);
 * - the queue workers' figures as `npm run bench:queue` last wrote them (bench/queue-results.json).
 * Options: --repeat N (default 2), --no-build. Results: bench/cli-results.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { openIndex } from '../src/store/db.js';
import { searchQuotes } from '../src/store/search.js';
import { numberOption } from './args.js';
import { ROOT, SHARED_DATA } from './eval/paths.js';

const args = process.argv.slice(2);
const repeat = Math.max(1, numberOption('--repeat', 2));
const TRAIN = join(SHARED_DATA, 'polnear', 'train', 'text');
const DEV = join(SHARED_DATA, 'polnear', 'dev', 'text');
const TMP = join(ROOT, 'bench', 'tmp');
const CLI = join(ROOT, 'dist', 'cli.js');

if (!existsSync(TRAIN)) {
  console.log(`bench:cli skipped: no PolNeAR at ${TRAIN}`);
  process.exit(0);
}
if (!args.includes('--no-build')) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
mkdirSync(TMP, { recursive: true });

interface Run { seconds: number; written: number; skipped: number; peakMb: number; cpuSeconds: number; wordsPerSecond: number; load1: number }

const SUMMARY = /(\d+) written, (\d+) skipped .*?([\d,]+) words\/s.*CPU ([\d.]+) s, peak memory (\d+) MB/;

/** Runs `quotegraph extract` and reads its summary line. */
function extractRun(inputs: string[], jobs: number, out: string): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'extract', ...inputs, '--jobs', String(jobs), '--out', out], { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  const summary = r.stderr.trim().split('\n').at(-1) ?? '';
  const m = SUMMARY.exec(summary);
  if (!m || (r.status !== 0 && r.status !== 3)) throw new Error(`extract failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { seconds, written: Number(m[1]), skipped: Number(m[2]), wordsPerSecond: Number(m[3]!.replace(/,/g, '')), cpuSeconds: Number(m[4]), peakMb: Number(m[5]), load1: loadavg()[0]! };
}

interface ShardRun { seconds: number; written: number; cpuSeconds: number; load1: number }

/** Two `--jobs 1` processes on the two halves of the input (--shard 1/2, 2/2) at once. */
async function shardPairRun(inputs: string[]): Promise<ShardRun> {
  const t0 = performance.now();
  const one = (k: number): Promise<{ written: number; cpuSeconds: number }> => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'extract', ...inputs, '--jobs', '1', '--shard', `${k}/2`, '--out', join(TMP, `train-shard${k}.jsonl`)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (status) => {
      const m = SUMMARY.exec(stderr.trim().split('\n').at(-1) ?? '');
      if (!m || (status !== 0 && status !== 3)) reject(new Error(`extract --shard ${k}/2 failed (${status}): ${stderr.slice(-2000)}`));
      else resolve({ written: Number(m[1]), cpuSeconds: Number(m[4]) });
    });
  });
  const [a, b] = await Promise.all([one(1), one(2)]);
  return { seconds: (performance.now() - t0) / 1000, written: a.written + b.written, cpuSeconds: a.cpuSeconds + b.cpuSeconds, load1: loadavg()[0]! };
}

const best = (runs: Run[]): Run => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const fmt = (n: number, d = 1): string => n.toFixed(d);

console.log(`bench:cli on ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other work on the machine slows every figure)`);

/**
 * What two threads can gain on this machine right now: the same pure-CPU loop in one
 * worker, then in two at once. On an idle two-core machine about 2x; other work on the
 * machine lowers it, and with it any --jobs 2 figure.
 */
async function machineParallelism(): Promise<number> {
  const code = 'let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; require("node:worker_threads").parentPort.postMessage(x);';
  const timed = async (n: number): Promise<number> => {
    const t = performance.now();
    await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => new Worker(code, { eval: true }).once('message', resolve))));
    return performance.now() - t;
  };
  const one = await timed(1);
  const two = await timed(2);
  return (2 * one) / two;
}
const parallelism = await machineParallelism();
console.log(`the machine's parallelism for two threads now: ${parallelism.toFixed(2)}x (2.00 on an idle two-core machine)`);

// 1. --jobs 1 against --jobs 2 over PolNeAR train, and the two-process ceiling, alternating
// so that load falls on all three alike.
const runs: Record<1 | 2, Run[]> = { 1: [], 2: [] };
const shardRuns: ShardRun[] = [];
for (let i = 0; i < repeat; i++) {
  for (const jobs of [1, 2] as const) runs[jobs].push(extractRun([TRAIN], jobs, join(TMP, `train-j${jobs}.jsonl`)));
  shardRuns.push(await shardPairRun([TRAIN]));
}
const same = readFileSync(join(TMP, 'train-j1.jsonl'), 'utf8') === readFileSync(join(TMP, 'train-j2.jsonl'), 'utf8');
const j1 = best(runs[1]);
const j2 = best(runs[2]);
const docs = j1.written;
console.log(`\nextract PolNeAR train (${docs} articles), best of ${repeat}:`);
for (const [jobs, r] of [[1, j1], [2, j2]] as const) {
  console.log(`  --jobs ${jobs}: ${fmt(r.seconds)} s, ${fmt(docs / r.seconds)} docs/s, ${r.wordsPerSecond.toLocaleString('en-US')} words/s, CPU ${fmt(r.cpuSeconds)} s, peak memory ${r.peakMb} MB  (all runs: ${runs[jobs].map((x) => `${fmt(x.seconds)} s [load ${x.load1.toFixed(2)}]`).join(', ')})`);
}
const shards = shardRuns.reduce((a, b) => (b.seconds < a.seconds ? b : a));
if (shards.written !== docs) throw new Error(`the two shards wrote ${shards.written} graphs, not ${docs}`);
console.log(`  two independent --jobs 1 processes on --shard 1/2 and 2/2 at once: ${fmt(shards.seconds)} s, CPU ${fmt(shards.cpuSeconds)} s  (all runs: ${shardRuns.map((x) => `${fmt(x.seconds)} s [load ${x.load1.toFixed(2)}]`).join(', ')})`);
const speedup = j1.seconds / j2.seconds;
const ceiling = j1.seconds / shards.seconds;
// With both cores free, two jobs finish in (their CPU time) / 2 at best: the bound that the
// CPU spent, not the machine's load, sets.
const cpu1 = Math.min(...runs[1].map((r) => r.cpuSeconds));
const cpu2 = Math.min(...runs[2].map((r) => r.cpuSeconds));
const cpuBound = (2 * cpu1) / cpu2;
console.log(`  speed-up --jobs 2 / --jobs 1: ${fmt(speedup, 2)}x (target ≥ 1.7; the machine allowed ${fmt(parallelism, 2)}x); outputs identical: ${same}`);
console.log(`  the same split with nothing shared (two processes): ${fmt(ceiling, 2)}x, the ceiling for --jobs 2 now`);
console.log(`  CPU for the same work: ${fmt(cpu1)} s with one job, ${fmt(cpu2)} s with two: on two free cores at most ${fmt(cpuBound, 2)}x`);

// 2. Memory as the corpus grows: the same texts four times over, as JSONL records.
const x4 = join(TMP, 'train-x4.jsonl');
const files = readdirSync(TRAIN).filter((f) => f.endsWith('.txt')).sort();
const lines: string[] = [];
for (let copy = 0; copy < 4; copy++) {
  for (const f of files) lines.push(JSON.stringify({ id: `${copy}/${f}`, text: readFileSync(join(TRAIN, f), 'utf8') }));
}
writeFileSync(x4, `${lines.join('\n')}\n`);
const x2 = join(TMP, 'train-x2.jsonl');
writeFileSync(x2, `${lines.slice(0, 2 * files.length).join('\n')}\n`);
const mid = extractRun([x2], 2, join(TMP, 'train-xn-graphs.jsonl'));
const big = extractRun([x4], 2, join(TMP, 'train-xn-graphs.jsonl'));
console.log(`\nmemory as the corpus grows (--jobs 2): ${docs} docs → ${j2.peakMb} MB; ${mid.written} docs → ${mid.peakMb} MB; ${big.written} docs → ${big.peakMb} MB (target < 400 MB, flat)`);
rmSync(join(TMP, 'train-xn-graphs.jsonl'), { force: true });

// 3. Index build for train + dev graphs, through the CLI.
const devGraphs = join(TMP, 'dev-graphs.jsonl');
const dev = extractRun([DEV], 2, devGraphs);
const db = join(TMP, 'polnear.db');
for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
const t0 = performance.now();
const idx = spawnSync(process.execPath, [CLI, 'index', join(TMP, 'train-j2.jsonl'), devGraphs, '--db', db], { encoding: 'utf8' });
const indexSeconds = (performance.now() - t0) / 1000;
if (idx.status !== 0) throw new Error(`index failed: ${idx.stderr}`);
console.log(`\nindex build, PolNeAR train + dev graphs (${docs + dev.written}): ${fmt(indexSeconds, 2)} s for the whole command (${idx.stderr.trim()})`);

// 4. Search latency, in process (the index opened once) and as one CLI process.
const QUERIES = ['economy', 'jobs', 'emails', 'taxes', 'immigration', 'wall', 'president', 'campaign', '"the american people"', 'great again', 'debate', 'health care', 'trade deal', 'voters', 'terror*', 'Clinton', 'we will win', 'police', 'nuclear', 'Supreme Court'];
const handle = openIndex(db, { readonly: true });
const quotes = (handle.prepare('SELECT COUNT(*) AS n FROM quotes').get() as { n: number }).n;
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of QUERIES) {
    for (const speaker of [undefined, 'Trump']) {
      const s0 = performance.now();
      searchQuotes(handle, { query: q, limit: 20, ...(speaker ? { speaker } : {}) });
      times.push(performance.now() - s0);
    }
  }
}
handle.close();
times.sort((a, b) => a - b);
const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const c0 = performance.now();
spawnSync(process.execPath, [CLI, 'search', 'health care', '--db', db, '--limit', '20'], { encoding: 'utf8' });
const cliMs = performance.now() - c0;
console.log(`\nsearch over ${quotes} quotes, ${times.length} searches (${QUERIES.length} queries, with and without --speaker): median ${fmt(pct(0.5), 2)} ms, p95 ${fmt(pct(0.95), 2)} ms, max ${fmt(times.at(-1)!, 2)} ms (target < 50 ms)`);
console.log(`one \`quotegraph search\` process end to end (Node start-up included): ${fmt(cliMs, 0)} ms`);

// 5. quotegraph serve, as `npm run bench:serve` last measured it (its own run: it builds an index of 10,000 documents)
const SERVE_RESULTS = join(ROOT, 'bench', 'serve-results.json');
const serve = existsSync(SERVE_RESULTS) ? (JSON.parse(readFileSync(SERVE_RESULTS, 'utf8')) as { measuredAt: string; docs: number; requests: number; p50Ms: number; p95Ms: number; slowest: { ms: number; path: string }; peakMb: number }) : undefined;
console.log(serve === undefined
  ? '\nquotegraph serve: not measured yet (npm run bench:serve writes bench/serve-results.json)'
  : `\nquotegraph serve over ${serve.docs.toLocaleString('en-US')} documents (npm run bench:serve, ${serve.measuredAt.slice(0, 16).replace('T', ' ')} UTC): ${serve.requests} requests from the client, p50 ${fmt(serve.p50Ms, 1)} ms, p95 ${fmt(serve.p95Ms, 1)} ms (bound < 100 ms), slowest ${fmt(serve.slowest.ms, 1)} ms (${serve.slowest.path}), peak memory ${serve.peakMb} MB (bound < 300 MB)`);

// 6. the queue workers, as `npm run bench:queue` last measured them (its own run: it needs Redis and PostgreSQL)
const QUEUE_RESULTS = join(ROOT, 'bench', 'queue-results.json');
const queue = existsSync(QUEUE_RESULTS) ? (JSON.parse(readFileSync(QUEUE_RESULTS, 'utf8')) as { measuredAt: string; docs: number; oneWorker: { docsPerSecond: number; dbShare: number[] }; twoWorkers: { docsPerSecond: number; dbShare: number[] }; redisBytesPerWaitingJob: number }) : undefined;
console.log(queue === undefined
  ? '\nqueue workers: not measured yet (npm run bench:queue writes bench/queue-results.json)'
  : `\nqueue workers over ${queue.docs} documents (npm run bench:queue, ${queue.measuredAt.slice(0, 16).replace('T', ' ')} UTC): 1 worker ${fmt(queue.oneWorker.docsPerSecond, 1)} docs/s, 2 workers ${fmt(queue.twoWorkers.docsPerSecond, 1)} docs/s, database ${[...queue.oneWorker.dbShare, ...queue.twoWorkers.dbShare].map((x) => fmt(x, 1)).join('/')}% of the workers' time, Redis ${fmt(queue.redisBytesPerWaitingJob / 1024, 1)} KB a waiting job`);

const results = {
  measuredAt: new Date().toISOString(),
  loadAverage: loadavg(),
  machineParallelism: parallelism,
  extract: { docs, jobs1: j1, jobs2: j2, speedup, twoProcesses: shards, twoProcessCeiling: ceiling, cpuBoundSpeedup: cpuBound, identicalOutput: same, runs, shardRuns },
  memory: { docsPeakMb: j2.peakMb, x2Docs: mid.written, x2PeakMb: mid.peakMb, x4Docs: big.written, x4PeakMb: big.peakMb },
  index: { graphs: docs + dev.written, seconds: indexSeconds },
  search: { quotes, medianMs: pct(0.5), p95Ms: pct(0.95), maxMs: times.at(-1), cliProcessMs: cliMs },
  ...(serve === undefined ? {} : { serve }),
  ...(queue === undefined ? {} : { queue }),
};
writeFileSync(join(ROOT, 'bench', 'cli-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults in ${join(ROOT, 'bench', 'cli-results.json')}`);
