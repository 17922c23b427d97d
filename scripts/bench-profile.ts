/**
 * `npm run bench -- --profile`: where extract() spends its time. Runs extract() over the
 * bench sample under V8's sampling profiler (node:inspector, in this process, after a
 * warm-up round) and prints two tables from the samples' self time:
 *   - by area: each pipeline stage folder (src/stages/<stage>), the other src/ folders,
 *     each package under node_modules, V8's garbage collector and the rest of the runtime;
 *   - by function: the hottest functions with their file and line.
 * Both are written to bench/profile.json. Self time, not total time: a function's callees
 * count for themselves, so the tables add up to the whole run.
 */
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/index.js';
import { ROOT } from './eval/paths.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The area a sampled frame's file belongs to. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName === '(garbage collector)' ? 'V8: garbage collector' : functionName === '(idle)' ? 'idle' : 'V8: runtime and compiler';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pkg) return `package: ${pkg[1]}`;
  if (path.startsWith('node:')) return 'Node.js built-ins';
  const rel = relative(ROOT, path);
  if (rel.startsWith('..')) return 'other';
  const stage = /^src\/stages\/([^/]+)\//.exec(rel);
  if (stage) return `stage: ${stage[1]}`;
  const dir = /^src\/([^/]+)\//.exec(rel);
  return dir ? `src/${dir[1]}` : rel;
}

/** Self time in ms per node id, from the samples and the time between them. */
function selfTimes(profile: Profile): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    out.set(id, (out.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return out;
}

export async function runProfile(docs: readonly string[], rounds: number): Promise<void> {
  for (const d of docs) extract(d); // warm-up: the profile is of steady state, not of compiling
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const d of docs) extract(d);
  const wall = performance.now() - t0;
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
  session.disconnect();

  const self = selfTimes(profile);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, { area: string; ms: number }>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
    const file = url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url;
    // (tsx hands V8 transformed modules, whose functions report line 0: a line is shown only where one is known)
    const key = `${functionName || '(anonymous)'} ${file}${file && lineNumber > 0 ? `:${lineNumber + 1}` : ''}`;
    const f = byFunction.get(key) ?? { area, ms: 0 };
    f.ms += ms;
    byFunction.set(key, f);
  }
  const share = (ms: number): string => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  console.log(`\n## profile: ${rounds} round(s) of ${docs.length} PolNeAR train articles, ${(wall / 1000).toFixed(2)} s wall, ${(total / 1000).toFixed(2)} s sampled`);
  console.log('  by area (self time):');
  const areas = [...byArea].sort((a, b) => b[1] - a[1]);
  for (const [area, ms] of areas) console.log(`    ${share(ms)}  ${area}`);
  console.log('  hottest functions (self time):');
  const fns = [...byFunction].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
  for (const [key, f] of fns) console.log(`    ${share(f.ms)}  ${key}`);
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench', 'profile.json'),
    `${JSON.stringify({
      articles: docs.length,
      rounds,
      wallMs: Math.round(wall),
      sampledMs: Math.round(total),
      areas: areas.map(([area, ms]) => ({ area, share: +(ms / total).toFixed(4) })),
      functions: fns.map(([key, f]) => ({ function: key, area: f.area, share: +(f.ms / total).toFixed(4) })),
    }, null, 2)}\n`,
  );
  console.log('  written to bench/profile.json');
}
