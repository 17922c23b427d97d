import cliProgress from 'cli-progress';

/** What a run has done so far, for the progress bar and the summary line. */
export interface RunStats {
  written: number;
  skipped: Array<{ id: string; reason: string }>;
  resumed: number;
  words: number;
  readonly startedAt: number;
}

/**
 * Progress on standard error when it is a terminal (documents, words/s, skipped, ETA
 * from bytes read against bytes listed); nothing otherwise. `log` prints a line above
 * the bar, or plainly without one.
 */
export class Progress {
  private readonly multi: cliProgress.MultiBar | undefined;
  private readonly bar: cliProgress.SingleBar | undefined;
  private done = 0;
  private lastDraw = 0;

  constructor(private readonly total: number, private readonly stats: RunStats, stream: NodeJS.WriteStream = process.stderr) {
    if (!stream.isTTY || total <= 0) return;
    this.multi = new cliProgress.MultiBar({
      stream,
      format: ' {bar} {percentage}% | {docs} docs | {wps} words/s | {skippedCount} skipped | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
      fps: 5,
    }, cliProgress.Presets.shades_classic);
    this.bar = this.multi.create(total, 0, this.payload());
  }

  private payload(): Record<string, string | number> {
    const seconds = Math.max(0.001, (performance.now() - this.stats.startedAt) / 1000);
    return { docs: this.stats.written, wps: Math.round(this.stats.words / seconds), skippedCount: this.stats.skipped.length };
  }

  advance(bytes: number): void {
    this.done = Math.min(this.total, this.done + bytes);
    if (!this.bar) return;
    const now = performance.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.bar.update(this.done, this.payload());
  }

  log(line: string): void {
    if (this.multi) this.multi.log(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  }

  stop(): void {
    if (!this.multi || !this.bar) return;
    this.bar.update(this.total, this.payload());
    this.multi.stop();
  }
}
