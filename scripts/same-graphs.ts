// `npm run same-graphs -- save FILE` writes the graph of every PolNeAR train + dev article
// (with its publication date from metadata.tsv) and of every test-corpus article (with the
// manifest's date) to FILE, one `{"id", "graph"}` line each. `npm run same-graphs -- check FILE`
// extracts them again and compares byte for byte: it names every document whose graph differs,
// with the first node or edge that differs, and exits 1 if any does.
//
// A refactor proves itself with this: save on the commit before, check on the commit after.
// `check FILE --ignore-field NAME` (repeatable) first drops the node (or diagnostic) field NAME from both
// sides: a change that adds a field (the quote's `rule`) proves it changed nothing else.
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { extract } from '../src/index.js';
import { loadManifest, readArticle } from './eval/corpus.js';
import { publicationDates } from './eval/quotes.js';
import { SHARED_DATA } from './eval/paths.js';

interface Doc { id: string; text: string; published?: string }

function* documents(): Generator<Doc> {
  for (const entry of loadManifest()) {
    yield { id: `test-corpus/${entry.id}`, text: readArticle(entry), ...(entry.published ? { published: entry.published } : {}) };
  }
  const root = join(SHARED_DATA, 'polnear');
  if (!existsSync(root)) throw new Error(`same-graphs: ${root} is missing; put ../shared beside the repo`);
  const dates = publicationDates();
  for (const split of ['train', 'dev']) {
    const dir = join(root, split, 'text');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      const name = f.slice(0, -4);
      const published = dates.get(name);
      yield { id: `polnear/${split}/${name}`, text: readFileSync(join(dir, f), 'utf8'), ...(published ? { published } : {}) };
    }
  }
}

function graphOf(d: Doc): string {
  return JSON.stringify(extract(d.text, d.published ? { published: d.published } : undefined));
}

/** The first node, edge or field at which two serialised graphs part. */
function firstDifference(a: string, b: string): string {
  const x = JSON.parse(a) as Record<string, unknown>;
  const y = JSON.parse(b) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const u = x[key];
    const v = y[key];
    if (JSON.stringify(u) === JSON.stringify(v)) continue;
    if (Array.isArray(u) && Array.isArray(v)) {
      const n = Math.max(u.length, v.length);
      for (let i = 0; i < n; i++) {
        if (JSON.stringify(u[i]) !== JSON.stringify(v[i])) return `${key}[${i}]: before ${JSON.stringify(u[i])}, now ${JSON.stringify(v[i])}`;
      }
    }
    return `${key}: before ${JSON.stringify(u)?.slice(0, 200)}, now ${JSON.stringify(v)?.slice(0, 200)}`;
  }
  return 'same fields, different serialisation (key order)';
}

/** The serialised graph without the node and diagnostic fields named (as it is where there are none). */
function without(graph: string, fields: readonly string[]): string {
  if (fields.length === 0) return graph;
  const g = JSON.parse(graph) as { nodes?: Array<Record<string, unknown>>; diagnostics?: Array<Record<string, unknown>> };
  for (const n of [...(g.nodes ?? []), ...(g.diagnostics ?? [])]) for (const f of fields) delete n[f];
  return JSON.stringify(g);
}

/** The mode, the file and the fields to ignore, or undefined for a command line of another form. */
function parseArgs(argv: readonly string[]): { mode: 'save' | 'check'; file: string; ignore: string[] } | undefined {
  const [mode, file, ...rest] = argv;
  if ((mode !== 'save' && mode !== 'check') || !file || file.startsWith('--')) return undefined;
  const ignore: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i + 1];
    if (rest[i] !== '--ignore-field' || !name || mode !== 'check') return undefined;
    ignore.push(name);
  }
  return { mode, file, ignore };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error('usage: npm run same-graphs -- save FILE | check FILE [--ignore-field NAME]...');
    process.exit(2);
  }
  const { mode, file, ignore } = args;
  const started = Date.now();
  if (mode === 'save') {
    const out = createWriteStream(file);
    let n = 0;
    for (const d of documents()) {
      out.write(`${JSON.stringify({ id: d.id, graph: graphOf(d) })}\n`);
      n++;
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    console.log(`same-graphs: saved ${n} graphs to ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return;
  }
  const before = new Map<string, string>();
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line) continue;
    const r = JSON.parse(line) as { id: string; graph: string };
    before.set(r.id, without(r.graph, ignore));
  }
  let same = 0;
  const differ: string[] = [];
  const seen = new Set<string>();
  for (const d of documents()) {
    seen.add(d.id);
    const was = before.get(d.id);
    const now = without(graphOf(d), ignore);
    if (was === undefined) differ.push(`${d.id}: not in ${file}`);
    else if (was === now) same++;
    else differ.push(`${d.id}: ${firstDifference(was, now)}`);
  }
  for (const id of before.keys()) if (!seen.has(id)) differ.push(`${id}: in ${file} but no longer read`);
  for (const line of differ.slice(0, 40)) console.log(`  DIFFERS ${line}`);
  if (differ.length > 40) console.log(`  … and ${differ.length - 40} more`);
  console.log(`same-graphs: ${same} identical${ignore.length ? ` (fields ignored: ${ignore.join(', ')})` : ''}, ${differ.length} different (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (differ.length > 0) process.exit(1);
}

await main();
