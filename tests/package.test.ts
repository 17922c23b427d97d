/**
 * The package as users get it: `npm pack`, installed into a fresh project, then
 * imported as ESM, required as CommonJS, type-checked, and bundled for a browser.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserBundleSize } from '../scripts/bundle-size.js';

const ROOT = join(import.meta.dirname, '..');
const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let dir = '';
let consumer = '';
/**
 * The browser bundle's size in bytes, plus 2%: measured 7,590,454 minified and 3,055,041 gzipped
 * (esbuild --minify, gzip -9) on 2026-12-08, as the README states. Most of it is the language
 * models (wink-nlp's English model, 3.0 MB of JSON) and quotegraph's own (the entity tagger, word
 * clusters, lexicons, and the snapshot of compromise's lexicon: 3.9 MB). The snapshot replaced
 * compromise itself (tsup.config.ts): 250 KB more minified, 43 KB less gzipped, and about 0.5 s
 * less CPU to import the library (7,315,580 and 3,105,751 before).
 */
const BROWSER_MINIFIED_MAX = 7_742_000;
const BROWSER_GZIPPED_MAX = 3_116_000;
const SAMPLE = 'WARSAW: \\"No casualties resulted,\\" prosecutor Grzegorz Trusiewicz said. Police came.';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quotegraph-pack-'));
  npm(['run', 'build'], ROOT);
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const tarball = join(dir, packed[0]!.filename);
  consumer = join(dir, 'consumer');
  execFileSync('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // --ignore-scripts: the optional native SQLite module is for the CLI's index, not the library
  npm(['install', tarball, '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], consumer);
  writeFileSync(join(dir, 'files.json'), JSON.stringify(packed[0]!.files.map((f) => f.path)));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships only what users need', () => {
    const files = readdirSync(join(consumer, 'node_modules', 'quotegraph'));
    expect(files.sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json', 'schema'].sort());
  });

  it('imports as ESM', () => {
    const out = execFileSync('node', ['--input-type=module', '-e', `import { extract } from 'quotegraph'; const g = extract("${SAMPLE}"); console.log(g.format, g.version, g.nodes.filter(n => n.type === 'sentence').length)`], { cwd: consumer, encoding: 'utf8' });
    expect(out.trim()).toBe('quotegraph 1 2');
  });

  it('requires as CommonJS', () => {
    const out = execFileSync('node', ['-e', `const { extract, extractAll } = require('quotegraph'); const g = extract("${SAMPLE}"); console.log(typeof extractAll, g.offsetUnit, g.text.length)`], { cwd: consumer, encoding: 'utf8' });
    expect(out.trim()).toBe('function utf16 83');
  });

  it('ships the JSON Schema', () => {
    const out = execFileSync('node', ['-e', `console.log(require('quotegraph/schema').title)`], { cwd: consumer, encoding: 'utf8' });
    expect(out.trim()).toBe('quotegraph annotation graph, format version 1');
  });

  it('type-checks a consumer in both module systems', () => {
    writeFileSync(join(consumer, 'use.mts'), [
      "import { defineStage, extract, query, type AnnotationGraph, type QuoteNode } from 'quotegraph';",
      "const g: AnnotationGraph = extract('He said it.', { published: '2025-11-26' });",
      "const quotes: QuoteNode[] = g.nodes.filter((n): n is QuoteNode => n.type === 'quote');",
      'const q = query(g);',
      'export const n: number = quotes.length + (q.sentenceOf("s0")?.start ?? 0);',
      '// @ts-expect-error published takes a string or a Date',
      'extract("x", { published: 5 });',
      // a layer of one's own, declared by augmenting LayerMap (docs/own-stage.md)
      "declare module 'quotegraph' { interface LayerMap { figures: Array<{ start: number }> } }",
      "export const figures = defineStage({ name: 'figures', requires: ['tokens'], provides: ['figures'], run(doc) { doc.layer('figures').push({ start: doc.tokens.length }); } });",
      '// @ts-expect-error a layer no one declared',
      "defineStage({ name: 'x', requires: ['no-such-layer'], provides: [], run() {} });",
      '// @ts-expect-error the declared layer holds objects with a start',
      "defineStage({ name: 'y', requires: ['figures'], provides: [], run(doc) { doc.layer('figures').push('x'); } });",
    ].join('\n'));
    writeFileSync(join(consumer, 'use.cts'), "import qg = require('quotegraph');\nexport const g: qg.AnnotationGraph = qg.extract('x');\n");
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['use.mts', 'use.cts'] }));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => execFileSync('node', [tsc, '-p', consumer], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it('bundles for a browser: the library imports no Node built-in', async () => {
    const result = await build({
      stdin: { contents: "import { extract } from 'quotegraph'; globalThis.out = extract('Hello there. Bye.');", resolveDir: consumer, loader: 'js' },
      bundle: true,
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => p.startsWith('node:') || /^(fs|path|os|child_process|worker_threads)$/.test(p))).toEqual([]);
  });

  it('each entry exports exactly its list, as ES module and as CommonJS', () => {
    const list = (kind: 'import' | 'require', entry: string): string[] => JSON.parse(kind === 'import'
      ? execFileSync('node', ['--input-type=module', '-e', `const m = await import('${entry}'); console.log(JSON.stringify(Object.keys(m).sort()))`], { cwd: consumer, encoding: 'utf8' })
      : execFileSync('node', ['-e', `console.log(JSON.stringify(Object.keys(require('${entry}')).sort()))`], { cwd: consumer, encoding: 'utf8' })) as string[];
    const expected: Record<string, string[]> = {
      quotegraph: ['DEFAULT_STAGES', 'DIAGNOSTICS', 'Doc', 'ERROR_CODES', 'FORMAT', 'GraphBuilder', 'GraphQuery', 'Pipeline', 'QuotegraphError', 'QuotegraphOptionsError', 'QuotegraphPipelineError', 'VERSION', 'checkGraph', 'defineStage', 'extract', 'extractAll', 'extractStream', 'getDefaultPipeline', 'query'],
      'quotegraph/html': ['extractHtml'],
      'quotegraph/node': ['extractParallel'],
    };
    for (const [entry, names] of Object.entries(expected)) {
      expect([entry, list('import', entry)]).toEqual([entry, names]);
      expect([entry, list('require', entry)]).toEqual([entry, names]);
    }
  });

  it('quotegraph/node: extractParallel on 2 workers of the installed package gives the graphs of extract, in order', () => {
    // a file, not `node -e`: worker threads inherit the process's flags, and --input-type is refused in a worker
    writeFileSync(join(consumer, 'parallel.mjs'), [
      "import { extract } from 'quotegraph';",
      "import { extractParallel } from 'quotegraph/node';",
      `const texts = ["${SAMPLE}", 'Second text. It ends here.', 'Third one, said Ana Ruiz.'];`,
      'const graphs = [];',
      'for await (const g of extractParallel(texts, { workers: 2 })) graphs.push(g);',
      'console.log(JSON.stringify(graphs) === JSON.stringify(texts.map((t) => extract(t))), graphs.length);',
    ].join('\n'));
    const out = execFileSync('node', ['parallel.mjs'], { cwd: consumer, encoding: 'utf8', timeout: 60_000 });
    expect(out.trim()).toBe('true 3');
  });

  it('quotegraph/html: extractHtml reads a page, from ES modules and CommonJS', () => {
    const page = '<html><head><title>T</title></head><body><article><p>WARSAW: Police came on Monday.</p></article></body></html>';
    const esm = execFileSync('node', ['--input-type=module', '-e', `import { extractHtml } from 'quotegraph/html'; console.log(extractHtml('${page}').text)`], { cwd: consumer, encoding: 'utf8' });
    const cjs = execFileSync('node', ['-e', `console.log(require('quotegraph/html').extractHtml('${page}').text)`], { cwd: consumer, encoding: 'utf8' });
    expect([esm, cjs]).toEqual(['T\n\nWARSAW: Police came on Monday.\n', 'T\n\nWARSAW: Police came on Monday.\n']);
  });

  it("carries compromise's lexicon as the installed compromise has it, and never loads compromise", async () => {
    const dist = join(consumer, 'node_modules', 'quotegraph', 'dist');
    const code = readdirSync(dist).filter((f) => /\.(c?js)$/.test(f)).map((f) => readFileSync(join(dist, f), 'utf8'));
    const { default: nlp } = (await import('compromise')) as unknown as { default: { world(): { model: { one: { lexicon: object } } } } };
    const installed = JSON.stringify(nlp.world().model.one.lexicon);
    // the snapshot's string literal, as the bundler printed it (a template literal, say), read back
    const snapshots = code.flatMap((c) => [...c.matchAll(/\bLEXICON\d* = (`(?:\\[\s\S]|[^`\\])*`|"(?:\\[\s\S]|[^"\\])*")/g)].map((m) => new Function(`return ${m[1]!};`)() as string));
    // in the ES module chunks, the CommonJS entries and the command line's bundle
    expect(snapshots.length).toBeGreaterThanOrEqual(3);
    expect(snapshots.filter((snap) => snap !== installed)).toEqual([]);
    expect(code.filter((c) => /from ["']compromise["']|require\(["']compromise["']\)/.test(c)).length).toBe(0);
  });

  it('the browser bundle of quotegraph: neither linkedom nor Readability, and its minified and gzipped size held', async () => {
    const sizes = await browserBundleSize(consumer);
    const serverParts = /linkedom|@mozilla[\\/]readability|htmlparser2|tinypool/;
    expect(sizes.inputs.filter((p) => serverParts.test(p))).toEqual([]);
    // the same check finds them in quotegraph/html's bundle
    const html = await build({ stdin: { contents: "export { extractHtml } from 'quotegraph/html';", resolveDir: consumer, loader: 'js' }, bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true });
    expect(['linkedom', '@mozilla/readability'].map((name) => Object.keys(html.metafile.inputs).some((p) => p.includes(`node_modules/${name}/`)))).toEqual([true, true]);
    console.log(`browser bundle of quotegraph: ${(sizes.minified / 1e6).toFixed(2)} MB minified, ${(sizes.gzipped / 1e6).toFixed(2)} MB gzipped`);
    // the README states these figures; a change that grows the bundle past them says why and raises them
    expect(sizes.minified).toBeLessThanOrEqual(BROWSER_MINIFIED_MAX);
    expect(sizes.gzipped).toBeLessThanOrEqual(BROWSER_GZIPPED_MAX);
  });
});
