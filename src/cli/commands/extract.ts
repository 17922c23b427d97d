import { listSources, readItems } from '../extract/inputs.js';
import { INTERRUPTED_EXIT, interruptedLine, onInterrupt } from '../extract/interrupt.js';
import { Progress, type RunStats } from '../extract/progress.js';
import { openOutput } from '../extract/output.js';
import { idsWritten } from '../extract/resume.js';
import { DEFAULT_DOC_TIMEOUT_S, capJobs, machine, parseDocTimeout, workerHeapMb } from '../extract/limits.js';
import { createRunner, defaultJobs, type Replaced } from '../extract/runner.js';
import { OrderedWindow, WINDOW_CHARS } from '../../node/ordered.js';
import { READ_FLAGS, readSettings, taskFor } from '../extract/settings.js';
import type { ExtractResult } from '../extract/task.js';
import { escapeInline } from '../terminal.js';
import { UsageError, parseArgs, parsePositiveInt } from '../usage.js';

export const EXTRACT_HELP = `quotegraph extract <input…> [options]

Inputs: files, folders (read recursively), globs, or - for standard input.
  .txt  a document           .html/.htm  a web page
  .json a record or an array of records   .jsonl a record a line

Options:
  --out FILE              write the JSONL graphs here (default: standard output)
  --jobs N                worker threads (default: the number of cores; at most 2 a core)
  --shard K/N             only the K-th of N stable hash-partitions of the inputs; --shard N
                          takes K from JOB_COMPLETION_INDEX (Kubernetes, from 0) or
                          SLURM_ARRAY_TASK_ID (Slurm, from SLURM_ARRAY_TASK_MIN)
  --resume                skip ids already in --out and append the rest
  --text-field F          the text of a JSON record (default: text)
  --id-field F            the id of a JSON record (default: id)
  --published-field F     the publication date of a JSON record (default: published)
  --title-field F         the title of a JSON record (default: title)
  --outlet-field F        the outlet of a JSON record (default: outlet)
  --url-field F           the address of a JSON record's article (default: url)
  --published DATE        the publication date of every plain-text input (a folder's
                          manifest.jsonl may give each file its own, and a title, outlet, url)
  --max-bytes N           skip documents larger than this (default 20M; k and M suffixes);
                          in JSONL, each line (one record) is held to it as it is read
  --stdin-format F        how to read -: txt, html, json or jsonl (default: txt)
  --doc-timeout S         skip a document still running after S seconds (default 120; 0: no limit)

Exit status: 0 every input gave a graph, 3 some were skipped (the rest written),
2 usage error, 1 any other failure, 130 stopped by Ctrl-C (go on with --resume).`;

/** How many listed skips the summary names before it only counts them. */
const SUMMARY_NAMES = 20;

