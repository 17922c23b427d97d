import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Tests that start the CLI several times get longer than the default, for busy machines. */
export const SPAWN_TIMEOUT = 180_000;

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI from source, as `quotegraph …` would run from dist. */
export function runCli(args: readonly string[], input?: string): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Standard error without the run time of the summary line, so that it compares exactly. */
export const stableStderr = (stderr: string): string[] => stderr.split('\n').filter((l) => l.length > 0).map((l) => l.replace(/ in \d+\.\d s/, ' in T s'));
