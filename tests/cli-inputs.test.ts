import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
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

const record = (id: string, text: string): string => JSON.stringify({ id, text });
/** The input-* diagnostics of a graph, as `code: message`. */
const inputNotes = (g: { diagnostics: ReadonlyArray<{ code: string; message: string }> }): string[] =>
  g.diagnostics.filter((d) => d.code.startsWith('input-')).map((d) => `${d.code}: ${d.message}`);

describe('17.8 inputs that are not regular files', () => {
  it('a named pipe or a device behind a .txt / .jsonl name is skipped at once, named', () => {
    const dir = scratch('not-regular', { 'in/a.txt': ARTICLE });
    execFileSync('mkfifo', [join(dir, 'in', 'pipe.txt'), join(dir, 'in', 'pipe.jsonl')]);
    symlinkSync('/dev/zero', join(dir, 'in', 'zero.txt'));
    const r = runCli(['extract', 'in', 'in/zero.txt', '--jobs', '1'], { cwd: dir, timeout: 60_000 });
    expect([r.status, r.signal]).toEqual([3, null]);
    expect(graphsIn(r.stdout).map((g) => g.id)).toEqual(['a.txt']);
    expect(skippedLines(r.stderr)).toEqual([
      'quotegraph: skipped pipe.jsonl: not a regular file (a named pipe): only regular files are read',
      'quotegraph: skipped pipe.txt: not a regular file (a named pipe): only regular files are read',
      'quotegraph: skipped zero.txt: not a regular file (a device): only regular files are read',
      'quotegraph: skipped in/zero.txt: not a regular file (a device): only regular files are read',
    ]);
  }, SPAWN_TIMEOUT);
});

describe('17.5 a JSONL line over --max-bytes', () => {
  it('is passed over as it is read, named with its size, and the lines after it are read', () => {
    const long = record('big', `${'word '.repeat(20_000)}end.`);
    const dir = scratch('long-line', { 'long.jsonl': `${record('one', ARTICLE)}\r\n${long}\r\n${record('three', OTHER)}\n` });
    const r = runCli(['extract', 'long.jsonl', '--max-bytes', '64k', '--jobs', '1'], { cwd: dir });
    expect(r.status).toBe(3);
    expect(graphsIn(r.stdout).map((g) => [g.id, g.text])).toEqual([['one', ARTICLE], ['three', OTHER]]);
    expect(skippedLines(r.stderr)).toEqual([
      `quotegraph: skipped long.jsonl:2: over the size limit (a line of ${long.length} bytes > --max-bytes 65536, which applies to each JSONL line as it is read; the line was passed over unread)`,
    ]);
  }, SPAWN_TIMEOUT);
});

