/**
 * The README's code blocks, run. TypeScript blocks run against the source with `articleText` /
 * `text` set to the seed page, and what the first prints must show its `// …` output lines; the
 * JSON example must be part of the graph of its own text; the command-line block runs on the
 * test corpus. Blocks that install from the registry or build the repository (`npm install`,
 * `npm start`, `npm test`) are the only ones not run here: the package test packs and installs
 * the package instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { codeBlocks, runTsBlock } from './helpers/run-ts-block.js';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = codeBlocks(README);
const dir = mkdtempSync(join(tmpdir(), 'quotegraph-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runTs(code: string, name: string): string {
  const r = runTsBlock(code, join(dir, `${name}.mts`));
  expect([r.status, r.stderr]).toEqual([0, '']);
  return r.stdout;
}

describe('the README code blocks', () => {
  it('are the blocks this test knows how to run (a new kind of block needs a way to run it here)', () => {
    expect(blocks.map((b) => b.lang)).toEqual(['sh', 'ts', 'sh', 'jsonc', 'ts', 'sh', 'yaml', 'sh', 'sh', '']);
  });

  it('the "Many machines" blocks (a Kubernetes Job, a Slurm array, the queue) are valid shell and name only commands and options the CLI has', () => {
    // they need a cluster, a batch system or the services, so they are checked, not run (test:distributed runs the queue)
    const many = blocks.slice(6, 9);
    expect(many.map((b) => b.lang)).toEqual(['yaml', 'sh', 'sh']);
    const commands: string[] = [];
    for (const b of many) {
      if (b.lang === 'sh') expect(spawnSync('bash', ['-n'], { input: b.code, encoding: 'utf8' }).status).toBe(0);
      for (const m of b.code.matchAll(/quotegraph (\w[\w-]*)((?: [^\n"'#]*)?)/g)) commands.push(`${m[1]}${m[2]}`);
    }
    expect(commands.length).toBeGreaterThanOrEqual(9);
    for (const c of commands) {
      const [cmd, ...rest] = c.trim().split(/\s+/);
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...(cmd === 'db' ? ['db', 'migrate'] : [cmd!]), '--help'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
      expect([c, r.status]).toEqual([c, 0]);
      // every option the block passes is one the command's help names
      for (const opt of rest.filter((w) => w.startsWith('--'))) expect([c, opt, r.stdout.includes(opt)]).toEqual([c, opt, true]);
    }
  }, 180_000);

  it('the library example prints the lines its comments show, in order', () => {
    const block = blocks.filter((b) => b.lang === 'ts')[0]!;
    const printed = runTs(block.code, 'example').split('\n').filter((l) => l.length > 0);
    const shown = block.code.split('\n').filter((l) => /^\/\/ [^:]+: “/.test(l)).map((l) => l.slice(3));
    expect(shown.length).toBe(3);
    let at = 0;
    for (const line of shown) {
      const prefix = line.split('…')[0]!;
      const found = printed.findIndex((p, i) => i >= at && (line.includes('…') ? p.startsWith(prefix) : p === line));
      expect([line, found >= 0]).toEqual([line, true]);
      at = found + 1;
    }
  });

  it('the pipeline example runs', () => {
    const block = blocks.filter((b) => b.lang === 'ts')[1]!;
    expect(runTs(block.code, 'pipeline')).toBe('');
  });

  it('the JSON example is part of the graph of its text', () => {
    const example = JSON.parse(blocks.find((b) => b.lang === 'jsonc')!.code) as { text: string; meta: { published: string }; nodes: object[]; edges: object[] };
    const graph = extract(example.text, { published: example.meta.published });
    for (const n of example.nodes) expect(graph.nodes).toContainEqual(n);
    for (const e of example.edges) expect(graph.edges).toContainEqual(e);
    expect(graph.meta).toEqual(example.meta);
  });

  it('the command-line block runs on the test corpus: extract, index, search, report', () => {
    const block = blocks.filter((b) => b.lang === 'sh')[2]!;
    const lines = block.code.split('\n').filter((l) => l.startsWith('quotegraph ')).map((l) => l.replace(/\s+#.*$/, ''));
    expect(lines.length).toBe(4);
    for (const line of lines) {
      const args = (line.match(/"[^"]*"|\S+/g) ?? []).slice(1).map((a) => a.replace(/^"|"$/g, '').replace(/^articles\/$/, join(ROOT, 'test-corpus', 'articles')).replace(/^[\w-]+\.(jsonl|db|html)$/, (f) => join(dir, f)));
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
      expect([line, r.status]).toEqual([line, 0]);
      if (args[0] === 'search') expect(r.stdout).toMatch(/Lavrov/);
    }
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  }, 180_000);
});
