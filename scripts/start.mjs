// `npm start`: the main job on the bundled test corpus, through the built `quotegraph`
// command: extract a graph from every article in test-corpus/ (with its publication date
// from the manifest), index the quotes, and write the report page. Prints where it is.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const out = join(root, 'out');
const cli = join(root, 'dist', 'cli.js');

function run(command, args) {
  const r = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  // 3 = some inputs skipped (named above); the rest is done, so the job goes on.
  if (r.status !== 0 && r.status !== 3) process.exit(r.status ?? 1);
}

// Build when dist/ is missing or older than any source file.
const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
  const p = join(dir, e.name);
  return Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
}, 0);
if (!existsSync(cli) || newest(join(root, 'src')) > statSync(cli).mtimeMs) run('npm', ['run', 'build']);
mkdirSync(out, { recursive: true });

// The manifest gives each article's id and publication date: hand them to extract as JSONL records.
const manifest = JSON.parse(readFileSync(join(root, 'test-corpus', 'manifest.json'), 'utf8'));
const records = join(out, 'test-corpus.jsonl');
writeFileSync(records, manifest.map((e) => JSON.stringify({
  id: e.id,
  ...(e.published ? { published: e.published } : {}),
  text: readFileSync(join(root, 'test-corpus', e.file), 'utf8'),
})).join('\n') + '\n');

const graphs = join(out, 'graphs.jsonl');
const db = join(out, 'quotes.db');
const report = join(out, 'report.html');
run(process.execPath, [cli, 'extract', records, '--out', graphs]);
for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
run(process.execPath, [cli, 'index', graphs, '--db', db]);
run(process.execPath, [cli, 'report', '--db', db, '--out', report, '--title', 'quotegraph test corpus: who said what']);

const all = readFileSync(graphs, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const count = (type) => all.reduce((n, g) => n + g.nodes.filter((x) => x.type === type).length, 0);
console.log(`\nquotegraph: ${all.length} articles from test-corpus/: ${count('sentence')} sentences, ${count('quote')} quotes, ${count('entity')} entities`);
console.log(`graphs: ${graphs}\nindex:  ${db}  (try: node dist/cli.js search "said" --db out/quotes.db)`);
console.log(`report: ${pathToFileURL(report).href}`);
