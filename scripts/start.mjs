// `npm start`: the main job on the bundled test corpus. Extracts a graph from every
// article in test-corpus/ and writes them as JSONL to out/graphs.jsonl.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'test-corpus', 'manifest.json'), 'utf8'));
mkdirSync(join(root, 'out'), { recursive: true });
const out = join(root, 'out', 'graphs.jsonl');
const files = manifest.map((e) => join(root, 'test-corpus', e.file));
const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'extract', ...files, '--out', out], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
const graphs = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const count = (type) => graphs.reduce((n, g) => n + g.nodes.filter((x) => x.type === type).length, 0);
console.log(`quotegraph: ${graphs.length} articles from test-corpus/: ${count('sentence')} sentences, ${count('quote')} quotes, ${count('entity')} entities`);
console.log(`graphs written to ${out}`);
