import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { capJobs, outOfMemoryReason, workerHeapMb } from '../src/cli/extract/limits.js';
import { Progress } from '../src/cli/extract/progress.js';
import { createRunner, timeoutReason } from '../src/cli/extract/runner.js';
import { SPAWN_TIMEOUT, runCli as cli } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const tmp = mkdtempSync(join(tmpdir(), 'quotegraph-workers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A scratch folder of small news documents, `name.txt` → text. */
function folder(name: string, docs: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(docs)) writeFileSync(join(dir, file), text);
  return dir;
}

const DOCS = {
  'a.txt': '“We will rebuild the harbour,” said Mayor Ana Ruiz on Monday.',
  'b.txt': 'The library reopens on Friday, its director, Tom Black, said.',
};
const idsOf = (jsonl: string): string[] => jsonl.split('\n').filter((l) => l.length > 0).map((l) => (JSON.parse(l) as { id: string }).id);
const summaryOf = (stderr: string): string => stderr.trim().split('\n').at(-1)!;

describe('--jobs is capped (17.19)', () => {
  it.each([
    [99999, { cores: 2, freeMb: 24000 }, 4, '--jobs 99999 lowered to 4: at most 2 workers a core (2 cores)'],
    [32, { cores: 1, freeMb: 24000 }, 2, '--jobs 32 lowered to 2: at most 2 workers a core (1 core)'],
    [8, { cores: 8, freeMb: 700 }, 3, '--jobs 8 lowered to 3: 700 MB of free memory holds about 3 busy workers (200 MB each)'],
    [8, { cores: 8, freeMb: 100 }, 1, '--jobs 8 lowered to 1: 100 MB of free memory holds about 1 busy worker (200 MB each)'],
    [4, { cores: 2, freeMb: 24000 }, 4, undefined],
    [1, { cores: 1, freeMb: 10 }, 1, undefined],
  ] as const)('--jobs %i on %o gives %i', (requested, m, jobs, note) => {
    expect(capJobs(requested, m)).toEqual(note === undefined ? { jobs } : { jobs, note });
  });

  it('runs --jobs 99999 with a message, and starts no more workers than documents', () => {
    const dir = folder('jobs', DOCS);
    const r = cli(['extract', dir, '--jobs', '99999']);
    expect(r.status).toBe(0);
    expect(idsOf(r.stdout)).toEqual(['a.txt', 'b.txt']);
    const cap = availableParallelism() * 2;
    expect(r.stderr.split('\n')[0]).toBe(`quotegraph: --jobs 99999 lowered to ${cap}: at most 2 workers a core (${availableParallelism()} core${availableParallelism() === 1 ? '' : 's'})`);
    // two documents: two workers at most, whatever the cap
    expect(summaryOf(r.stderr)).toMatch(/^quotegraph: 2 written, 0 skipped in [\d.]+ s \(.*, [12] jobs?, CPU/);
  }, SPAWN_TIMEOUT);
});

describe('the worker heap cap agrees with --max-bytes (17.14)', () => {
  it.each([[1024, 512], [4 * 1024 * 1024, 512], [8 * 1024 * 1024, 896], [20 * 1024 * 1024, 2048], [100 * 1024 * 1024, 9728]])('--max-bytes %i gives a %i MB heap cap', (maxBytes, heapMb) => {
    expect(workerHeapMb(maxBytes)).toBe(heapMb);
  });

  it('a document that runs its worker out of memory is skipped with what to do, and the next document is done', async () => {
    const runner = await createRunner(2, { heapMb: 48 });
    try {
      const big = 'The mayor said the harbour would reopen on Monday after the storm. '.repeat(40_000);
      const [oom, ok] = await Promise.all([
        runner.run({ id: 'big', text: big, html: false, notes: [] }),
        runner.run({ id: 'ok', text: 'It rained.', html: false, notes: [] }),
      ]);
      expect(oom).toEqual({ ok: false, error: outOfMemoryReason(48), words: 0 });
      expect(outOfMemoryReason(48)).toBe('ran out of memory in a worker (heap cap 48 MB, set by --max-bytes); skip documents this large with a lower --max-bytes, or give each worker more memory with a higher --max-bytes and fewer --jobs');
      expect(ok.ok).toBe(true);
      const after = await runner.run({ id: 'after', text: 'It snowed.', html: false, notes: [] });
      expect(after.ok).toBe(true);
    } finally {
      await runner.close();
    }
  }, SPAWN_TIMEOUT);
});

describe('--doc-timeout (17.10)', () => {
  it('stops a document past its time, names it, and the run goes on with a fresh worker', async () => {
    const runner = await createRunner(1, { heapMb: 512, docTimeoutMs: 1 });
    try {
      // a worker cannot even start within 1 ms: both documents are stopped, one after the other
      const results = await Promise.all([
        runner.run({ id: 'a', text: 'It rained.', html: false, notes: [] }),
        runner.run({ id: 'b', text: 'It snowed.', html: false, notes: [] }),
      ]);
      expect(results).toEqual([
        { ok: false, error: timeoutReason(1), words: 0 },
        { ok: false, error: timeoutReason(1), words: 0 },
      ]);
      expect(timeoutReason(1)).toBe('still running after --doc-timeout 0.001 s; stopped (its worker replaced)');
    } finally {
      await runner.close();
    }
  }, SPAWN_TIMEOUT);

  it('skips every document that outlives the limit with its name, exit 3 and a summary', () => {
    const dir = folder('timeout', DOCS);
    const r = cli(['extract', dir, '--jobs', '2', '--doc-timeout', '0.001']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    const reason = 'still running after --doc-timeout 0.001 s; stopped (its worker replaced)';
    expect(r.stderr.split('\n').filter((l) => l.startsWith('quotegraph: skipped '))).toEqual([
      `quotegraph: skipped a.txt: ${reason}`,
      `quotegraph: skipped b.txt: ${reason}`,
    ]);
    expect(summaryOf(r.stderr)).toMatch(new RegExp(`^quotegraph: 0 written, 2 skipped in .*; skipped: a\\.txt \\(${reason.replace(/[.()]/g, '\\$&')}\\); b\\.txt \\(`));
  }, SPAWN_TIMEOUT);

  it('--doc-timeout 0 sets no limit', () => {
    const r = cli(['extract', folder('no-timeout', DOCS), '--jobs', '1', '--doc-timeout', '0']);
    expect(r.status).toBe(0);
    expect(idsOf(r.stdout)).toEqual(['a.txt', 'b.txt']);
  }, SPAWN_TIMEOUT);

  it.each(['-1', 'soon', '1e3', ''])('--doc-timeout %j is a usage error', (v) => {
    const r = cli(['extract', folder('bad-timeout', DOCS), '--doc-timeout', v]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`quotegraph: --doc-timeout takes seconds such as 120 or 0.5 (0: no limit), not "${v}"\n`);
  }, SPAWN_TIMEOUT);
});

/** Starts the CLI, sends SIGINT once the first graph is written to `out` (or standard output), and waits for it to end. */
function interrupted(args: string[], out?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const maybeInterrupt = (): void => {
      if (sent) return;
      const written = out === undefined ? stdout : (() => { try { return readFileSync(out, 'utf8'); } catch { return ''; } })();
      if (!written.includes('\n')) return;
      sent = true;
      child.kill('SIGINT');
    };
    const poll = setInterval(maybeInterrupt, 50);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      maybeInterrupt();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('Ctrl-C (17.22)', () => {
  const many: Record<string, string> = {};
  const names: string[] = [];
  for (let i = 0; i < 400; i++) {
    const name = `doc-${String(i).padStart(3, '0')}.txt`;
    names.push(name);
    many[name] = `“We will rebuild pier ${i},” said Mayor Ana Ruiz on Monday. The council approved the plan, its chair, Tom Black, said.`;
  }
  const dir = folder('many', many);

  it('stops the workers, keeps whole lines, prints the summary and how to go on, exits 130; --resume then does the rest', async () => {
    const out = join(tmp, 'interrupted.jsonl');
    const r = await interrupted(['extract', dir, '--jobs', '2', '--out', out], out);
    expect(r.status).toBe(130);
    const written = idsOf(readFileSync(out, 'utf8'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(names.length);
    expect(written).toEqual(names.slice(0, written.length));
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-2)).toMatch(new RegExp(`^quotegraph: ${written.length} written, 0 skipped in [\\d.]+ s \\(`));
    expect(lines.at(-1)).toBe('quotegraph: interrupted; the graphs written are whole lines; run the same command with --resume to go on');
    const resumed = cli(['extract', dir, '--jobs', '2', '--out', out, '--resume']);
    expect(resumed.status).toBe(0);
    expect(idsOf(readFileSync(out, 'utf8'))).toEqual(names);
  }, SPAWN_TIMEOUT);

  it('on standard output, says how to be able to go on', async () => {
    const r = await interrupted(['extract', dir, '--jobs', '1']);
    expect(r.status).toBe(130);
    const written = idsOf(r.stdout);
    expect(written).toEqual(names.slice(0, written.length));
    expect(r.stderr.trim().split('\n').at(-1)).toBe('quotegraph: interrupted; the graphs written to standard output are whole lines; to be able to go on, write to a file with --out FILE and run again with --resume');
  }, SPAWN_TIMEOUT);

  it('the progress bar shows the cursor again when it stops', () => {
    let written = '';
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    stream.on('data', (d: Buffer) => (written += d.toString('utf8')));
    const progress = new Progress(100, { written: 0, skipped: [], resumed: 0, words: 0, startedAt: performance.now() }, stream as unknown as NodeJS.WriteStream);
    progress.advance(10);
    progress.stop();
    expect(written).toContain('\u001b[?25l');
    expect(written.lastIndexOf('\u001b[?25h')).toBeGreaterThan(written.lastIndexOf('\u001b[?25l'));
  });
});
