import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnnotationGraph } from '../../src/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Tests that start the CLI several times get longer than the default, for busy machines. */
export const SPAWN_TIMEOUT = 180_000;
/** tsx by its file, so that a run in another working folder finds it. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** What a run of the CLI gave. */
export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI from source, as `quotegraph …` would run from dist, with the options of
 * `spawnSync` (cwd, uid, timeout…) where a test needs them.
 */
export function runCli(args: readonly string[], options: { input?: string } & Pick<SpawnSyncOptions, 'cwd' | 'uid' | 'gid' | 'timeout'> = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The graphs of a JSONL output. */
export const graphsIn = (jsonl: string): Array<AnnotationGraph & { id: string }> =>
  jsonl.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as AnnotationGraph & { id: string });

/** The `quotegraph: skipped NAME: REASON` lines of a run's standard error, in order. */
export const skippedLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('quotegraph: skipped '));

/** Standard error without the run time of the summary line, so that it compares exactly. */
export const stableStderr = (stderr: string): string[] => stderr.split('\n').filter((l) => l.length > 0).map((l) => l.replace(/ in \d+\.\d s/, ' in T s'));
