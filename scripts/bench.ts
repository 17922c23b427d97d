/**
 * `npm run bench`: the speed figures. Ratios against extract()'s own building blocks,
 * measured in one process, interleaved (the machine is noisy; absolute times vary):
 *   - extract() vs wink-nlp's readDoc (with its entities) vs compromise's nlp() with
 *     people/places/organizations, in words per second, on PolNeAR train articles;
 *   - per-stage time;
 *   - cost growth: a 1 MB document made of many articles, and 1 MB adversarial inputs,
 *     in characters per second against the small articles;
 *   - heap after 1,000 articles one after another (flat, not growing per document).
 * Results are printed and written to bench/results.json. `--profile` prints only a profile of
 * extract() by area and by function (scripts/bench-profile.ts, bench/profile.json); `--quick`
 * samples fewer articles.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extract } from '../src/index.js';
import { ROOT, SHARED_DATA } from './eval/paths.js';
import { browserBundleSize } from './bundle-size.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const ROUNDS = quick ? 2 : 3;
const SAMPLE = quick ? 80 : 200;

const trainDir = join(SHARED_DATA, 'polnear', 'train', 'text');
if (!existsSync(trainDir)) {
  console.error(`bench needs the PolNeAR articles at ${trainDir}`);
  process.exit(1);
}
const files = readdirSync(trainDir).filter((f) => f.endsWith('.txt')).sort();
const all = files.map((f) => readFileSync(join(trainDir, f), 'utf8'));
// a fixed, spread-out sample of articles
const step = Math.max(1, Math.floor(all.length / SAMPLE));
const docs = all.filter((_, i) => i % step === 0).slice(0, SAMPLE);
const words = docs.reduce((n, d) => n + (d.match(/\S+/g)?.length ?? 0), 0);
const chars = docs.reduce((n, d) => n + d.length, 0);

if (args.includes('--profile')) {
  // only the profile: where extract() spends its time, by area and by function (scripts/bench-profile.ts)
  const { runProfile } = await import('./bench-profile.js');
  await runProfile(docs, ROUNDS);
  process.exit(0);
}

const wink = winkNLP(model);
const gc = (globalThis as { gc?: () => void }).gc;
let peakRss = 0;
const sampleMemory = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function time(run: () => void): number {
  const t0 = performance.now();
  run();
  sampleMemory();
  return (performance.now() - t0) / 1000;
}

const systems: Record<string, () => void> = {
  extract: () => {
    for (const d of docs) extract(d);
  },
  'wink-nlp readDoc': () => {
    for (const d of docs) {
      const doc = wink.readDoc(d);
      doc.entities().out();
    }
  },
  'compromise nlp()': () => {
    for (const d of docs) {
      const doc = nlp(d);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }
  },
};

console.log(`bench: ${docs.length} PolNeAR train articles, ${words} words, ${chars} characters; ${ROUNDS} interleaved rounds`);
// warm up each once (JIT, lazy model loading)
for (const run of Object.values(systems)) run();
const seconds: Record<string, number[]> = Object.fromEntries(Object.keys(systems).map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, run] of Object.entries(systems)) seconds[name]!.push(time(run));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wps: Record<string, number> = {};
for (const [name, xs] of Object.entries(seconds)) wps[name] = words / median(xs);
const vsCompromise = wps.extract! / wps['compromise nlp()']!;
const vsWink = wps.extract! / wps['wink-nlp readDoc']!;
console.log('\n## throughput (median of rounds)');
for (const [name, v] of Object.entries(wps)) console.log(`  ${name.padEnd(20)} ${Math.round(v).toLocaleString('en-US').padStart(10)} words/s`);
console.log(`  extract / compromise  ${vsCompromise.toFixed(2)}x   (target >= 5)`);
console.log(`  extract / wink-nlp    ${vsWink.toFixed(3)}    (target >= 0.35)`);

// per-stage time
const stageMs: Record<string, number> = {};
for (const d of docs) {
  const t = extract(d, { timings: true }).meta.timings as Record<string, number>;
  for (const [k, v] of Object.entries(t)) stageMs[k] = (stageMs[k] ?? 0) + v;
}
const stageTotal = Object.values(stageMs).reduce((a, b) => a + b, 0);
console.log('\n## per-stage time');
for (const [k, v] of Object.entries(stageMs)) console.log(`  ${k.padEnd(12)} ${v.toFixed(0).padStart(6)} ms  ${((100 * v) / stageTotal).toFixed(1).padStart(5)} %`);

// cost growth: chars/s on the small articles vs one 1 MB document vs adversarial inputs
const smallCps = chars / median(seconds.extract!);
const MB = 1_000_000;
const big: string[] = [];
let bigLen = 0;
for (let i = 0; bigLen < MB; i = (i + 1) % all.length) {
  big.push(all[i]!);
  bigLen += all[i]!.length + 2;
}
const repeatTo = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const inputs: Record<string, string> = {
  'one 1 MB document of many articles': big.join('\n\n').slice(0, MB),
  'unbalanced quotation marks everywhere': repeatTo('He said "this is not over and they " know it \u201c well. '),
  'one sentence with no punctuation': repeatTo('the minister told reporters that talks would go on '),
  'only capitalised words': repeatTo('Sergei Lavrov Moscow Kremlin Said Talks Would Continue '),
  'no spaces at all': repeatTo('abcdefghijklmnopqrstuvwxyz'),
  'a line of 100,000 commas': `${','.repeat(100_000)}\n${repeatTo('The talks ended. ').slice(0, MB - 100_001)}`,
};
console.log('\n## cost growth (characters/s against the small articles)');
const growth: Record<string, { seconds: number; ratio: number }> = {};
for (const [name, text] of Object.entries(inputs)) {
  // warm up on the whole input, as the small articles were warmed up: what is measured
  // is how cost grows with size, not the first sight of a vocabulary (wink-nlp and the
  // tagger cache per word)
  extract(text);
  // the better of two runs: one run of a 1 MB input can take a major garbage collection
  const s = Math.min(time(() => extract(text)), time(() => extract(text)));
  const ratio = text.length / s / smallCps;
  growth[name] = { seconds: s, ratio };
  const target = name.startsWith('one 1 MB') ? 0.7 : 0.2;
  console.log(`  ${name.padEnd(40)} ${s.toFixed(2).padStart(6)} s  ${ratio.toFixed(2)} of small  (target >= ${target})`);
}

// memory: 1,000 articles one after another; heap after the first 100 and after all
let heapAfter100 = 0;
let heapAfter1000 = 0;
if (gc) {
  for (let i = 0; i < 1000; i++) {
    extract(all[i % all.length]!);
    if (i === 99 || i === 999) {
      gc();
      const h = process.memoryUsage().heapUsed;
      if (i === 99) heapAfter100 = h;
      else heapAfter1000 = h;
    }
    if (i % 50 === 0) sampleMemory();
  }
  console.log('\n## memory');
  console.log(`  heap after 100 articles ${(heapAfter100 / 2 ** 20).toFixed(1)} MB, after 1,000 ${(heapAfter1000 / 2 ** 20).toFixed(1)} MB (growth ${((heapAfter1000 - heapAfter100) / 2 ** 20).toFixed(1)} MB)`);
} else {
  console.log('\n## memory: run with node --expose-gc (npm run bench does) to measure heap growth');
}
console.log(`  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);

// the browser bundle of the main entry, built from the source as a bundler builds the package
const bundle = await browserBundleSize(join(ROOT, 'src'), './index.ts');
console.log('\n## browser bundle (quotegraph: extract, query; esbuild --minify, gzip -9)');
console.log(`  ${(bundle.minified / 1e6).toFixed(2)} MB minified, ${(bundle.gzipped / 1e6).toFixed(2)} MB gzipped`);
const largest = Object.entries(bundle.byPackage).sort((a, b) => b[1] - a[1]).slice(0, 4);
console.log(`  largest parts: ${largest.map(([name, bytes]) => `${name} ${(bytes / 1e6).toFixed(2)} MB`).join(', ')}`);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  sample: { articles: docs.length, words, chars, rounds: ROUNDS },
  wordsPerSecond: wps,
  ratios: { extractVsCompromise: vsCompromise, extractVsWink: vsWink },
  stageMs,
  growth,
  browserBundle: { minifiedBytes: bundle.minified, gzippedBytes: bundle.gzipped, byPackage: bundle.byPackage },
  memory: { peakRssMB: peakRss / 2 ** 20, heapAfter100MB: heapAfter100 / 2 ** 20, heapAfter1000MB: heapAfter1000 / 2 ** 20 },
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten to bench/results.json');
