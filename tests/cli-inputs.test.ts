import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphsIn, runCli, skippedLines } from './helpers/cli.js';

/** Tests that start the CLI several times get longer than the default, for busy machines. */
const SPAWN_TIMEOUT = 180_000;
const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-cli-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ARTICLE = 'Talks resumed on Monday. "We are hopeful," the mediator said.\n';
const OTHER = 'The port reopened on Tuesday. "The cranes are moving again," Ingrid Solberg said.\n';

/** A fresh scratch folder holding the given files (a path ending in / is a folder). */
function scratch(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    if (path.endsWith('/')) mkdirSync(join(dir, path), { recursive: true });
    else {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  }
  return dir;
}

/** The last line of standard error: the run's summary. */
const summaryOf = (stderr: string): string => stderr.trimEnd().split('\n').at(-1)!;

describe('17.1 --out naming an input', () => {
  it('is a usage error, and the input is left as it was', () => {
    const dir = scratch('out-is-input', { 'a.txt': ARTICLE });
    const r = runCli(['extract', 'a.txt', '--out', 'a.txt'], { cwd: dir });
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'quotegraph: --out a.txt is also an input (a.txt): write the graphs to another file\n']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(ARTICLE);
  }, SPAWN_TIMEOUT);

  it('is found through a link to it, or another spelling of its path', () => {
    const dir = scratch('out-is-linked-input', { 'a.txt': ARTICLE, 'sub/': '' });
    symlinkSync('a.txt', join(dir, 'link.txt'));
    const linked = runCli(['extract', 'link.txt', '--out', 'a.txt'], { cwd: dir });
    expect([linked.status, linked.stderr]).toEqual([2, 'quotegraph: --out a.txt is also an input (link.txt): write the graphs to another file\n']);
    const spelled = runCli(['extract', 'sub/../a.txt', '--out', './a.txt', '--resume'], { cwd: dir });
    expect([spelled.status, spelled.stderr]).toEqual([2, 'quotegraph: --out ./a.txt is also an input (sub/../a.txt): write the graphs to another file\n']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(ARTICLE);
  }, SPAWN_TIMEOUT);

  it('that does not exist yet is refused too, and not left behind', () => {
    const dir = scratch('out-is-missing-input', {});
    const r = runCli(['extract', 'new.txt', '--out', 'new.txt'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([2, 'quotegraph: --out new.txt is also an input (new.txt): write the graphs to another file\n']);
    expect(existsSync(join(dir, 'new.txt'))).toBe(false);
  }, SPAWN_TIMEOUT);
});

describe('17.2 --out inside an input folder', () => {
  it('is never read as input: a second run writes the same graphs again', () => {
    const dir = scratch('out-in-folder', { 'corpus/a.txt': ARTICLE, 'corpus/b.txt': OTHER });
    const first = runCli(['extract', 'corpus', '--out', 'corpus/graphs.jsonl', '--jobs', '1'], { cwd: dir, timeout: 60_000 });
    expect(first.status).toBe(0);
    const once = readFileSync(join(dir, 'corpus', 'graphs.jsonl'), 'utf8');
    expect(graphsIn(once).map((g) => g.id)).toEqual(['a.txt', 'b.txt']);
    const second = runCli(['extract', 'corpus', '--out', 'corpus/graphs.jsonl', '--jobs', '1'], { cwd: dir, timeout: 60_000 });
    expect([second.status, skippedLines(second.stderr)]).toEqual([0, []]);
    expect(summaryOf(second.stderr)).toMatch(/^quotegraph: 2 written, 0 skipped in /);
    expect(readFileSync(join(dir, 'corpus', 'graphs.jsonl'), 'utf8')).toBe(once);
  }, SPAWN_TIMEOUT);

  it('is left out with --resume too, which then has nothing left to do', () => {
    const dir = scratch('out-in-folder-resume', { 'corpus/a.txt': ARTICLE, 'corpus/b.txt': OTHER });
    runCli(['extract', 'corpus', '--out', 'corpus/graphs.jsonl', '--jobs', '1'], { cwd: dir, timeout: 60_000 });
    const once = readFileSync(join(dir, 'corpus', 'graphs.jsonl'), 'utf8');
    const again = runCli(['extract', 'corpus', '--out', 'corpus/graphs.jsonl', '--jobs', '1', '--resume'], { cwd: dir, timeout: 60_000 });
    expect([again.status, skippedLines(again.stderr)]).toEqual([0, []]);
    expect(summaryOf(again.stderr)).toMatch(/^quotegraph: 0 written, 0 skipped, 2 already in the output in /);
    expect(readFileSync(join(dir, 'corpus', 'graphs.jsonl'), 'utf8')).toBe(once);
  }, SPAWN_TIMEOUT);
});

describe('17.20 --out naming a folder', () => {
  it.each([[[]], [['--resume']]])('is a usage error, not a stack trace (%j)', (extra) => {
    const dir = scratch('out-is-folder', { 'a.txt': ARTICLE, 'graphs/': '' });
    const r = runCli(['extract', 'a.txt', '--out', 'graphs', ...extra], { cwd: dir });
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'quotegraph: cannot write --out graphs: is a folder: give a file name, such as graphs.jsonl inside it\n']);
  }, SPAWN_TIMEOUT);
});

describe('17.3 the same file name in two input folders', () => {
  it('gives unique ids: the folder name goes before those shared, the others stay as they are', () => {
    const dir = scratch('same-names', { '2015/a.txt': ARTICLE, '2016/a.txt': OTHER, '2016/b.txt': ARTICLE });
    const r = runCli(['extract', '2015', '2016/', '2016/b.txt', '--jobs', '1'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(graphsIn(r.stdout).map((g) => [g.id, g.text])).toEqual([
      ['2015/a.txt', ARTICLE],
      ['2016/a.txt', OTHER],
      ['b.txt', ARTICLE],
      ['2016/b.txt', ARTICLE],
    ]);
  }, SPAWN_TIMEOUT);

  it('the same file named twice is told apart by a suffix', () => {
    const dir = scratch('same-file-twice', { 'a.txt': ARTICLE });
    const r = runCli(['extract', 'a.txt', './a.txt', '--jobs', '1'], { cwd: dir });
    expect(graphsIn(r.stdout).map((g) => g.id)).toEqual(['a.txt', 'a.txt~2']);
  }, SPAWN_TIMEOUT);
});
