/**
 * `npm run bench:queue`: the figures of the queue workers (issue 16), on the built CLI
 * (`dist/cli.js`) over PolNeAR train (840 articles, read in place), with a throwaway Redis
 * and PostgreSQL (scripts/services.sh, in bench/tmp/services):
 * - documents/s with 1 worker and with 2 workers (each `--jobs 1`, separate processes as on
 *   two machines), from the first worker's start to the last one's exit (start-up, model
 *   loading and the idle check included), over jobs of 20 files;
 * - the share of the workers' time spent writing to the database (as the workers report it);
 * - Redis memory per waiting job (used_memory before and after enqueuing 840 one-file jobs).
 * Options: --no-build. Results: bench/queue-results.json (npm run bench:cli prints them).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ROOT, SHARED_DATA } from './eval/paths.js';

const TRAIN = join(SHARED_DATA, 'polnear', 'train', 'text');
const TMP = join(ROOT, 'bench', 'tmp');
const CLI = join(ROOT, 'dist', 'cli.js');
const SERVICES = join(TMP, 'services');
const args = process.argv.slice(2);

if (!existsSync(TRAIN)) {
  console.log(`bench:queue skipped: no PolNeAR at ${TRAIN}`);
  process.exit(0);
}
if (!args.includes('--no-build')) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
mkdirSync(TMP, { recursive: true });
const started = spawnSync(join(ROOT, 'scripts', 'services.sh'), ['start'], { encoding: 'utf8', env: { ...process.env, QUOTEGRAPH_SERVICES: SERVICES } });
if (started.status !== 0) {
  console.log(`bench:queue skipped: ${started.stderr.trim()}`);
  process.exit(0);
}
const REDIS = /^REDIS_URL=(.*)$/m.exec(started.stdout)![1]!;
const DB = /^DATABASE_URL=(.*)$/m.exec(started.stdout)![1]!;

const run = (a: string[]): string => {
  const r = spawnSync(process.execPath, [CLI, ...a], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`quotegraph ${a.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stderr;
};

/** Starts `n` worker processes on a fresh queue and empty index; the wall time until the last exits, and their last lines. */
async function workers(n: number): Promise<{ seconds: number; docsPerSecond: number; dbShare: number[]; documents: number }> {
  const db = new pg.Client({ connectionString: DB });
  await db.connect();
  await db.query('TRUNCATE documents, speakers, merge_state CASCADE');
  await db.end();
  const queue = `bench-${n}-${Date.now()}`;
  run(['enqueue', TRAIN, '--queue', REDIS, '--batch', '20', '--queue-name', queue]);
  const t0 = performance.now();
  const outs = await Promise.all(Array.from({ length: n }, () => new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'worker', '--queue', REDIS, '--db', DB, '--jobs', '1', '--exit-when-idle', '--queue-name', queue], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('exit', (code) => (code === 0 ? resolve(err) : reject(new Error(`worker exited ${code}: ${err}`))));
  })));
  const seconds = (performance.now() - t0) / 1000;
  const lasts = outs.map((o) => /worker: \d+ jobs \(\d+ failed\), (\d+) documents written.*database ([\d.]+)% of the time/.exec(o));
  const documents = lasts.reduce((s, m) => s + Number(m?.[1] ?? 0), 0);
  return { seconds, documents, docsPerSecond: documents / seconds, dbShare: lasts.map((m) => Number(m?.[2] ?? NaN)) };
}

try {
  run(['db', 'migrate', '--db', DB]);
  const one = await workers(1);
  const two = await workers(2);
  const fmt = (x: number, d = 1): string => x.toFixed(d);
  console.log(`queue workers over PolNeAR train (${one.documents} articles, jobs of 20 files; ${cpus().length} cores, load ${loadavg().map((l) => fmt(l, 2)).join(' ')}):`);
  console.log(`  1 worker (--jobs 1):  ${fmt(one.seconds)} s, ${fmt(one.docsPerSecond)} docs/s, database ${one.dbShare.map((s) => `${fmt(s)}%`).join(', ')} of the worker's time`);
  console.log(`  2 workers (--jobs 1 each): ${fmt(two.seconds)} s, ${fmt(two.docsPerSecond)} docs/s (${fmt(two.docsPerSecond / one.docsPerSecond, 2)}x), database ${two.dbShare.map((s) => `${fmt(s)}%`).join(', ')} of each worker's time`);

  // Redis memory per waiting job: 840 one-file jobs on a fresh queue.
  const redis = new Redis(REDIS);
  const used = async (): Promise<number> => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
  const before = await used();
  const queue = `bench-memory-${Date.now()}`;
  run(['enqueue', TRAIN, '--queue', REDIS, '--batch', '1', '--queue-name', queue]);
  const after = await used();
  await redis.quit();
  const perJob = (after - before) / one.documents;
  console.log(`  Redis memory per waiting job (a one-file job; ${one.documents} enqueued): ${fmt(perJob / 1024)} KB`);
  const results = { measuredAt: new Date().toISOString(), loadAverage: loadavg(), cores: cpus().length, docs: one.documents, batch: 20, oneWorker: one, twoWorkers: two, speedup: two.docsPerSecond / one.docsPerSecond, redisBytesPerWaitingJob: perJob };
  writeFileSync(join(ROOT, 'bench', 'queue-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults in ${join(ROOT, 'bench', 'queue-results.json')}`);
} finally {
  spawnSync(join(ROOT, 'scripts', 'services.sh'), ['stop'], { env: { ...process.env, QUOTEGRAPH_SERVICES: SERVICES } });
}