describe('17.15 JSONL inputs are decoded as .txt files are', () => {
  it('a Windows-1252 line and a UTF-16 file with a byte-order mark, each record with the note', () => {
    const latin = Buffer.concat([Buffer.from(`${record('u1', ARTICLE)}\n`), Buffer.from('{"id":"w1","text":"Caf\xe9 owners protest. \\"We cannot pay,\\" said Ana Ruiz."}\n', 'latin1')]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${record('s1', 'Caf\u00e9 “open”.')}\r\n${record('s2', OTHER)}\r\n`, 'utf16le')]);
    const dir = scratch('jsonl-encodings', { 'latin.jsonl': latin, 'utf16.jsonl': utf16 });
    const r = runCli(['extract', 'latin.jsonl', 'utf16.jsonl', '--jobs', '1'], { cwd: dir });
    expect([r.status, skippedLines(r.stderr)]).toEqual([0, []]);
    expect(graphsIn(r.stdout).map((g) => [g.id, g.text, inputNotes(g)])).toEqual([
      ['u1', ARTICLE, []],
      ['w1', 'Café owners protest. "We cannot pay," said Ana Ruiz.', ['input-encoding: not valid UTF-8: decoded as Windows-1252 (Latin-1)']],
      ['s1', 'Café “open”.', ['input-encoding: decoded as UTF-16LE (byte-order mark)']],
      ['s2', OTHER, ['input-encoding: decoded as UTF-16LE (byte-order mark)']],
    ]);
  }, SPAWN_TIMEOUT);

  it('a binary file behind a .jsonl name is skipped as a binary .txt file is', () => {
    const dir = scratch('jsonl-binary', { 'bin.jsonl': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x0a, 0x41]) });
    const r = runCli(['extract', 'bin.jsonl', '--jobs', '1'], { cwd: dir });
    expect([r.status, skippedLines(r.stderr)]).toEqual([3, ['quotegraph: skipped bin.jsonl: binary file (not text)']]);
  }, SPAWN_TIMEOUT);
});

describe('17.22 blank JSONL lines', () => {
  it('are counted and named on standard error, not passed over silently', () => {
    const dir = scratch('jsonl-blank', { 'blank.jsonl': `${record('one', ARTICLE)}\n\n${record('two', OTHER)}\n  \n` });
    const r = runCli(['extract', 'blank.jsonl', '--jobs', '1'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(graphsIn(r.stdout).map((g) => g.id)).toEqual(['one', 'two']);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('quotegraph: note: '))).toEqual(['quotegraph: note: blank.jsonl: 2 blank lines passed over (lines 2, 4)']);
  }, SPAWN_TIMEOUT);
});

describe('17.6 an unreadable sub-folder', () => {
  // Root reads a folder whatever its mode, so as root the CLI runs as nobody (uid 65534), for
  // whom `chmod 000` really makes the folder unreadable (EACCES), with the scratch tree readable.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  it('is named with the reason, and the run goes on with the rest', () => {
    const dir = scratch('locked-folder', { 'in/a.txt': ARTICLE, 'in/locked/b.txt': OTHER, 'in/z.txt': OTHER });
    chmodSync(tmp, 0o755);
    chmodSync(join(dir, 'in', 'locked'), 0o000);
    try {
      const r = runCli(['extract', 'in', '--jobs', '1'], { cwd: dir, ...asUser });
      expect(r.status).toBe(3);
      expect(graphsIn(r.stdout).map((g) => g.id)).toEqual(['a.txt', 'z.txt']);
      expect(skippedLines(r.stderr)).toEqual(['quotegraph: skipped locked: unreadable folder: permission denied']);
      expect(summaryOf(r.stderr)).toMatch(/^quotegraph: 2 written, 1 skipped in .*; skipped: locked \(unreadable folder: permission denied\)$/);
    } finally {
      chmodSync(join(dir, 'in', 'locked'), 0o755);
    }
  }, SPAWN_TIMEOUT);
});

describe('17.22 a file name that is not valid UTF-8', () => {
  it('is read by its bytes when found in a folder, shown with \\xNN for the bytes that are not UTF-8', () => {
    const dir = scratch('latin1-names', { 'in/ok.txt': OTHER, 'in/sub/': '' });
    const raw = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    writeFileSync(raw(join(dir, 'in'), '/caf', [0xe9], '.txt'), ARTICLE);
    mkdirSync(raw(join(dir, 'in'), '/d', [0xff]));
    writeFileSync(raw(join(dir, 'in'), '/d', [0xff], '/x.txt'), OTHER);
    const r = runCli(['extract', 'in', '--jobs', '1'], { cwd: dir });
    expect([r.status, skippedLines(r.stderr)]).toEqual([0, []]);
    expect(graphsIn(r.stdout).map((g) => [g.id, g.text])).toEqual([['caf\\xe9.txt', ARTICLE], ['d\\xff/x.txt', OTHER], ['ok.txt', OTHER]]);
  }, SPAWN_TIMEOUT);

  it('named on the command line (which turns it into U+FFFD) is skipped with the reason', () => {
    const dir = scratch('latin1-arg', {});
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), ARTICLE);
    const r = runCli(['extract', 'caf\ufffd.txt', '--jobs', '1'], { cwd: dir });
    expect([r.status, skippedLines(r.stderr)]).toEqual([3, ['quotegraph: skipped caf\ufffd.txt: unreadable: no such file; its name is not valid UTF-8, which the command line cannot pass on: name the folder that holds it instead']]);
  }, SPAWN_TIMEOUT);
});

describe('17.18 file names in skip messages', () => {
  it('are escaped for the terminal, in the skip line and the summary', () => {
    const dir = scratch('evil-names', { 'in/evil\u001b]0;pwned\u0007.txt': '', 'in/two\nlines.txt': '' });
    const r = runCli(['extract', 'in', '--jobs', '1'], { cwd: dir });
    expect(r.status).toBe(3);
    expect(skippedLines(r.stderr)).toEqual([
      'quotegraph: skipped evil\\x1b]0;pwned\\x07.txt: empty file',
      'quotegraph: skipped two\\nlines.txt: empty file',
    ]);
    expect(summaryOf(r.stderr)).toMatch(/; skipped: evil\\x1b\]0;pwned\\x07\.txt \(empty file\); two\\nlines\.txt \(empty file\)$/);
  }, SPAWN_TIMEOUT);
});
