/**
 * The package as users get it: `npm pack`, installed into a fresh project, then
 * imported as ESM, required as CommonJS, type-checked, and bundled for a browser.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let dir = '';
let consumer = '';
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
      "import { extract, query, type AnnotationGraph, type QuoteNode } from 'quotegraph';",
      "const g: AnnotationGraph = extract('He said it.', { published: '2025-11-26' });",
      "const quotes: QuoteNode[] = g.nodes.filter((n): n is QuoteNode => n.type === 'quote');",
      'const q = query(g);',
      'export const n: number = quotes.length + (q.sentenceOf("s0")?.start ?? 0);',
      '// @ts-expect-error published takes a string or a Date',
      'extract("x", { published: 5 });',
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
});