/** `quotegraph extract`: one annotation graph per input document, as JSONL, in input order. */
export async function runExtract(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, {
    values: ['out', 'jobs', ...READ_FLAGS, 'doc-timeout'],
    booleans: ['resume', 'help'],
  });
  if (options.help === true) {
    process.stdout.write(`${EXTRACT_HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('extract needs at least one input (a file, folder, glob or -)');
  const out = typeof options.out === 'string' ? options.out : undefined;
  if (options.resume === true && out === undefined) throw new UsageError('--resume needs --out FILE (the output to continue)');
  const capped = capJobs(options.jobs === undefined ? defaultJobs() : parsePositiveInt(options.jobs, '--jobs'), machine());
  if (capped.note !== undefined) process.stderr.write(`quotegraph: ${capped.note}\n`);
  const jobs = capped.jobs;
  const docTimeoutMs = options['doc-timeout'] === undefined ? DEFAULT_DOC_TIMEOUT_S * 1000 : parseDocTimeout(options['doc-timeout']);
  const { settings, published } = readSettings(options);
  const stdinFormat = settings.stdinFormat;

  const listed = await listSources(positionals, stdinFormat);
  const output = out === undefined ? undefined : openOutput(out, options.resume === true, listed);
  const sources = output?.sources ?? listed;
  const already = options.resume === true && out !== undefined ? idsWritten(out) : new Set<string>();
  const sink = output?.stream ?? process.stdout;
  let sinkError: Error | undefined;
  sink.on('error', (err: Error) => {
    sinkError ??= err;
  });

  const stats: RunStats = { written: 0, skipped: [], resumed: 0, words: 0, startedAt: performance.now() };
  const progress = new Progress(sources.reduce((n, s) => n + s.size, 0), stats);
  const runner = await createRunner(jobs, { heapMb: workerHeapMb(settings.maxBytes), docTimeoutMs });
  // Ctrl-C stops the workers now; what they were doing is dropped, what was written stays.
  const interrupt = onInterrupt(() => void runner.close());
  const skip = (id: string, reason: string): void => {
    stats.skipped.push({ id, reason });
    progress.log(`quotegraph: skipped ${escapeInline(id)}: ${escapeInline(reason)}`);
  };

  // Results are written in input order: a window of documents runs ahead while the oldest
  // is awaited. It is wide enough that a long document at its head leaves no worker idle,
  // and bounded in documents and in characters, so memory does not grow with the corpus.
  const window = new OrderedWindow<{ id: string; result: Promise<ExtractResult> | string }>(Math.max(8, jobs * 16), WINDOW_CHARS);
  const flushOldest = async (): Promise<void> => {
    const { value: head, weight: bytes } = window.shift();
    progress.advance(bytes);
    if (typeof head.result === 'string') return skip(head.id, head.result);
    const r = await head.result;
    if (interrupt.stopped) return;
    stats.words += r.words;
    if (!r.ok) return skip(head.id, r.error);
    if (sinkError) return;
    if (!sink.write(`${r.line}\n`)) await drained(sink);
    stats.written++;
  };

  try {
    for await (const item of readItems(sources, settings)) {
      if (sinkError || interrupt.stopped) break;
      if (item.kind === 'note') {
        progress.log(`quotegraph: note: ${escapeInline(item.name)}: ${escapeInline(item.message)}`);
        continue;
      }
      if (item.kind === 'skip') {
        window.push({ id: item.name, result: item.reason });
      } else if (already.has(item.id)) {
        stats.resumed++;
        progress.advance(item.text.length);
        continue;
      } else {
        window.push({ id: item.id, result: runner.run(taskFor(item, published)) }, item.text.length);
      }
      while (window.full) await flushOldest();
    }
    while (window.size > 0 && !interrupt.stopped) await flushOldest();
  } finally {
    await runner.close();
    progress.stop();
    interrupt.dispose();
  }
  if (sink !== process.stdout) {
    await new Promise<void>((resolve) => (sink as NodeJS.WritableStream).end(resolve));
  }
  if (sinkError) {
    process.stderr.write(`quotegraph: cannot write ${out ?? 'standard output'}: ${sinkError.message}\n`);
    return 1;
  }
  process.stderr.write(`${summaryLine(stats, jobs > 1 ? Math.max(1, runner.workers) : 1, runner.replaced)}\n`);
  if (interrupt.stopped) {
    process.stderr.write(`${interruptedLine(out)}\n`);
    return INTERRUPTED_EXIT;
  }
  return stats.skipped.length > 0 ? 3 : 0;
}

/** Resolves when a stream that refused a write can take more (or has failed). */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}

/** The line printed at the end of every run, terminal or not. */
export function summaryLine(stats: RunStats, jobs: number, replaced?: Readonly<Replaced>): string {
  const seconds = (performance.now() - stats.startedAt) / 1000;
  const rate = (n: number): string => (seconds > 0 ? Math.round(n / seconds).toLocaleString('en-US') : '0');
  const usage = process.resourceUsage();
  const peakMb = Math.round(usage.maxRSS / 1024);
  // CPU time of every thread, workers included: what the work cost, whatever else runs on the machine.
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  let line = `quotegraph: ${stats.written} written, ${stats.skipped.length} skipped`;
  if (stats.resumed > 0) line += `, ${stats.resumed} already in the output`;
  line += ` in ${seconds.toFixed(1)} s (${rate(stats.written)} docs/s, ${rate(stats.words)} words/s, ${jobs} job${jobs === 1 ? '' : 's'}, CPU ${cpuSeconds.toFixed(1)} s, peak memory ${peakMb} MB)`;
  const why = replaced ? replacedWorkers(replaced) : '';
  if (why.length > 0) line += `; workers replaced: ${why}`;
  if (stats.skipped.length > 0) {
    const named = stats.skipped.slice(0, SUMMARY_NAMES).map((s) => `${escapeInline(s.id)} (${escapeInline(s.reason)})`);
    if (stats.skipped.length > SUMMARY_NAMES) named.push(`and ${stats.skipped.length - SUMMARY_NAMES} more`);
    line += `; skipped: ${named.join('; ')}`;
  }
  return line;
}

/** The workers a run replaced, by why ("3 recycled (heap bound), 1 died"); empty when none was. */
export function replacedWorkers(r: Readonly<Replaced>): string {
  const parts: string[] = [];
  if (r.recycled > 0) parts.push(`${r.recycled} recycled (heap bound)`);
  if (r.died > 0) parts.push(`${r.died} died (out of memory or crashed; only its document skipped)`);
  if (r.stopped > 0) parts.push(`${r.stopped} stopped by --doc-timeout`);
  return parts.join(', ');
}
